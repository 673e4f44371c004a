/*
 * stored.h — the bytes vncite keeps as a document's Xapian data.
 *
 *   document record (JSON object) | NUL | citation part (zlib)
 *
 * The citation part is the document's citations in the binary form of
 * indexer/stored_cites.h.  Xapian writes document data as given while
 * indexing (only its compactor compresses it), so zlib here keeps an index
 * as written smaller (docs/BENCHMARKS.md).  The document record stays plain
 * and first, so a search hit reads it without inflating anything.
 */
#ifndef VN_STORED_H
#define VN_STORED_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "status.h"

/* Appends the stored form of a document record (JSON text) and a citation
 * part (bytes) to out. */
vn_status vn_stored_pack(const char *document, size_t document_len, const char *citations,
                         size_t citations_len, vn_buf *out, vn_error *err);

/* The document record: a view into data.  false when data has no NUL
 * (not a record of this form). */
bool vn_stored_document(const char *data, size_t len, const char **document,
                        size_t *document_len);

/* Inflates the citation part into out (replacing what it held; NUL-terminated).
 * VN_ERR_INDEX when the part is missing or corrupt, VN_ERR_NOMEM. */
vn_status vn_stored_citations(const char *data, size_t len, vn_buf *out, vn_error *err);

#endif
