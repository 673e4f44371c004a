/*
 * registry.h — the instrument registry: what instruments exist, their
 * official symbols and names, and their validity history as dated events
 * (the way vbpl.vn's "Lịch sử hiệu lực" records it).
 *
 * The registry is a folder of CSV files a legal officer edits in LibreOffice
 * or Excel (UTF-8, header row, quoted fields, BOM accepted), parsed with
 * libcsv and read at query time, so editing it needs no re-index:
 *   instruments.csv  symbol,issued,type,issuer,title,in_force,source,confidence,note
 *   events.csv       instrument,date,event,other,provision,source,confidence,note
 *   aliases.csv      name,instrument,cited_from,cited_until,source,note
 * (docs/REGISTRY.md documents every column.)
 *
 * Identity (SPEC §3.3): a symbol with a year identifies one instrument; a
 * symbol without a year is reused, so identity is symbol + issue date, written
 * "120-KL/TW@2016-01-07".  Events name instruments by identity, or by bare
 * symbol when the registry holds exactly one instrument with it.
 */
#ifndef VN_REGISTRY_H
#define VN_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "date.h"
#include "status.h"

typedef enum vn_event_kind {
    VN_EVENT_ISSUED,
    VN_EVENT_IN_FORCE,
    VN_EVENT_REPLACED_BY,      /* ceases to be in force; `other` replaces it */
    VN_EVENT_REPEALED,         /* ceases to be in force; nothing replaces it */
    VN_EVENT_SUPERSEDED_BY,    /* replaced in substance without a repealing provision */
    VN_EVENT_PARTLY_REPEALED,
    VN_EVENT_AMENDED_BY,       /* amended/supplemented by `other` */
    VN_EVENT_EXPIRED,
    VN_EVENT_SUSPENDED
} vn_event_kind;

typedef enum vn_confidence {
    VN_CONF_HIGH,
    VN_CONF_MEDIUM,
    VN_CONF_LOW
} vn_confidence;

typedef struct vn_instrument {
    char *symbol;        /* canonical official symbol, "59/2023/NĐ-CP" */
    char *id;            /* identity: symbol, or symbol@ISO-date without a year */
    char *type_word;     /* "Nghị định"; may be "" */
    char *issuer;        /* "Chính phủ"; may be "" */
    char *title;         /* may be "" */
    vn_date_range issued;    /* precision NONE when unknown */
    vn_date_range in_force;  /* precision NONE when unknown */
    char *source;
    vn_confidence confidence;
    char *note;
    int line;            /* line in instruments.csv, for messages */
} vn_instrument;

typedef struct vn_event {
    size_t instrument;   /* index into registry instruments */
    vn_date_range date;  /* may be partial ("11/2025") */
    vn_event_kind kind;
    long other;          /* index of the other instrument, -1 if none */
    char *other_text;    /* the other instrument as written in the CSV */
    char *provision;     /* the provision that says so, may be "" */
    char *source;
    vn_confidence confidence;
    char *note;
    int line;            /* line in events.csv */
} vn_event;

typedef struct vn_alias {
    char *name;          /* as written in aliases.csv, NFC */
    char *folded;        /* case-folded NFC, for matching */
    size_t instrument;
    vn_date cited_from;  /* applies to citing documents dated >= this (0 = open) */
    vn_date cited_until; /* ... and < this (0 = open) */
    int line;
} vn_alias;

/* Event indices grouped by an instrument, each group in file order: the
 * group of instrument i is order[start[i]] .. order[start[i + 1] - 1]. */
typedef struct vn_event_index {
    size_t *order;
    size_t *start;          /* instrument_count + 1 entries */
} vn_event_index;

typedef struct vn_registry {
    char *dir;
    vn_instrument *instruments;
    size_t instrument_count;
    vn_event *events;
    size_t event_count;
    vn_alias *aliases;
    size_t alias_count;
    /* Filled by the loader; a registry built by hand leaves them zero and
     * the look-ups fall back to a linear scan. */
    size_t load_problems;   /* problems reported while loading */
    size_t *id_order;       /* instrument indices sorted by id */
    size_t *symbol_order;   /* instrument indices sorted by symbol, then index */
    char (*numbers)[16];    /* per instrument: the number its symbol starts with
                               (vn_symbol_number_prefix) */
    size_t *number_order;   /* instrument indices sorted by that number, then index */
    vn_event_index about;   /* events by their instrument */
    vn_event_index naming;  /* events by the other instrument they name */
    /* FNV-1a over the three files' bytes as read (zero for a registry built
     * by hand): what a cache derived from the registry is keyed on. */
    uint64_t content_hash;
} vn_registry;

/* A problem found while loading or checking: file, line and sentence. */
typedef struct vn_registry_problem {
    const char *file;   /* "instruments.csv" … */
    int line;
    char message[256];
} vn_registry_problem;

typedef void (*vn_registry_problem_fn)(void *ctx, const vn_registry_problem *p);

/*
 * Loads the registry from dir.  Rows that cannot be used (bad date, unknown
 * instrument, unknown event word) are skipped and reported through
 * `problem` (may be NULL); only an unreadable folder or file, or a file
 * that is not CSV at all, is an error.  Missing events.csv/aliases.csv are
 * allowed (empty).
 */
vn_status vn_registry_load(const char *dir, vn_registry **out,
                           vn_registry_problem_fn problem, void *ctx,
                           vn_error *err);

/*
 * Same as vn_registry_load, from CSV text in memory (tests, fuzzing, and
 * callers that fetched the files themselves).  `events` and `aliases` may
 * be NULL (absent).  Problems name the usual file names; r->dir is "".
 */
vn_status vn_registry_load_from_strings(const char *instruments, size_t instruments_len,
                                        const char *events, size_t events_len,
                                        const char *aliases, size_t aliases_len,
                                        vn_registry **out, vn_registry_problem_fn problem,
                                        void *ctx, vn_error *err);

/* Frees everything the loader allocated; NULL is allowed. */
void vn_registry_free(vn_registry *r);

/*
 * Consistency check for `vncite registry check`: duplicate identities, bad
 * dates, events naming unknown instruments, replacement cycles, alias name
 * clashes (same name, overlapping date ranges, different instruments).
 * Also: a symbol year that differs from the issue year, in-force or event
 * dates before the issue date, a replacement dated before the replacing
 * instrument was issued.  Reports each through `problem`; returns the
 * number found plus r->load_problems (those were reported by the loader to
 * its own callback and are not reported again).
 */
size_t vn_registry_check(const vn_registry *r, vn_registry_problem_fn problem, void *ctx);

/*
 * Instruments whose canonical symbol equals `symbol` (exact, canonical
 * form).  Writes up to max indices into out; returns how many exist.
 */
size_t vn_registry_by_symbol(const vn_registry *r, const char *symbol,
                             size_t *out, size_t max);

/*
 * Walks the events about `instrument` (its rows in events.csv), in file
 * order, without looking at the others:
 *     for (size_t cur = 0, k; vn_registry_event_next(r, i, &cur, &k);)
 *         ... r->events[k] ...
 * `cursor` starts at 0.  A registry built by hand (no index) is scanned.
 */
bool vn_registry_event_next(const vn_registry *r, size_t instrument, size_t *cursor,
                            size_t *event);

/* The same over the events that name `instrument` as their other one
 * ("replaced by", "amended by" … it). */
bool vn_registry_event_naming_next(const vn_registry *r, size_t instrument, size_t *cursor,
                                   size_t *event);

/*
 * Walks the instruments whose symbol starts with the number `number` (as
 * vn_symbol_number_prefix() reads it: "217" for 217-QĐ/TW), in registry
 * order, without looking at the others:
 *     for (size_t cur = 0, i; vn_registry_number_next(r, "217", &cur, &i);)
 * `cursor` starts at 0.  A registry built by hand (no index) is scanned.
 */
bool vn_registry_number_next(const vn_registry *r, const char *number, size_t *cursor,
                             size_t *instrument);

/* Index of the instrument with this identity ("120-KL/TW@2016-01-07" or
 * "59/2023/NĐ-CP"), or -1. */
long vn_registry_by_id(const vn_registry *r, const char *id);

/*
 * Longest alias name that starts text (case-insensitive, NFC) and ends at a
 * word boundary, valid for a document citing on `citing` (a zero date
 * means unknown: then only aliases without a date condition match, unless
 * every alias of that name points to the same instrument).  Returns the
 * alias or NULL; *matched gets the byte length matched in text.
 */
const vn_alias *vn_registry_match_alias(const vn_registry *r, const char *text,
                                        size_t len, vn_date citing, size_t *matched);

const char *vn_event_kind_name(vn_event_kind k);     /* "replaced_by" … */
const char *vn_confidence_name(vn_confidence c);     /* "high" … */

#endif
