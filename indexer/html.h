/*
 * html.h — the text of an HTML page: a plan saved from Word as a web page,
 * or a legal text saved from a web portal.
 *
 * The page is parsed with libxml2's HTML parser (which recovers from the
 * usual tag soup, decodes character references such as "&#7883;" and
 * "&agrave;", and never touches the network) and its text is read as a
 * browser shows it: blanks collapsed, each block (p, div, li, headings, a
 * table cell …) and each <br> a line, <pre> kept as written, footnote
 * numbers in <sup> kept apart from the words around them.  The head,
 * scripts, styles, comments, Word's XML islands and its "<![if …]>" marks
 * are not text.
 */
#ifndef VN_HTML_H
#define VN_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/status.h"

/* True if UTF-8 bytes are an HTML page: "<!DOCTYPE html" or "<html" first
 * (after blanks, an XML declaration and comments), in any case. */
bool vn_html_magic(const char *utf8, size_t n);

/* True if a file's name says HTML (".html", ".htm", any case): a fragment
 * ("<p>…", as pandoc writes without -s) is a page too.  A markdown file
 * whose first line is an HTML table is not: its name says markdown. */
bool vn_html_name(const char *name);

/*
 * Appends the page's text (valid UTF-8, LF line ends, no NUL) to out.  The
 * page is given already decoded to UTF-8 (reader.h), so a charset its
 * <meta> declares is not applied again.  `name` is used in messages only.
 * VN_ERR_PARSE when libxml2 cannot read it at all, VN_ERR_NOMEM.
 */
vn_status vn_html_text(const char *name, const char *utf8, size_t n, vn_buf *out,
                       vn_error *err);

#endif
