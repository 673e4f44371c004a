/*
 * record.h — reading one member of a hit's stored record without parsing
 * the rest.
 *
 * The index stores per document {"document":{...},"citations":[...]}
 * (indexer/index_doc.c).  A search hit shows a dozen fields of "document",
 * while "citations" is most of the bytes; parsing the whole record was a
 * fifth of a search's time.  The record is walked structurally (strings,
 * nesting) to find the member, and only the member is parsed by jansson, so
 * the member order and the citations' contents do not matter.
 */
#ifndef VN_RECORD_H
#define VN_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

/*
 * Finds the value of the top-level member `key` of the JSON object text
 * data[0..len): sets [*start, *end) to its bytes.  false when the text is
 * not an object of sound structure (unbalanced, unterminated string,
 * trailing bytes), a key is written with escapes (it could spell `key`),
 * or there is no such member.  A repeated key gives its last value, as
 * jansson does.
 */
bool vn_record_member_span(const char *data, size_t len, const char *key, size_t *start,
                           size_t *end);

/*
 * The parsed value of member `key` (a new reference), or NULL with *je
 * set.  Falls back to parsing the whole record when the span cannot be
 * found, so a record the walk does not understand reads as before: a
 * missing member gives NULL with je->text empty.
 */
json_t *vn_record_member(const char *data, size_t len, const char *key, json_error_t *je);

#endif
