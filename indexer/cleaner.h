/*
 * cleaner.h — removes the artefacts of Word-to-text conversion.
 *
 * Removed: markdown emphasis (`**bold**`, `*italic*`, `__x__`), markdown
 * backslash escapes (`\*`, `\-`), heading hashes (`### `), `<sup>…</sup>`
 * and `<sub>…</sub>` tags (the footnote number inside is kept, set apart by
 * a space so "sở<sup>1</sup>." never glues "sở1"), other simple HTML tags
 * (`<u>`, `<b>`, `<i>`, `<br>`, `<span …>`, attributes allowed), block tags of
 * HTML (`<p>`, `<div>`, `<table>`, `<tr>`, `<td …>`, `<li>`: each becomes a
 * line break, so a converted table's cells read as lines), `[bookmark: …]` and `[footnoteRef:N]`
 * markers (a footnote reference becomes a single space), a markdown link's
 * brackets and target (`[Quyết định số 12/QĐ-UBND](https://…)` keeps its
 * text), and the cell
 * borders of markdown pipe tables (a line that starts with "|": each "|"
 * becomes a line break, so a cell of a converted Word table reads as its
 * own line; the delimiter row "|---|---|" goes).  Character references an
 * HTML converter left ("Ngh&#7883;", "&#x110;", "&amp;", "&nbsp;") become the
 * characters they name; "NN&PTNT" and unknown names stay.  Footnote bodies
 * and every other character stay, so the cleaned text is what the reader
 * of the document sees.
 *
 * Emphasis markers go only in pairs, within a paragraph (a blank line ends
 * one), and only where they touch text on exactly one side, as in
 * "**Điều 1.**" or "(*sau đây viết tắt là QCDC*)".  So a "* " list bullet,
 * a lone "*" under a header, footnote marks "(*)", "2*3" and separator
 * lines of four or more stars stay: a star is never lost unless it had a
 * partner.  Runs of "_" longer than two (blanks to fill in) stay too.
 *
 * Appends to out.  The offmap (may be NULL) records where text was removed
 * so positions map back; its offsets are relative to what this call
 * appended and to `in`, and it is finished (vn_offmap_finish) on return.
 * Every byte kept maps to itself; a space that stands for removed markup
 * maps to the start of that markup.
 */
#ifndef VN_CLEANER_H
#define VN_CLEANER_H

#include <stddef.h>
#include "../common/buf.h"
#include "../common/offmap.h"
#include "../common/status.h"

vn_status vn_clean_markup(const char *in, size_t len, vn_buf *out, vn_offmap *map);

#endif
