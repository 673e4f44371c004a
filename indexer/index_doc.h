/*
 * index_doc.h — one analysed document as a Xapian document (schema in
 * common/index_schema.h): positional word terms for title and body, filter
 * terms (path, own number, type, issuer, province, year, every cited
 * instrument), the date and file-stamp values, and the document data: the
 * JSON records of docs/JSON.md in the stored form of common/stored.h, so
 * `search` and `show` never re-read files for metadata or citations.
 *
 * The document text itself is not stored (it would double the index); the
 * file is read again for snippets and `show`.
 */
#ifndef VN_INDEX_DOC_H
#define VN_INDEX_DOC_H

#include "../common/index_schema.h"
#include "../common/terms.h"
#include "analyze.h"

/* Builds *out (free with vn_xdoc_destroy).  Citations should be resolved
 * (resolve.h) first: their identities become `cites:` terms. */
vn_status vn_index_build_doc(vn_termgen *g, const vn_analysis *a, const vn_file_stamp *stamp,
                             vn_xdoc **out, vn_error *err);

/* The `cites:` identity of one citation (appended to out): its instrument
 * when resolved, else what is written (symbol, or ~name), dated when the
 * citation gives a day. */
vn_status vn_index_citation_identity(const vn_citation *c, vn_buf *out, vn_error *err);

#endif
