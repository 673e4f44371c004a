/*
 * instrument_tally.c — the instrument table, one document at a time (see
 * instrument_tally.h).
 *
 * What depends on order ("the first citation", "the first type word
 * written") is kept with the (rank, citation) place it came from and
 * replaced only by an earlier place, so documents may come in index order
 * and still give what file order gives.  The issue date an instrument's
 * citations agree on most is counted per distinct (key, date), hashed.
 */
#include "instrument_tally.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/buf.h"
#include "../common/grow.h"
#include "../common/intern.h"
#include "../common/permute.h"
#include "../common/symbol.h"
#include "corpus_read.h"
#include "validity.h"

/* A citation's place in file order.  32 bits each: a table entry holds four
 * places, and a corpus of 4 G documents (or one document of 4 G citations)
 * would not fit in memory anyway (vn_instrument_tally_doc refuses one). */
typedef struct cite_place {
    uint32_t rank, k;
} cite_place;

static const cite_place NOWHERE = {UINT32_MAX, UINT32_MAX};

static bool before(cite_place a, cite_place b)
{
    return a.rank != b.rank ? a.rank < b.rank : a.k < b.k;
}

/* One per distinct instrument: a 100k-plan corpus has some 780,000, so the
 * entry is kept small (places in 32 bits, type words and issuers shared). */
typedef struct entry {
    const char *label;          /* what the first citation calls it (label_of) */
    const char *type_word, *issuer, *candidates;   /* the first written, or NULL */
    cite_place first;           /* the key's first citation */
    cite_place type_at, issuer_at, candidates_at;
    size_t mentions;
    uint32_t citing_docs;
    uint32_t last_rank;         /* the document citing_docs counted last */
    /* The first issue date its citations give, and how many give it: most
     * instruments are cited with one date, so only the others go to the
     * tally's table of (key, date) counts. */
    vn_date_range date;
    size_t date_count;
    bool first_has_symbol;
    bool any_resolved, any_ambiguous;
    bool dated_id;              /* the key carries its date ("…@2024-03-25") */
} entry;

/* How often citations of a key give one date other than its entry's. */
typedef struct date_count {
    size_t key;
    vn_date_range range;
    size_t count;
} date_count;

struct vn_instrument_tally {
    const vn_registry *registry;
    vn_arena strings;
    vn_intern keys;             /* key number -> key (strings in `strings`) */
    vn_intern shared;           /* type words and issuers, kept once (in `strings`) */
    entry *entries;
    size_t entry_cap;
    vn_intern date_keys;        /* "key precision first last" -> dates[] index */
    vn_arena date_strings;      /* date_keys' strings */
    date_count *dates;
    size_t date_cap;
    vn_buf key;                 /* scratch: a written key */
    bool finished;
};

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while counting the instruments");
}

vn_status vn_instrument_tally_create(const vn_registry *registry, vn_instrument_tally **out,
                                     vn_error *err)
{
    vn_instrument_tally *t = calloc(1, sizeof *t);
    if (!t)
        return nomem(err);
    t->registry = registry;
    t->strings = (vn_arena)VN_ARENA_INIT;
    t->keys = (vn_intern)VN_INTERN_INIT;
    t->shared = (vn_intern)VN_INTERN_INIT;
    t->date_keys = (vn_intern)VN_INTERN_INIT;
    t->date_strings = (vn_arena)VN_ARENA_INIT;
    t->key = (vn_buf)VN_BUF_INIT;
    *out = t;
    return VN_OK;
}

void vn_instrument_tally_free(vn_instrument_tally *t)
{
    if (!t)
        return;
    vn_arena_free(&t->strings);
    vn_intern_free(&t->keys);
    vn_intern_free(&t->shared);
    vn_intern_free(&t->date_keys);
    vn_arena_free(&t->date_strings);
    vn_buf_free(&t->key);
    free(t->entries);
    free(t->dates);
    free(t);
}

size_t vn_instrument_tally_key_count(const vn_instrument_tally *t)
{
    return t->keys.count;
}

const char *vn_instrument_tally_key(const vn_instrument_tally *t, size_t key)
{
    return key < t->keys.count ? t->keys.keys[key] : NULL;
}

/* ---- counting ---------------------------------------------------------------------------- */

/* The number of key (copied when new), its entry zeroed when new. */
static vn_status key_number(vn_instrument_tally *t, const char *key, size_t *out)
{
    size_t known = vn_intern_find(&t->keys, key);
    if (known != SIZE_MAX) {
        *out = known;
        return VN_OK;
    }
    size_t n = t->keys.count;
    if (!vn_grow((void **)&t->entries, &t->entry_cap, n, sizeof *t->entries, 256))
        return VN_ERR_NOMEM;
    const char *copy = vn_arena_strdup(&t->strings, key);
    if (!copy || vn_intern_add(&t->keys, copy, out) != VN_OK)
        return VN_ERR_NOMEM;
    const char *at = strchr(copy, '@');
    vn_date_range dated;
    t->entries[n] = (entry){.first = NOWHERE, .type_at = NOWHERE, .issuer_at = NOWHERE,
                            .candidates_at = NOWHERE, .last_rank = UINT32_MAX,
                            .dated_id = at && vn_corpus_iso_range(at + 1, &dated)};
    return VN_OK;
}

/* The id without its date ("120-KL/TW@2016-01-07" -> "120-KL/TW"). */
static const char *undated(vn_arena *a, const char *id)
{
    size_t n = strcspn(id, "@");
    if (!id[n])
        return id;
    char *p = vn_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, id, n);
        p[n] = '\0';
    }
    return p;
}

/* What to show for an instrument: its symbol, or the name, or what was written. */
static const char *label_of(vn_arena *a, const vn_citation *c, const char *key)
{
    if (c->instrument)
        return undated(a, key);
    char buf[VN_SYMBOL_MAX + 200];   /* a label is at most this long */
    if (c->symbol[0])
        snprintf(buf, sizeof buf, "%s", c->symbol);
    else if (c->name[0])
        snprintf(buf, sizeof buf, "%s", c->name);
    else if (vn_date_range_year(&c->date))   /* as its key (vn_corpus_written_key) */
        snprintf(buf, sizeof buf, "%s%s%s (%04d)", c->type_word,
                 c->type_word[0] ? " số " : "số ", c->number, vn_date_range_year(&c->date));
    else
        snprintf(buf, sizeof buf, "%s%s%s", c->type_word, c->type_word[0] ? " số " : "số ",
                 c->number);
    return vn_arena_strdup(a, buf);
}

/* Keeps s as the value first written when `at` comes before what is kept;
 * shared (type words and issuers repeat across instruments) or copied. */
static vn_status keep_first(vn_instrument_tally *t, bool shared, const char *s, cite_place at,
                            cite_place *kept_at, const char **kept)
{
    if (!s || !s[0] || !before(at, *kept_at))
        return VN_OK;
    const char *copy =
        shared ? vn_intern_keep(&t->shared, &t->strings, s) : vn_arena_strdup(&t->strings, s);
    if (!copy)
        return VN_ERR_NOMEM;
    *kept = copy;
    *kept_at = at;
    return VN_OK;
}

static vn_status count_date(vn_instrument_tally *t, size_t key, const vn_date_range *r)
{
    entry *e = &t->entries[key];
    if (!e->date_count || vn_date_range_same(&e->date, r)) {
        e->date = *r;
        e->date_count++;
        return VN_OK;
    }
    char text[96];
    snprintf(text, sizeof text, "%zu %d %d-%d-%d %d-%d-%d", key, (int)r->precision,
             r->first.year, r->first.month, r->first.day, r->last.year, r->last.month,
             r->last.day);
    size_t at = vn_intern_find(&t->date_keys, text);
    if (at != SIZE_MAX) {
        t->dates[at].count++;
        return VN_OK;
    }
    size_t n = t->date_keys.count;
    if (!vn_grow((void **)&t->dates, &t->date_cap, n, sizeof *t->dates, 256))
        return VN_ERR_NOMEM;
    const char *copy = vn_arena_strdup(&t->date_strings, text);
    if (!copy || vn_intern_add(&t->date_keys, copy, &at) != VN_OK)
        return VN_ERR_NOMEM;
    t->dates[at] = (date_count){key, *r, 1};
    return VN_OK;
}

static vn_status count_citation(vn_instrument_tally *t, const vn_citation *c, size_t key,
                                cite_place at)
{
    entry *e = &t->entries[key];
    e->mentions++;
    if (e->last_rank != at.rank) {
        e->citing_docs++;
        e->last_rank = at.rank;
    }
    e->any_resolved |= c->instrument != NULL;
    e->any_ambiguous |= c->ambiguous;
    if (before(at, e->first)) {
        const char *label = label_of(&t->strings, c, t->keys.keys[key]);
        if (!label)
            return VN_ERR_NOMEM;
        e->first = at;
        e->label = label;
        e->first_has_symbol = c->symbol[0] != '\0';
    }
    vn_status st = keep_first(t, true, c->type_word, at, &e->type_at, &e->type_word);
    if (st == VN_OK)
        st = keep_first(t, true, c->issuer, at, &e->issuer_at, &e->issuer);
    if (st == VN_OK)
        st = keep_first(t, false, c->candidates, at, &e->candidates_at, &e->candidates);
    if (st == VN_OK && !e->dated_id && c->date.precision != VN_DATE_NONE)
        st = count_date(t, key, &c->date);
    return st;
}

vn_status vn_instrument_tally_doc(vn_instrument_tally *t, const vn_corpus_doc *doc, size_t rank,
                                  size_t *keys, vn_error *err)
{
    if (t->finished)
        return vn_error_set(err, VN_ERR_USAGE, "the instrument tally is finished");
    if (rank >= UINT32_MAX || doc->cite_count >= UINT32_MAX)
        return vn_error_set(err, VN_ERR_USAGE,
                            "%s: too many documents or citations to count (at most %u)",
                            doc->file, (unsigned)UINT32_MAX - 1);
    for (size_t k = 0; k < doc->cite_count; k++) {
        const vn_citation *c = &doc->cites[k].c;
        const char *id = c->instrument;
        if (!id) {
            t->key.len = 0;
            vn_status st = vn_corpus_written_key(c, &t->key, err);
            if (st != VN_OK)
                return st;
            if (vn_buf_append_char(&t->key, '\0') != VN_OK)
                return nomem(err);
            id = t->key.data;
        }
        if (key_number(t, id, &keys[k]) != VN_OK ||
            count_citation(t, c, keys[k], (cite_place){(uint32_t)rank, (uint32_t)k}) != VN_OK)
            return nomem(err);
    }
    return VN_OK;
}

/* ---- the table ---------------------------------------------------------------------------- */

/*
 * The registry instruments that replace cited ones belong to the table
 * too (a replaced-by edge needs its target), followed along the chain from
 * every instrument some citation resolved to.  Each registry instrument is
 * visited once, so a cyclic hand-made registry ends.
 */
static vn_status add_replacements(vn_instrument_tally *t)
{
    const vn_registry *reg = t->registry;
    enum { PRESENT = 1, VISITED = 2 };
    size_t cited = t->keys.count;
    unsigned char *seen = calloc(reg->instrument_count ? reg->instrument_count : 1, 1);
    long *reg_of = malloc((cited ? cited : 1) * sizeof *reg_of);
    size_t *queue = malloc((reg->instrument_count ? reg->instrument_count : 1) * sizeof *queue);
    vn_status st = seen && reg_of && queue ? VN_OK : VN_ERR_NOMEM;
    size_t head = 0, tail = 0;
    for (size_t i = 0; st == VN_OK && i < cited; i++) {
        reg_of[i] = vn_registry_by_id(reg, t->keys.keys[i]);
        if (reg_of[i] >= 0)
            seen[reg_of[i]] |= PRESENT;
    }
    for (size_t i = 0; st == VN_OK && i < cited; i++) {
        if (reg_of[i] < 0 || !t->entries[i].any_resolved || (seen[reg_of[i]] & VISITED))
            continue;   /* unresolved: what was written, not an identity */
        seen[reg_of[i]] |= VISITED;
        queue[tail++] = (size_t)reg_of[i];
        while (st == VN_OK && head < tail) {
            size_t r = queue[head++];
            for (size_t cur = 0, e; st == VN_OK && vn_registry_event_next(reg, r, &cur, &e);) {
                const vn_event *ev = &reg->events[e];
                if (ev->other < 0 ||
                    (ev->kind != VN_EVENT_REPLACED_BY && ev->kind != VN_EVENT_SUPERSEDED_BY) ||
                    (seen[ev->other] & PRESENT))
                    continue;
                seen[ev->other] |= PRESENT | VISITED;
                size_t key;
                st = key_number(t, reg->instruments[ev->other].id, &key);
                queue[tail++] = (size_t)ev->other;
            }
        }
    }
    free(queue);
    free(reg_of);
    free(seen);
    return st;
}

/* (precision, count, range): finer, then more frequent, then earlier wins. */
static bool better_date(const date_count *a, const date_count *best)
{
    if (!best)
        return true;
    if (a->range.precision != best->range.precision)
        return a->range.precision > best->range.precision;
    if (a->count != best->count)
        return a->count > best->count;
    int r = vn_date_cmp(a->range.first, best->range.first);
    return (r ? r : vn_date_cmp(a->range.last, best->range.last)) < 0;
}

/* Leaves in every entry the date its citations agree on most. */
static void settle_dates(vn_instrument_tally *t)
{
    for (size_t i = 0; i < t->date_keys.count; i++) {
        const date_count *d = &t->dates[i];
        entry *e = &t->entries[d->key];
        date_count kept = {d->key, e->date, e->date_count};
        if (better_date(d, &kept)) {
            e->date = d->range;
            e->date_count = d->count;
        }
    }
}

/* The issue date of an instrument not in the registry: the date in its
 * identity, else the finest date its citations give, the most frequent of
 * those (earliest on a tie), else the year of its symbol. */
static void issued_from_citations(const char *id, const char *symbol, const vn_date_range *best,
                                  vn_date_range *out)
{
    memset(out, 0, sizeof *out);
    const char *at = strchr(id, '@');
    if (at && vn_corpus_iso_range(at + 1, out))
        return;
    if (best) {
        *out = *best;
        return;
    }
    vn_symbol s;
    if (symbol[0] && vn_symbol_parse_loose(symbol, strlen(symbol), NULL, &s) && s.year)
        vn_date_range_set(s.year, 0, 0, out);
}

/* A registry string kept with the table ("" stays the literal). */
static const char *keep(vn_arena *a, const char *s)
{
    return s && s[0] ? vn_arena_strdup(a, s) : "";
}

/* Instrument `key`; its strings are the tally's (moved to the corpus) or
 * copied into them. */
static vn_status fill(vn_instrument_tally *t, size_t key, vn_corpus_instrument *in)
{
    const vn_registry *reg = t->registry;
    const entry *e = &t->entries[key];
    const char *id = t->keys.keys[key];
    bool cited = e->mentions > 0;
    in->state = VN_INST_RESOLVED;
    if (cited && !e->any_resolved)
        in->state = e->any_ambiguous ? VN_INST_AMBIGUOUS : VN_INST_UNRESOLVED;
    in->mentions = e->mentions;
    in->citing_docs = e->citing_docs;
    in->registry = in->state == VN_INST_RESOLVED && reg ? vn_registry_by_id(reg, id) : -1;
    const vn_instrument *ri = in->registry >= 0 ? &reg->instruments[in->registry] : NULL;
    in->id = id;
    in->label = e->label ? e->label : undated(&t->strings, id);
    if (ri)
        in->symbol = strcmp(ri->symbol, in->label) == 0 ? in->label : keep(&t->strings, ri->symbol);
    else if (in->state == VN_INST_RESOLVED || (cited && e->first_has_symbol))
        in->symbol = in->label;
    else
        in->symbol = "";
    in->candidates = e->candidates;
    in->type_word = ri && ri->type_word[0] ? keep(&t->strings, ri->type_word)
                                           : e->type_word ? e->type_word : "";
    in->issuer = ri && ri->issuer[0] ? keep(&t->strings, ri->issuer) : e->issuer ? e->issuer : "";
    if (!in->label || !in->symbol || !in->type_word || !in->issuer)
        return VN_ERR_NOMEM;
    memset(&in->issued, 0, sizeof in->issued);
    if (ri)
        vn_instrument_issue_range(reg, (size_t)in->registry, &in->issued);
    else if (in->state == VN_INST_RESOLVED)
        issued_from_citations(id, in->symbol, e->date_count ? &e->date : NULL, &in->issued);
    return VN_OK;
}

/* The table is written over the entries: the two are about the same size
 * (an instrument each), and at 100,000 plans (777,000 instruments) holding
 * both cost 87 MB.  Each key's entry becomes its instrument in place, the
 * instruments move to their sorted places cycle by cycle, and the array is
 * packed to the table's stride and shrunk. */
_Static_assert(sizeof(entry) >= sizeof(vn_corpus_instrument) &&
                   _Alignof(entry) >= _Alignof(vn_corpus_instrument),
               "an entry's room holds its instrument");

static vn_corpus_instrument *table_over_entries(vn_instrument_tally *t, size_t n, size_t *order)
{
    unsigned char *slots = (unsigned char *)t->entries;
    vn_corpus_instrument held;
    vn_permute_from(slots, n, sizeof(entry), sizeof held, order, &held);
    for (size_t r = 1; r < n; r++)
        memmove(slots + r * sizeof(vn_corpus_instrument), slots + r * sizeof(entry),
                sizeof(vn_corpus_instrument));
    vn_corpus_instrument *table = realloc(slots, n * sizeof *table);
    t->entries = NULL;
    t->entry_cap = 0;
    return table ? table : (vn_corpus_instrument *)slots;
}

vn_status vn_instrument_tally_finish(vn_instrument_tally *t, vn_corpus *c, size_t *place,
                                     vn_error *err)
{
    if (t->finished)
        return vn_error_set(err, VN_ERR_USAGE, "the instrument tally is finished");
    t->finished = true;
    size_t cited = t->keys.count;
    vn_status st = t->registry ? add_replacements(t) : VN_OK;
    size_t n = t->keys.count;
    size_t *order = st == VN_OK ? malloc((n ? n : 1) * sizeof *order) : NULL;
    if (!order)
        st = VN_ERR_NOMEM;
    if (st == VN_OK) {
        settle_dates(t);
        vn_intern_order(&t->keys, order);
    }
    if (st == VN_OK && place)
        for (size_t r = 0; r < n; r++)
            if (order[r] < cited)
                place[order[r]] = r;
    /* each entry becomes its instrument where it is (fill reads its own key's
     * entry only) */
    for (size_t key = 0; st == VN_OK && key < n; key++) {
        vn_corpus_instrument in = {0};
        st = fill(t, key, &in);
        if (st == VN_OK)
            memcpy((unsigned char *)t->entries + key * sizeof(entry), &in, sizeof in);
    }
    vn_corpus_instrument *table = NULL;
    if (st == VN_OK)
        table = n ? table_over_entries(t, n, order) : calloc(1, sizeof *table);
    free(order);
    if (st != VN_OK || !table)
        return nomem(err);
    /* the strings move with the table; the tally keeps no pointer into them
     * that it reads again */
    c->instruments = table;
    c->instrument_count = n;
    c->instrument_strings = t->strings;
    t->strings = (vn_arena)VN_ARENA_INIT;
    return VN_OK;
}

/* ---- from an index -------------------------------------------------------------------------- */

typedef struct streamed {
    vn_instrument_tally *tally;
    vn_tallied_doc_fn fn;
    void *arg;
    size_t *keys;
    size_t key_cap;
} streamed;

static vn_status count_streamed(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    streamed *s = arg;
    if (!vn_grow((void **)&s->keys, &s->key_cap, doc->cite_count, sizeof *s->keys, 64))
        return nomem(err);
    vn_status st = vn_instrument_tally_doc(s->tally, doc, rank, s->keys, err);
    return st == VN_OK && s->fn ? s->fn(s->arg, doc, rank, s->keys, s->tally, err) : st;
}

vn_status vn_instrument_tally_stream(const char *db_path, const vn_registry *registry,
                                     vn_tallied_doc_fn fn, void *arg, vn_corpus *out,
                                     size_t **place, size_t *key_count, vn_error *err)
{
    streamed s = {.fn = fn, .arg = arg};
    out->registry = registry;
    if (place)
        *place = NULL;
    vn_status st = vn_instrument_tally_create(registry, &s.tally, err);
    vn_corpus_visitor visitor = {NULL, count_streamed, &s};
    if (st == VN_OK)
        st = vn_corpus_stream(db_path, registry, &visitor, err);
    size_t keys = st == VN_OK ? vn_instrument_tally_key_count(s.tally) : 0;
    if (st == VN_OK && place && !(*place = malloc((keys ? keys : 1) * sizeof **place)))
        st = nomem(err);
    if (st == VN_OK)
        st = vn_instrument_tally_finish(s.tally, out, place ? *place : NULL, err);
    if (st == VN_OK && key_count)
        *key_count = keys;
    if (st != VN_OK && place) {
        free(*place);
        *place = NULL;
    }
    vn_instrument_tally_free(s.tally);
    free(s.keys);
    return st;
}
