/*
 * docx.h — the text of a Word .docx document (WordprocessingML in a ZIP),
 * or of an OpenDocument .odt text (what LibreOffice writes).
 *
 * Plans are written in Word; a .docx dropped into the corpus is read as
 * the text Word shows: each paragraph a line, the runs' text (w:t) in
 * order, tabs as tabs, line breaks as line breaks, inserted revisions kept
 * and deleted ones dropped (their text is w:delText), field codes
 * (w:instrText) dropped, and of an mc:AlternateContent only the choice.  A
 * footnote reference becomes "<sup>N</sup>" and the footnotes follow the
 * body, one "<sup>N</sup> text" line each, as converters write them
 * (cleaner.h turns both into plain text; their citations count, SPEC §3.1).
 * Headers, footers and comments are not the plan's text and are left out.
 * Both of Word's namespaces are read: transitional (what Word writes by
 * default) and "Strict Open XML".
 *
 * An .odt (a "mimetype" part of application/vnd.oasis.opendocument.text)
 * is read from content.xml the same way: each text:p or text:h a line,
 * blanks collapsed as OpenDocument does (text:s, text:tab, text:line-break
 * written out), a note's citation as "<sup>N</sup>" and its body after the
 * text, tracked changes (which hold deleted text) and comments left out.
 *
 * The archive is read from memory with libzip (loaded on the first .docx,
 * so that commands that read none do not pay for it at start-up) and each
 * part with libxml2's streaming reader (no network, no DTD, no entity
 * expansion).  A part that unpacks to more than VN_DOCX_PART_MAX bytes is
 * refused: a ZIP bomb, not a plan.
 */
#ifndef VN_DOCX_H
#define VN_DOCX_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/status.h"

#define VN_DOCX_PART_MAX ((size_t)64 << 20)

typedef enum vn_office_format { VN_OFFICE_DOCX, VN_OFFICE_ODT } vn_office_format;

/* True if the bytes start like a ZIP archive (what a .docx or .odt is). */
bool vn_docx_magic(const unsigned char *bytes, size_t n);

/*
 * Appends the document's text (valid UTF-8, LF line ends, no NUL) to out
 * and says which format it was (format may be NULL).  `name` is used in
 * messages only.  VN_ERR_BINARY for a ZIP archive that is neither (.xlsx,
 * .ods, .pptx) or is damaged, with a message naming the file and what to
 * do; VN_ERR_IO when libzip cannot be loaded; VN_ERR_NOMEM.
 */
vn_status vn_docx_text(const char *name, const unsigned char *bytes, size_t n, vn_buf *out,
                       vn_office_format *format, vn_error *err);

#endif
