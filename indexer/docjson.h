/*
 * docjson.h — the JSON shape of documents and citations (docs/JSON.md),
 * built in one place for `extract --json`, the index's document data and
 * `show --json`, so every consumer sees the same schema.
 */
#ifndef VN_DOCJSON_H
#define VN_DOCJSON_H

#include <jansson.h>
#include "analyze.h"

/* {"record":"document", "file":…, "own_number":…, …}; NULL on no memory. */
json_t *vn_document_json(const vn_analysis *a);

/* {"record":"citation", "file":…, "line":…, …}; NULL on no memory. */
json_t *vn_citation_json(const vn_analysis *a, const vn_citation *c);

/* The same record from its parts (line, column, start, end in the file as
 * read; text as written), for a citation read back from the index.  `file`
 * is taken over (a new reference).  NULL on no memory or a string that is
 * not UTF-8. */
json_t *vn_citation_record(json_t *file, const vn_citation *c, long line, long column,
                           long start, long end, const char *text);

/* A path as a JSON string: itself when it is UTF-8, else with every byte
 * that is not UTF-8 written as \xNN.  NULL on no memory. */
json_t *vn_path_json(const char *path);

/* "2024-03" style text of a range, or JSON null when unknown. */
json_t *vn_date_range_json(const vn_date_range *r);

#endif
