/*
 * outdated_input.c — what the outdated report needs of a corpus (see
 * outdated.h: vn_outdated_input), built one document at a time, so that it
 * can come from a loaded corpus or from the index streamed.
 *
 * Each citation is grouped as the instrument table would group it
 * (query/corpus.c): by the resolver's identity, or for an unresolved
 * citation by its written key when some citation resolved to that.
 * Whether one did is known only after the last document, so unresolved
 * citations wait in a list until then.
 */
#include "outdated.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/grow.h"
#include "../common/intern.h"

_Static_assert(offsetof(vn_outdated_doc, file) == 0, "vn_find_file reads the file first");

/* An unresolved citation, decided at the end. */
typedef struct waiting {
    size_t doc;             /* its document's place */
    size_t key;             /* its written key, numbered in `ids` */
    size_t row;             /* its row when the registry knows the key, else SIZE_MAX */
} waiting;

/* What is known of an identity or written key, looked up once. */
typedef struct id_info {
    long registry;          /* its index in the registry, -1 if not there */
    bool resolved;          /* some citation resolved to it */
} id_info;

typedef struct builder {
    const vn_registry *reg;
    vn_outdated_input *out;
    vn_intern ids;          /* identities and written keys, copied into out->strings */
    id_info *info;          /* [id] */
    size_t info_cap;
    /* rows in the order the documents came, put in document order at the
     * end, in place: at a million plans they are a gigabyte */
    vn_outdated_row *rows;
    size_t *row_doc;        /* [row]: its document's place; SIZE_MAX once dropped (an
                               unresolved citation's row, undone at the end) */
    size_t row_count, row_cap, row_doc_cap;
    waiting *waits;
    size_t wait_count, wait_cap;
    vn_buf key;
} builder;

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the report");
}

/* The number of id: copied, and looked up in the registry, the first time. */
static vn_status number_of(builder *b, const char *id, size_t *out, vn_error *err)
{
    size_t n = vn_intern_find(&b->ids, id);
    if (n == SIZE_MAX) {
        const char *copy = vn_arena_strdup(&b->out->strings, id);
        if (!copy || vn_intern_add(&b->ids, copy, &n) != VN_OK ||
            !vn_grow((void **)&b->info, &b->info_cap, n, sizeof *b->info, 1024))
            return nomem(err);
        b->info[n] = (id_info){b->reg ? vn_registry_by_id(b->reg, copy) : -1, false};
    }
    *out = n;
    return VN_OK;
}

static vn_status add_row(builder *b, size_t doc, const vn_corpus_cite *cite, size_t id,
                         size_t at, vn_error *err)
{
    const char *text = vn_arena_strdup(&b->out->strings, cite->text);
    if (!text || !vn_grow((void **)&b->rows, &b->row_cap, b->row_count, sizeof *b->rows, 1024) ||
        !vn_grow((void **)&b->row_doc, &b->row_doc_cap, b->row_count, sizeof *b->row_doc, 1024))
        return nomem(err);
    b->rows[b->row_count] = (vn_outdated_row){cite->line, cite->column, cite->start,
                                              cite->end, text, b->ids.keys[id], at};
    b->row_doc[b->row_count++] = doc;
    return VN_OK;
}

static vn_status begin(void *arg, size_t doc_count, vn_error *err)
{
    builder *b = arg;
    b->out->docs = calloc(doc_count ? doc_count : 1, sizeof *b->out->docs);
    b->out->doc_count = doc_count;
    return b->out->docs ? VN_OK : nomem(err);
}

static vn_status add_doc(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    builder *b = arg;
    vn_outdated_doc *od = &b->out->docs[rank];
    if (!(od->file = vn_arena_strdup(&b->out->strings, doc->file)))
        return nomem(err);
    vn_corpus_doc_date(doc, &od->date);
    vn_status st = VN_OK;
    for (size_t k = 0; st == VN_OK && k < doc->cite_count; k++) {
        const vn_corpus_cite *cite = &doc->cites[k];
        const char *id = cite->c.instrument;
        if (!id) {
            b->key.len = 0;
            if ((st = vn_corpus_written_key(&cite->c, &b->key, err)) != VN_OK)
                break;
            if (vn_buf_append_char(&b->key, '\0') != VN_OK)
                return nomem(err);
        }
        size_t n = 0;
        if ((st = number_of(b, id ? id : b->key.data, &n, err)) != VN_OK)
            break;
        long at = b->info[n].registry;
        if (id)
            b->info[n].resolved = true;
        if (id && at < 0) {
            od->not_in_registry++;
            continue;
        }
        if (at >= 0 && (st = add_row(b, rank, cite, n, (size_t)at, err)) != VN_OK)
            break;
        if (!id) {
            if (!vn_grow((void **)&b->waits, &b->wait_cap, b->wait_count, sizeof *b->waits, 1024))
                return nomem(err);
            b->waits[b->wait_count++] =
                (waiting){rank, n, at >= 0 ? b->row_count - 1 : SIZE_MAX};
        }
    }
    return st;
}

/* The waiting citations decided, the rows put in document order. */
static vn_status finish(builder *b, vn_error *err)
{
    vn_outdated_input *out = b->out;
    for (size_t w = 0; w < b->wait_count; w++) {
        const waiting *x = &b->waits[w];
        if (!b->info[x->key].resolved) {
            out->docs[x->doc].unresolved++;
            if (x->row != SIZE_MAX)
                b->row_doc[x->row] = SIZE_MAX;
        } else if (x->row == SIZE_MAX) {
            out->docs[x->doc].not_in_registry++;
        }
    }
    /* each row's place: counting sort by document (stable, so each keeps
     * its text order), dropped rows after the rest; row_doc becomes it */
    size_t kept = 0;
    for (size_t r = 0; r < b->row_count; r++)
        if (b->row_doc[r] != SIZE_MAX)
            out->docs[b->row_doc[r]].row_count++;
    for (size_t d = 0; d < out->doc_count; d++) {
        out->docs[d].first_row = kept;
        kept += out->docs[d].row_count;
        out->docs[d].row_count = 0;
    }
    size_t dropped = kept;
    for (size_t r = 0; r < b->row_count; r++) {
        size_t d = b->row_doc[r];
        b->row_doc[r] = d == SIZE_MAX ? dropped++
                                      : out->docs[d].first_row + out->docs[d].row_count++;
    }
    /* then each row moved to its place, following the permutation's cycles */
    for (size_t r = 0; r < b->row_count; r++)
        while (b->row_doc[r] != r) {
            size_t to = b->row_doc[r];
            vn_outdated_row row = b->rows[to];
            b->rows[to] = b->rows[r];
            b->rows[r] = row;
            b->row_doc[r] = b->row_doc[to];
            b->row_doc[to] = to;
        }
    out->rows = b->rows;
    out->row_count = kept;
    b->rows = NULL;
    if (!out->rows && !(out->rows = malloc(sizeof *out->rows)))
        return nomem(err);
    return VN_OK;
}

static void builder_free(builder *b)
{
    vn_intern_free(&b->ids);
    free(b->info);
    free(b->rows);
    free(b->row_doc);
    free(b->waits);
    vn_buf_free(&b->key);
}

static vn_status build(builder *b, vn_status st, vn_error *err)
{
    if (st == VN_OK)
        st = finish(b, err);
    builder_free(b);
    if (st != VN_OK)
        vn_outdated_input_free(b->out);
    return st;
}

vn_status vn_outdated_input_build(const vn_corpus *c, vn_outdated_input *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    builder b = {.reg = c->registry, .out = out, .ids = VN_INTERN_INIT, .key = VN_BUF_INIT};
    vn_status st = begin(&b, c->doc_count, err);
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++)
        st = add_doc(&b, &c->docs[d], d, err);
    return build(&b, st, err);
}

vn_status vn_outdated_input_stream(const char *db_path, const vn_registry *registry,
                                   vn_outdated_input *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    builder b = {.reg = registry, .out = out, .ids = VN_INTERN_INIT, .key = VN_BUF_INIT};
    vn_corpus_visitor v = {begin, add_doc, &b};
    return build(&b, vn_corpus_stream(db_path, registry, &v, err), err);
}
