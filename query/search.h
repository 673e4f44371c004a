/*
 * search.h — full-text search over a vncite index: query string -> Xapian
 * query (through the schema's parser, common/index_schema.h) -> one page of
 * hits with their metadata and a snippet whose matched words are marked.
 *
 * Snippets are made from the file as it is now (the index does not store
 * text); a file that vanished or changed since indexing still gives a hit,
 * with the snippet taken from its title and `stale` set.
 */
#ifndef VN_SEARCH_H
#define VN_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include "../common/status.h"

typedef enum vn_search_sort {
    VN_SORT_RELEVANCE,
    VN_SORT_DATE       /* newest first */
} vn_search_sort;

typedef struct vn_search_request {
    const char *db_path;
    const char *query;
    size_t offset, limit;
    vn_search_sort sort;
    bool facets;
} vn_search_request;

/* Where a matched word is in a snippet: byte range [start, end). */
typedef struct vn_highlight {
    size_t start, end;
} vn_highlight;

#define VN_SNIPPET_MAX_MARKS 32

typedef struct vn_search_hit {
    size_t rank;                 /* 1-based */
    int percent;
    json_t *document;            /* the stored document record (borrowed from the result) */
    char *snippet;               /* NFC text around the best cluster of matches */
    vn_highlight marks[VN_SNIPPET_MAX_MARKS];
    size_t mark_count;
    bool stale;                  /* file changed or vanished since indexing */
} vn_search_hit;

typedef struct vn_facet_count {
    char *value;
    unsigned long count;
} vn_facet_count;

typedef struct vn_facet {
    const char *name;            /* "year", "type", "issuer", "province" */
    vn_facet_count *values;
    size_t count;
} vn_facet;

#define VN_SEARCH_FACETS 4

typedef struct vn_search_result {
    unsigned long total;         /* estimated matches */
    bool total_exact;
    vn_search_hit *hits;
    size_t hit_count;
    vn_facet facets[VN_SEARCH_FACETS];
    size_t facet_count;
    json_t *data;                /* owns every hit's parsed "document" record */
} vn_search_result;

/* Runs a search.  A malformed query gives VN_ERR_PARSE with a message that
 * names the problem; a missing index VN_ERR_NOTFOUND. */
vn_status vn_search(const vn_search_request *req, vn_search_result *out, vn_error *err);

void vn_search_result_free(vn_search_result *r);

/*
 * Builds a snippet of NFC `text` around the words whose term forms are in
 * `terms` (a NULL-terminated list of terms as the index holds them).
 * Exposed for tests.  Caller frees *snippet.
 */
vn_status vn_search_snippet(const char *text, size_t len, const char *const *terms,
                            char **snippet, vn_highlight *marks, size_t *mark_count,
                            vn_error *err);

#endif
