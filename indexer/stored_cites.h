/*
 * stored_cites.h — a document's citations as the index keeps them: the
 * citation part of a stored record (common/stored.h), before zlib.
 *
 * The JSON citation records (docs/JSON.md) are what users see, but parsing
 * millions of them back was most of the time every corpus question took
 * (docs/BENCHMARKS.md), so the index keeps the same fields in a compact
 * binary form and the records are built again, by the same code
 * (indexer/docjson.c), only where a command prints them:
 *
 *   count                                  varint
 *   per citation:
 *     line, column, start, end             varint each (in the file as read)
 *     kind                                 byte (vn_citation_kind)
 *     flags                                byte: 1 date_shared, 2 ambiguous
 *     date precision                       byte; unless NONE: first and last
 *                                          day as year (varint), month, day
 *     text, type, number, symbol, name,    each varint length + UTF-8 bytes
 *     issuer, term, article, clause,       ("" = none; no NUL inside)
 *     point, corrected, instrument,
 *     candidates
 *
 * Varints are unsigned LEB128.  A part that breaks any of these rules, or
 * holds a field longer than vn_citation has room for (a symbol of
 * VN_SYMBOL_MAX bytes or more), or text that is not UTF-8, is refused; a
 * date that is not a real, ordered range reads as no date.
 */
#ifndef VN_STORED_CITES_H
#define VN_STORED_CITES_H

#include <jansson.h>
#include <stddef.h>

#include "../common/buf.h"
#include "../common/status.h"
#include "analyze.h"
#include "citation.h"

/* A string inside the stored bytes: not NUL-terminated. */
typedef struct vn_strview {
    const char *s;
    size_t n;
} vn_strview;

/* What a stored citation holds besides the fields of vn_citation. */
typedef struct vn_cite_place {
    long line, column;          /* 1-based, in the file as read */
    long start, end;            /* bytes in the file as read */
    vn_strview text;            /* as written */
    vn_strview symbol, name, issuer;   /* vn_citation's, which the reader leaves "" */
    vn_strview corrected;       /* the resolver's notes at index time */
    vn_strview instrument;
    vn_strview candidates;
} vn_cite_place;

/* The citation part of an analysed document: its citations with their
 * positions in the file as read and their text as written. */
vn_status vn_stored_cites_from_analysis(const vn_analysis *a, vn_buf *out);

/* Appends one citation; call vn_stored_cites_begin first with the count.
 * c->start/end are not stored (place has the file's).  VN_ERR_USAGE for a
 * symbol of VN_SYMBOL_MAX bytes or more, which the reader would refuse. */
vn_status vn_stored_cites_begin(vn_buf *out, size_t count);
vn_status vn_stored_cites_add(vn_buf *out, const vn_citation *c, long line, long column,
                              long start, long end, const char *text);

typedef struct vn_stored_cites_reader {
    const unsigned char *p, *end;
    size_t left;                /* citations not read yet */
} vn_stored_cites_reader;

/* Starts reading bytes[0..len) (which must outlive the reader): *count is
 * how many citations follow.  VN_ERR_INDEX with the reason in err. */
vn_status vn_stored_cites_open(const char *bytes, size_t len, vn_stored_cites_reader *r,
                               size_t *count, vn_error *err);

/* The next citation: c is filled (symbol, name and issuer stay "", corrected,
 * instrument and candidates NULL: they are in *place, as views into the
 * bytes, for the caller to keep where it keeps strings).  VN_ERR_INDEX when it
 * is broken, or when it was the last and bytes are left over. */
vn_status vn_stored_cites_next(vn_stored_cites_reader *r, vn_citation *c, vn_cite_place *place,
                               vn_error *err);

/* The JSON citation record of a citation as vn_stored_cites_next gave it
 * (docjson.h), with `file` as the document record has it.  NULL and
 * VN_ERR_NOMEM in *st when out of memory. */
json_t *vn_stored_cite_json(json_t *file, const vn_citation *c, const vn_cite_place *place,
                            vn_status *st, vn_error *err);

/*
 * A whole stored record (common/stored.h) as JSON: *document (an object) and
 * *citations (an array of citation records), new references.  `scratch`
 * holds the inflated citation part (reuse it).  VN_ERR_INDEX with the
 * reason in err (the caller names the document), VN_ERR_NOMEM.
 */
vn_status vn_stored_parse(const char *data, size_t len, vn_buf *scratch, json_t **document,
                          json_t **citations, vn_error *err);

/* The document record alone, as JSON (an object).  Same errors. */
json_t *vn_stored_parse_document(const char *data, size_t len, vn_status *st, vn_error *err);

#endif
