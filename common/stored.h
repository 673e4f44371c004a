/*
 * stored.h — the bytes vncite keeps as a document's Xapian data.
 *
 *   document record (JSON object) | NUL | citation records (JSON array, zlib)
 *
 * The citation records are most of a record and repeat their keys and file
 * name; zlib makes them 6-7 times smaller.  Xapian writes document data as
 * given while indexing (only its compactor compresses it), so stored plain
 * they were a third of an index as written (docs/BENCHMARKS.md).  The
 * document record stays plain and first, so a search hit reads it without
 * inflating anything.
 */
#ifndef VN_STORED_H
#define VN_STORED_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "status.h"

/* Appends the stored form of the two JSON texts to out. */
vn_status vn_stored_pack(const char *document, size_t document_len, const char *citations,
                         size_t citations_len, vn_buf *out, vn_error *err);

/* The document record: a view into data.  false when data has no NUL
 * (not a record of this form). */
bool vn_stored_document(const char *data, size_t len, const char **document,
                        size_t *document_len);

/* Inflates the citation records into out (replacing what it held).
 * VN_ERR_INDEX when the part is missing or corrupt, VN_ERR_NOMEM. */
vn_status vn_stored_citations(const char *data, size_t len, vn_buf *out, vn_error *err);

/*
 * Both parts parsed: *document (a JSON object) and *citations (a JSON
 * array), new references.  `scratch` holds the inflated citation records
 * (reuse it across documents).  VN_ERR_INDEX with the reason in err (the
 * caller names the document): no document part, bad JSON, wrong types,
 * corrupt compression.  VN_ERR_NOMEM also when jansson ran out of memory
 * (it reports that as a bad token; errno tells).
 */
vn_status vn_stored_parse(const char *data, size_t len, vn_buf *scratch, json_t **document,
                          json_t **citations, vn_error *err);

#endif
