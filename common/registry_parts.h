/*
 * registry_parts.h — what the registry's files give each other.  Internal:
 * registry.c loads the files and answers look-ups, registry_alias.c matches
 * alias names in text, registry_check.c checks a loaded registry.
 */
#ifndef VN_REGISTRY_PARTS_H
#define VN_REGISTRY_PARTS_H

#include <stdarg.h>

#include "registry.h"

#define FILE_INSTRUMENTS "instruments.csv"
#define FILE_EVENTS "events.csv"
#define FILE_ALIASES "aliases.csv"

/* Longest alias name, case-folded, in bytes. */
#define ALIAS_FOLDED_MAX 256

/*
 * Cell text quoted in a message: at most EXCERPT_MAX bytes, cut at a
 * character boundary (with "…" when cut), invalid bytes shown as '?', so a
 * message is valid UTF-8 whatever the cell holds.
 */
#define EXCERPT_MAX 60
typedef struct excerpt {
    char s[EXCERPT_MAX + 8];
} excerpt;

const char *registry_excerpt(const char *s, excerpt *e);

/* Formats one problem and hands it to fn (when there is one). */
void registry_report_to(vn_registry_problem_fn fn, void *ctx, const char *file, int line,
                        const char *fmt, va_list ap);

/* What an order of the instruments is sorted on. */
typedef enum order_key { BY_ID, BY_SYMBOL, BY_NUMBER } order_key;

/* Instrument indices sorted by the key, ties by index; NULL without memory.
 * The caller frees it. */
size_t *registry_sorted_order(const vn_registry *r, order_key by);

typedef enum ref_result { REF_FOUND, REF_UNKNOWN, REF_AMBIGUOUS, REF_BAD_DATE } ref_result;

/*
 * Resolves an instrument as an editor writes it in events.csv/aliases.csv:
 * "59/2023/NĐ-CP", "120-KL/TW@2016-01-07" (also "@07/01/2016"), or a bare
 * yearless symbol that names exactly one instrument; *out is its index.
 */
ref_result registry_resolve_ref(const vn_registry *r, const char *text, long *out);

#endif
