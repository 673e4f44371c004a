/*
 * cleaner.h — removes the artefacts of Word-to-text conversion.
 *
 * Removed: markdown emphasis (`**bold**`, `*italic*`, `__x__`), markdown
 * backslash escapes (`\*`, `\-`), heading hashes (`### `), `<sup>…</sup>`
 * and `<sub>…</sub>` tags (the footnote number inside is kept, set apart by
 * a space so "sở<sup>1</sup>." never glues "sở1"), other simple HTML tags
 * (`<u>`, `<b>`, `<i>`, `<br>`), `[bookmark: …]` and `[footnoteRef:N]`
 * markers (a footnote reference becomes a single space).  Footnote bodies
 * and every other character stay, so the cleaned text is what the reader
 * of the document sees.
 *
 * The offmap records where text was removed so positions map back.
 */
#ifndef VN_CLEANER_H
#define VN_CLEANER_H

#include <stddef.h>
#include "../common/buf.h"
#include "../common/offmap.h"
#include "../common/status.h"

vn_status vn_clean_markup(const char *in, size_t len, vn_buf *out, vn_offmap *map);

#endif
