/*
 * docjson.h — the JSON shape of documents and citations (docs/JSON.md),
 * built in one place for `extract --json`, the index's document data and
 * `show --json`, so every consumer sees the same schema.
 */
#ifndef VN_DOCJSON_H
#define VN_DOCJSON_H

#include <jansson.h>

#include "../common/xapian.h"
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

/* The name vn_path_json() showed as `shown`, its bytes back (malloc'd), or
 * NULL when `shown` is a name as it is (nothing to undo, or undoing it
 * would not give a name shown so). */
char *vn_path_unescape(const char *shown);

/* The file a stored path names on disk: `shown` when it is there, else the
 * unescaped name when that is (then *owned holds it, to free), else
 * `shown`.  For the query commands that read a document's file again. */
const char *vn_path_on_disk(const char *shown, char **owned);

/* The indexed document whose path a record shows as `shown` (its unique
 * term, or that of the unescaped name).  VN_ERR_NOTFOUND when neither is
 * indexed (err from the first lookup). */
vn_status vn_find_document(vn_xdb *db, const char *shown, vn_xdoc **out, vn_error *err);

/* "2024-03" style text of a range, or JSON null when unknown. */
json_t *vn_date_range_json(const vn_date_range *r);

#endif
