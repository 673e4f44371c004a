/*
 * corpus.c — the citation graph of an index (see corpus.h).
 *
 * Loading reads every document back (corpus_read.c: the resolution stored
 * at indexing time is thrown away), and vn_resolve runs again over ALL
 * documents with the registry as it is now.  That is what makes an edit of
 * the registry visible without re-indexing, and what lets an undated
 * citation in one shard find its dated instrument in another.
 *
 * The instrument table is counted one document at a time
 * (instrument_tally.c), a hash per citation.
 */
#include "corpus.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/grow.h"
#include "../common/index_schema.h"
#include "../common/intern.h"
#include "../common/text.h"
#include "../common/xapian.h"
#include "../indexer/index_doc.h"
#include "../indexer/resolve.h"
#include "corpus_read.h"
#include "find_file.h"
#include "instrument_tally.h"
#include "validity.h"


static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while reading the index");
}

/* ---- reading the index ------------------------------------------------------------- */

typedef struct collected {
    raw_doc *raw;
    size_t count, room;
} collected;

static vn_status collect_page(void *arg, raw_doc *docs, size_t n, vn_error *err)
{
    (void)err;
    collected *all = arg;
    memcpy(all->raw + all->count, docs, n * sizeof *docs);   /* the page's docs move */
    all->count += n;
    return VN_OK;
}

/* Every document of the index, converted, sorted by file. */
static vn_status read_documents(const char *db_path, vn_corpus *c, unsigned flags,
                                raw_doc **out, size_t *count, vn_error *err)
{
    *out = NULL;
    *count = 0;
    vn_xdb *db;
    unsigned long total;
    vn_status st = vn_corpus_read_open(db_path, &db, &total, err);
    if (st != VN_OK)
        return st;
    collected all = {calloc(total ? total : 1, sizeof *all.raw), 0, total};
    st = all.raw ? vn_corpus_read_pages(db, db_path, total, c, flags & VN_CORPUS_KEEP_RECORDS,
                                        collect_page, &all, err)
                 : nomem(err);
    vn_xdb_close(db, NULL);
    if (st != VN_OK) {
        for (size_t i = 0; i < all.count; i++)
            vn_raw_doc_free(&all.raw[i]);
        free(all.raw);
        return st;
    }
    qsort(all.raw, all.count, sizeof *all.raw, vn_raw_doc_cmp);
    /* a path can only be in one shard, but an index copied together from
     * several runs could hold it twice: keep one, so nothing counts double */
    size_t u = 0;
    for (size_t i = 0; i < all.count; i++) {
        if (u == 0 || strcmp(all.raw[u - 1].doc.file, all.raw[i].doc.file) != 0)
            all.raw[u++] = all.raw[i];
        else
            vn_raw_doc_free(&all.raw[i]);
    }
    *out = all.raw;
    *count = u;
    return VN_OK;
}

/* Resolves every document's citations together; the documents move into c. */
static vn_status resolve_all(vn_corpus *c, raw_doc *raw, size_t n, const vn_registry *registry,
                             vn_error *err)
{
    vn_resolve_doc *rdocs = calloc(n ? n : 1, sizeof *rdocs);
    c->docs = calloc(n ? n : 1, sizeof *c->docs);
    if (!rdocs || !c->docs) {
        free(rdocs);
        for (size_t d = 0; d < n; d++)
            vn_raw_doc_free(&raw[d]);
        return nomem(err);
    }
    for (size_t d = 0; d < n; d++) {
        rdocs[d].meta = &raw[d].doc.meta;
        rdocs[d].citations = &raw[d].list;
    }
    vn_status st = vn_resolve(rdocs, n, registry, err);
    free(rdocs);
    c->doc_count = n;
    for (size_t d = 0; d < n; d++) {
        if (st == VN_OK)
            st = vn_raw_doc_resolved(&raw[d], &c->docs[d], err);
        else
            vn_raw_doc_free(&raw[d]);
    }
    return st;
}

/* ---- the instrument table ---------------------------------------------------------- */

/*
 * What an unresolved or ambiguous citation is called in the table: the
 * identity the index gives it (symbol, or "~" + the filter key of a name,
 * dated where identity needs it), so `cites:` in search and the instrument
 * table agree; a bare number ("Quyết định số 217") becomes "~quyet-dinh-217",
 * with the year it is dated in when it has one ("Nghị định số 17/2020" is
 * "~nghi-dinh-17-2020", not the same as a Nghị định 17 of 2021).
 */
vn_status vn_corpus_written_key(const vn_citation *c, vn_buf *out, vn_error *err)
{
    vn_status st = vn_index_citation_identity(c, out, err);
    if (st != VN_OK || out->len)
        return st;
    char text[sizeof c->type_word + sizeof c->number + 16];
    if (vn_date_range_year(&c->date))
        snprintf(text, sizeof text, "%s %s %04d", c->type_word, c->number,
                 vn_date_range_year(&c->date));
    else
        snprintf(text, sizeof text, "%s %s", c->type_word, c->number);
    if (vn_buf_append_char(out, '~') != VN_OK)
        return nomem(err);
    return vn_schema_key(text, strlen(text), out, err);
}

static int key_search(const void *k, const void *e)
{
    return strcmp(k, ((const vn_corpus_instrument *)e)->id);
}

/* The instrument table in one pass over the documents in file order; each
 * citation's `instrument` is its index in it. */
static vn_status build_instruments(vn_corpus *c, vn_error *err)
{
    size_t most = 0;
    for (size_t d = 0; d < c->doc_count; d++)
        if (c->docs[d].cite_count > most)
            most = c->docs[d].cite_count;
    vn_instrument_tally *t = NULL;
    size_t *keys = malloc((most ? most : 1) * sizeof *keys);
    vn_status st = keys ? vn_instrument_tally_create(c->registry, &t, err) : nomem(err);
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++) {
        vn_corpus_doc *doc = &c->docs[d];
        st = vn_instrument_tally_doc(t, doc, d, keys, err);
        for (size_t k = 0; st == VN_OK && k < doc->cite_count; k++)
            doc->cites[k].instrument = keys[k];   /* the key's number until finished */
    }
    size_t *place = NULL;
    if (st == VN_OK) {
        size_t n = vn_instrument_tally_key_count(t);
        place = malloc((n ? n : 1) * sizeof *place);
        st = place ? vn_instrument_tally_finish(t, c, place, err) : nomem(err);
    }
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++)
        for (size_t k = 0; k < c->docs[d].cite_count; k++)
            c->docs[d].cites[k].instrument = place[c->docs[d].cites[k].instrument];
    free(place);
    free(keys);
    vn_instrument_tally_free(t);
    return st;
}

/* ---- public ------------------------------------------------------------------------ */

vn_status vn_corpus_load(const char *db_path, const vn_registry *registry, vn_corpus *out,
                         vn_error *err)
{
    return vn_corpus_load_flags(db_path, registry, 0, out, err);
}

vn_status vn_corpus_load_flags(const char *db_path, const vn_registry *registry,
                               unsigned flags, vn_corpus *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    out->registry = registry;
    out->owner = json_array();
    if (!out->owner)
        return nomem(err);
    if (flags & VN_CORPUS_INSTRUMENTS_ONLY) {
        vn_status st =
            vn_instrument_tally_stream(db_path, registry, NULL, NULL, out, NULL, NULL, err);
        if (st != VN_OK)
            vn_corpus_free(out);
        return st;
    }
    raw_doc *raw = NULL;
    size_t n = 0;
    vn_status st = read_documents(db_path, out, flags, &raw, &n, err);
    if (st == VN_OK)
        st = resolve_all(out, raw, n, registry, err);
    free(raw);
    if (st == VN_OK && !(flags & VN_CORPUS_NO_INSTRUMENTS))
        st = build_instruments(out, err);
    if (st != VN_OK)
        vn_corpus_free(out);
    return st;
}

void vn_corpus_free(vn_corpus *c)
{
    if (!c)
        return;
    for (size_t d = 0; c->docs && d < c->doc_count; d++)
        vn_corpus_doc_free(&c->docs[d]);
    free(c->docs);
    free(c->instruments);
    vn_arena_free(&c->instrument_strings);
    free(c->storage);
    json_decref(c->owner);
    memset(c, 0, sizeof *c);
}

long vn_corpus_find_instrument(const vn_corpus *c, const char *id)
{
    const vn_corpus_instrument *in =
        bsearch(id, c->instruments, c->instrument_count, sizeof *c->instruments, key_search);
    return in ? (long)(in - c->instruments) : -1;
}

long vn_corpus_find_doc(const vn_corpus *c, const char *file)
{
    _Static_assert(offsetof(vn_corpus_doc, file) == 0, "vn_find_file reads the file first");
    return vn_find_file(file, c->docs, c->doc_count, sizeof *c->docs);
}

bool vn_corpus_doc_date(const vn_corpus_doc *d, vn_date_range *out)
{
    if (vn_docmeta_effective_date(&d->meta, out))
        return true;
    memset(out, 0, sizeof *out);
    return false;
}

/* ---- matching what a user types ------------------------------------------------------ */

/* Number, year and type code of a canonical symbol; false if it is none. */
static bool symbol_parts(const char *symbol, vn_symbol *out)
{
    return symbol && symbol[0] && vn_symbol_parse_loose(symbol, strlen(symbol), NULL, out);
}

/* The type codes a hint in front of a number stands for ("nd", "Nghị
 * định", "QĐ"): up to max, returns how many. */
static size_t hint_codes(const char *hint, size_t len, char codes[][VN_SYMBOL_CODE_MAX],
                         size_t max)
{
    size_t start = 0, n = 0;
    const char *word = vn_type_word_ending_at(hint, len, &start);
    if (word && start == 0) {
        const char *const *list = vn_type_word_codes(word);
        for (size_t k = 0; list && list[k] && n < max; k++)
            snprintf(codes[n++], VN_SYMBOL_CODE_MAX, "%s", list[k]);
        return n;
    }
    if (vn_symbol_canonical_code(hint, len, 0, NULL, codes[0]))
        return 1;
    return 0;
}

/* "59/2023", "nd 59/2023", "Nghị định 59", "ct 30": number, optional year
 * and type codes.  False when text is not of that shape. */
typedef struct hinted {
    char number[16];
    int year;
    char codes[8][VN_SYMBOL_CODE_MAX];
    size_t code_count;   /* 0: no hint */
} hinted;

static bool parse_hinted(const char *s, hinted *h)
{
    memset(h, 0, sizeof *h);
    size_t digit = strcspn(s, "0123456789");
    if (!s[digit])
        return false;
    size_t i = digit, nd = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++, nd++;
    if (nd == 0 || nd >= sizeof h->number)
        return false;
    memcpy(h->number, s + digit, nd);
    if (s[i] == '/') {
        size_t y = ++i;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
        if (i - y != 4)
            return false;
        h->year = atoi(s + y);
    }
    if (s[i] != '\0')
        return false;
    size_t hl = digit;
    while (hl > 0 && (s[hl - 1] == ' ' || s[hl - 1] == '\t'))
        hl--;
    if (hl == digit && hl > 0)
        return false;   /* letters glued to the number: not this shape */
    if (hl > 0) {
        h->code_count = hint_codes(s, hl, h->codes, 8);
        if (h->code_count == 0)
            return false;
    } else if (h->year == 0) {
        return false;   /* a bare number alone matches too much to mean anything */
    }
    return true;
}

/* "04" and "4" are one number: people drop the zero that symbols carry. */
static const char *skip_zeros(const char *n)
{
    while (n[0] == '0' && n[1])
        n++;
    return n;
}

static bool hinted_fits(const hinted *h, const char *symbol)
{
    vn_symbol s;
    if (!symbol_parts(symbol, &s) || strcmp(skip_zeros(s.number), skip_zeros(h->number)) != 0)
        return false;
    if (h->year && s.year != h->year)
        return false;
    if (h->code_count == 0)
        return true;
    for (size_t k = 0; k < h->code_count; k++)
        if (s.code_count > 0 && strcmp(s.codes[0], h->codes[k]) == 0)
            return true;
    return false;
}

/* Case-folded NFC of s (malloc'd), or NULL. */
static char *folded(const char *s)
{
    vn_buf norm = VN_BUF_INIT, fold = VN_BUF_INIT;
    char *out = NULL;
    if (vn_text_normalize(s, strlen(s), &norm, NULL) == VN_OK &&
        vn_text_casefold(norm.data ? norm.data : "", norm.len, &fold) == VN_OK &&
        vn_buf_append_char(&fold, '\0') == VN_OK)
        out = vn_buf_steal(&fold, NULL);
    vn_buf_free(&norm);
    vn_buf_free(&fold);
    return out;
}

static bool same_folded(const char *a_folded, const char *b)
{
    char *f = folded(b);
    bool same = f && strcmp(f, a_folded) == 0;
    free(f);
    return same;
}

/* Marks the instrument with this id, if it is in the table. */
static void mark_id(const vn_corpus *c, const char *id, bool *marks)
{
    long i = vn_corpus_find_instrument(c, id);
    if (i >= 0)
        marks[i] = true;
}

/* Names: registry aliases, registry "type title", and unresolved names. */
static void match_name(const vn_corpus *c, const char *text, bool *marks)
{
    char *f = folded(text);
    if (!f)
        return;
    const vn_registry *reg = c->registry;
    for (size_t a = 0; reg && a < reg->alias_count; a++)
        if (strcmp(reg->aliases[a].folded, f) == 0)
            mark_id(c, reg->instruments[reg->aliases[a].instrument].id, marks);
    for (size_t i = 0; reg && i < reg->instrument_count; i++) {
        const vn_instrument *in = &reg->instruments[i];
        if (!in->title[0] || !in->type_word[0])
            continue;
        char full[512];
        snprintf(full, sizeof full, "%s %s", in->type_word, in->title);
        if (same_folded(f, full))
            mark_id(c, in->id, marks);
    }
    vn_buf key = VN_BUF_INIT;
    vn_error err;
    if (vn_buf_append_char(&key, '~') == VN_OK &&
        vn_schema_key(text, strlen(text), &key, &err) == VN_OK && key.len > 1) {
        for (size_t i = 0; i < c->instrument_count; i++) {
            const char *id = c->instruments[i].id;
            if (strncmp(id, key.data, key.len) == 0 && (id[key.len] == '\0' || id[key.len] == '@'))
                marks[i] = true;
            else if (c->instruments[i].state != VN_INST_RESOLVED &&
                     same_folded(f, c->instruments[i].label))
                marks[i] = true;
        }
    }
    vn_buf_free(&key);
    free(f);
}

static size_t collect(const vn_corpus *c, const bool *marks, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < c->instrument_count; i++)
        if (marks[i]) {
            if (n < max)
                out[n] = i;
            n++;
        }
    return n;
}

/* Instruments whose symbol is canon; if none, those whose symbol differs
 * from it only in the QĐ/QĐi variant (the corpus united them). */
static void match_symbol(const vn_corpus *c, const char *canon, bool *marks)
{
    bool any = false;
    for (size_t i = 0; i < c->instrument_count; i++)
        if (strcmp(c->instruments[i].symbol, canon) == 0 ||
            strcmp(c->instruments[i].id, canon) == 0)
            marks[i] = any = true;
    for (size_t i = 0; !any && i < c->instrument_count; i++)
        if (vn_symbol_code_variants(c->instruments[i].symbol, canon))
            marks[i] = true;
}

size_t vn_corpus_match(const vn_corpus *c, const char *text, size_t *out, size_t max)
{
    if (!text || c->instrument_count == 0)
        return 0;
    vn_buf nb = VN_BUF_INIT;
    if (vn_text_normalize(text, strlen(text), &nb, NULL) != VN_OK ||
        vn_buf_append_char(&nb, '\0') != VN_OK) {
        vn_buf_free(&nb);
        return 0;
    }
    char *s = nb.data;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        s[--len] = '\0';
    bool *marks = calloc(c->instrument_count, sizeof *marks);
    size_t n = 0;
    if (!marks || len == 0)
        goto done;
    long exact = vn_corpus_find_instrument(c, s);
    if (exact >= 0) {
        marks[exact] = true;
        /* A yearless symbol that some citations leave ambiguous or
         * unresolved still names every dated instrument with it: go on. */
        if (c->instruments[exact].state == VN_INST_RESOLVED || strchr(s, '@') || s[0] == '~') {
            n = collect(c, marks, out, max);
            goto done;
        }
    }
    vn_symbol sym;
    char canon[VN_SYMBOL_MAX];
    const char *at = strchr(s, '@');
    if (at) {
        /* symbol@date: the instruments with that symbol issued within the date */
        char head[VN_SYMBOL_MAX];
        snprintf(head, sizeof head, "%.*s", (int)(at - s), s);
        if (vn_symbol_parse_loose(head, strlen(head), NULL, &sym))
            vn_symbol_format(&sym, canon);
        else
            snprintf(canon, sizeof canon, "%s", head);
        vn_date_range want;
        if (vn_date_parse_any(at + 1, &want)) {
            for (size_t i = 0; i < c->instrument_count; i++) {
                const vn_corpus_instrument *in = &c->instruments[i];
                if ((strcmp(in->symbol, canon) == 0 || vn_symbol_code_variants(in->symbol, canon)) &&
                    in->issued.precision != VN_DATE_NONE &&
                    vn_date_cmp(in->issued.first, want.first) >= 0 &&
                    vn_date_cmp(in->issued.last, want.last) <= 0)
                    marks[i] = true;
            }
        }
        n = collect(c, marks, out, max);
        goto done;
    }
    size_t digit = strcspn(s, "0123456789");
    const char *typed = NULL;
    if (vn_symbol_parse_loose(s, len, NULL, &sym))
        typed = s;
    else if (digit > 0 && s[digit] && vn_symbol_parse_loose(s + digit, len - digit, NULL, &sym))
        typed = s + digit;
    if (typed) {
        vn_symbol_format(&sym, canon);
        match_symbol(c, canon, marks);
        char alt[VN_SYMBOL_MAX];     /* "05-da/tu": 05-ĐA/TU too */
        if (vn_symbol_other_d_spelling(typed, alt))
            match_symbol(c, alt, marks);
    } else {
        hinted h;
        if (parse_hinted(s, &h)) {
            for (size_t i = 0; i < c->instrument_count; i++)
                if (hinted_fits(&h, c->instruments[i].symbol))
                    marks[i] = true;
        } else {
            match_name(c, s, marks);
        }
    }
    n = collect(c, marks, out, max);
done:
    free(marks);
    vn_buf_free(&nb);
    return n;
}
