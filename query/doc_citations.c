/*
 * doc_citations.c — each document's cited instruments, streamed (see
 * doc_citations.h).
 *
 * A document's record in the temporary file:
 *   u64 bytes that follow, the date range (vn_date_range, as in memory),
 *   u8 dated, u64 rows, the file and its own number, then per row u64 key,
 *   u64 mentions, i64 line, i64 column and the text; each text is a u64
 *   length and its bytes with their NUL, so that it is read back in place.
 *   With VN_DOC_CITATIONS_EVERY, then u64 citations and per citation u64
 *   key, i64 line, i64 column, u8 kind, u8 ambiguous, the date range and
 *   the text.
 * The file lives as long as the set and no other process reads it, so the
 * numbers are written as the machine holds them.
 */
#include "doc_citations.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/arena.h"
#include "../common/buf.h"
#include "../common/grow.h"
#include "instrument_tally.h"

/* One instrument of the document being spilled: its key, first citation
 * and mentions. */
typedef struct group {
    size_t key, first, mentions;
} group;

struct vn_doc_citations_set {
    vn_corpus table;
    size_t *place;            /* [key]: the key's instrument in the table */
    size_t key_count;
    bool every;               /* VN_DOC_CITATIONS_EVERY */
    FILE *spill;
    char dir[4096];           /* where the temporary file is, for messages */
    vn_arena strings;         /* the file names */
    const char **files;       /* [doc] */
    int64_t *offsets;         /* [doc]: its record in the file; -1 none */
    size_t doc_count, files_cap, offsets_cap;
    group *groups;
    size_t group_cap;
    vn_buf record;            /* a record being written or read back */
    vn_cited *cited;
    size_t cited_cap;
    vn_doc_cite *cites;
    size_t cites_cap;
};

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while listing citations");
}

static vn_status io_error(const vn_doc_citations_set *s, const char *what, vn_error *err)
{
    return vn_error_set(err, VN_ERR_IO,
                        "%s: cannot %s the temporary file of citations: %s (set TMPDIR to a "
                        "folder with room)",
                        s->dir, what, strerror(errno));
}

/* ---- writing ----------------------------------------------------------------------------- */

static bool put(vn_buf *b, const void *p, size_t n)
{
    return vn_buf_append(b, (const char *)p, n) == VN_OK;
}

static bool put_u64(vn_buf *b, uint64_t v)
{
    return put(b, &v, sizeof v);
}

static bool put_text(vn_buf *b, const char *t)
{
    size_t n = (t ? strlen(t) : 0) + 1;
    return put_u64(b, n) && put(b, t ? t : "", n);
}

/* Room for index i in an array that grows by doubling. */
static bool room_for(void **items, size_t *cap, size_t i, size_t size)
{
    while (*cap <= i)
        if (!vn_grow(items, cap, *cap, size, 1024))
            return false;
    return true;
}

/* The document's instruments in order of first mention. */
static size_t group_keys(vn_doc_citations_set *s, const vn_corpus_doc *doc, const size_t *keys)
{
    size_t n = 0;
    for (size_t k = 0; k < doc->cite_count; k++) {
        size_t g = 0;
        while (g < n && s->groups[g].key != keys[k])
            g++;
        if (g == n)
            s->groups[n++] = (group){keys[k], k, 0};
        s->groups[g].mentions++;
    }
    return n;
}

static vn_status spill_doc(void *arg, const vn_corpus_doc *doc, size_t rank, const size_t *keys,
                           const vn_instrument_tally *t, vn_error *err)
{
    (void)t;
    vn_doc_citations_set *s = arg;
    size_t before = s->offsets_cap;
    if (!room_for((void **)&s->files, &s->files_cap, rank, sizeof *s->files) ||
        !room_for((void **)&s->offsets, &s->offsets_cap, rank, sizeof *s->offsets) ||
        !room_for((void **)&s->groups, &s->group_cap, doc->cite_count, sizeof *s->groups))
        return nomem(err);
    for (size_t i = before; i < s->offsets_cap; i++)
        s->offsets[i] = -1;
    if (rank >= s->doc_count)
        s->doc_count = rank + 1;
    if (!(s->files[rank] = vn_arena_strdup(&s->strings, doc->file)))
        return nomem(err);
    off_t at = ftello(s->spill);
    if (at < 0)
        return io_error(s, "write", err);
    s->offsets[rank] = (int64_t)at;

    vn_date_range date;
    uint8_t dated = vn_corpus_doc_date(doc, &date);
    size_t n = group_keys(s, doc, keys);
    vn_buf *b = &s->record;
    b->len = 0;
    bool ok = put_u64(b, 0) && put(b, &date, sizeof date) && put(b, &dated, 1) &&
              put_u64(b, n) && put_text(b, doc->file) && put_text(b, doc->meta.own_number);
    for (size_t g = 0; ok && g < n; g++) {
        const vn_corpus_cite *first = &doc->cites[s->groups[g].first];
        int64_t line = first->line, column = first->column;
        ok = put_u64(b, s->groups[g].key) && put_u64(b, s->groups[g].mentions) &&
             put(b, &line, sizeof line) && put(b, &column, sizeof column) &&
             put_text(b, first->text);
    }
    if (ok && s->every)
        ok = put_u64(b, doc->cite_count);
    for (size_t k = 0; ok && s->every && k < doc->cite_count; k++) {
        const vn_corpus_cite *ci = &doc->cites[k];
        int64_t line = ci->line, column = ci->column;
        uint8_t kind = (uint8_t)ci->c.kind, ambiguous = ci->c.ambiguous;
        ok = put_u64(b, keys[k]) && put(b, &line, sizeof line) &&
             put(b, &column, sizeof column) && put(b, &kind, 1) && put(b, &ambiguous, 1) &&
             put(b, &ci->c.date, sizeof ci->c.date) && put_text(b, ci->text);
    }
    if (!ok)
        return nomem(err);
    uint64_t body = b->len - sizeof body;
    memcpy(b->data, &body, sizeof body);
    if (fwrite(b->data, 1, b->len, s->spill) != b->len)
        return io_error(s, "write", err);
    return VN_OK;
}

static vn_status open_spill(vn_doc_citations_set *s, vn_error *err)
{
    const char *dir = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s", dir && dir[0] ? dir : "/tmp");
    char path[4200];
    snprintf(path, sizeof path, "%s/vncite-citations-XXXXXX", s->dir);
    int fd = mkstemp(path);
    if (fd < 0)
        return io_error(s, "create", err);
    unlink(path);   /* gone with the last descriptor, whatever happens */
    if (!(s->spill = fdopen(fd, "w+"))) {
        close(fd);
        return io_error(s, "open", err);
    }
    return VN_OK;
}

vn_status vn_doc_citations_open(const char *db_path, const vn_registry *registry,
                                unsigned flags, vn_doc_citations_set **out, vn_error *err)
{
    *out = NULL;
    vn_doc_citations_set *s = calloc(1, sizeof *s);
    if (!s)
        return nomem(err);
    s->every = flags & VN_DOC_CITATIONS_EVERY;
    s->strings = (vn_arena)VN_ARENA_INIT;
    s->record = (vn_buf)VN_BUF_INIT;
    vn_status st = open_spill(s, err);
    if (st == VN_OK)
        st = vn_instrument_tally_stream(db_path, registry, spill_doc, s, &s->table, &s->place,
                                        &s->key_count, err);
    if (st == VN_OK && fflush(s->spill) != 0)
        st = io_error(s, "write", err);
    for (size_t d = 0; st == VN_OK && d < s->doc_count; d++)
        if (s->offsets[d] < 0)
            st = vn_error_set(err, VN_ERR_INDEX, "%s: document %zu of %zu was not read; the "
                              "index changed while it was read: run the command again",
                              db_path, d + 1, s->doc_count);
    if (st != VN_OK) {
        vn_doc_citations_free(s);
        return st;
    }
    *out = s;
    return VN_OK;
}

/* ---- reading back ------------------------------------------------------------------------ */

const vn_corpus *vn_doc_citations_table(const vn_doc_citations_set *s)
{
    return &s->table;
}

const char *const *vn_doc_citations_files(const vn_doc_citations_set *s, size_t *count)
{
    *count = s->doc_count;
    return s->files;
}

typedef struct reader {
    const char *p, *end;
    bool ok;
} reader;

static void take(reader *r, void *to, size_t n)
{
    if (!r->ok || (size_t)(r->end - r->p) < n) {
        r->ok = false;
        memset(to, 0, n);
        return;
    }
    memcpy(to, r->p, n);
    r->p += n;
}

static uint64_t take_u64(reader *r)
{
    uint64_t v;
    take(r, &v, sizeof v);
    return v;
}

/* A text of the record, NUL included. */
static const char *take_text(reader *r)
{
    uint64_t n = take_u64(r);
    if (!r->ok || n == 0 || (uint64_t)(r->end - r->p) < n || r->p[n - 1] != '\0') {
        r->ok = false;
        return "";
    }
    const char *t = r->p;
    r->p += n;
    return t;
}

vn_status vn_doc_citations_get(vn_doc_citations_set *s, size_t doc, vn_doc_citations *out,
                               vn_error *err)
{
    memset(out, 0, sizeof *out);
    uint64_t body;
    if (doc >= s->doc_count || fseeko(s->spill, (off_t)s->offsets[doc], SEEK_SET) != 0 ||
        fread(&body, sizeof body, 1, s->spill) != 1)
        return io_error(s, "read", err);
    s->record.len = 0;
    if (vn_buf_reserve(&s->record, (size_t)body) != VN_OK)
        return nomem(err);
    if (fread(s->record.data, 1, (size_t)body, s->spill) != body)
        return io_error(s, "read", err);
    reader r = {s->record.data, s->record.data + body, true};
    uint8_t dated;
    take(&r, &out->date, sizeof out->date);
    take(&r, &dated, 1);
    out->dated = dated;
    uint64_t n = take_u64(&r);
    out->file = take_text(&r);
    out->own_number = take_text(&r);
    if (r.ok && (n > body || !room_for((void **)&s->cited, &s->cited_cap, n, sizeof *s->cited)))
        return n > body ? io_error(s, "read", err) : nomem(err);
    for (uint64_t g = 0; r.ok && g < n; g++) {
        vn_cited *c = &s->cited[g];
        uint64_t key = take_u64(&r);
        c->mentions = (size_t)take_u64(&r);
        int64_t line, column;
        take(&r, &line, sizeof line);
        take(&r, &column, sizeof column);
        c->line = (long)line;
        c->column = (long)column;
        c->text = take_text(&r);
        r.ok = r.ok && key < s->key_count;
        c->instrument = r.ok ? s->place[key] : 0;
    }
    uint64_t m = s->every ? take_u64(&r) : 0;
    if (r.ok && (m > body || !room_for((void **)&s->cites, &s->cites_cap, m, sizeof *s->cites)))
        return m > body ? io_error(s, "read", err) : nomem(err);
    for (uint64_t k = 0; r.ok && k < m; k++) {
        vn_doc_cite *c = &s->cites[k];
        uint64_t key = take_u64(&r);
        int64_t line, column;
        uint8_t kind, ambiguous;
        take(&r, &line, sizeof line);
        take(&r, &column, sizeof column);
        take(&r, &kind, 1);
        take(&r, &ambiguous, 1);
        take(&r, &c->date, sizeof c->date);
        c->text = take_text(&r);
        c->index = (size_t)k;
        c->line = (long)line;
        c->column = (long)column;
        c->kind = (vn_citation_kind)kind;
        c->ambiguous = ambiguous;
        r.ok = r.ok && key < s->key_count;
        c->instrument = r.ok ? s->place[key] : 0;
    }
    if (!r.ok || r.p != r.end)
        return vn_error_set(err, VN_ERR_INDEX, "%s: the temporary file of citations is damaged",
                            s->dir);
    out->cited = s->cited;
    out->count = (size_t)n;
    out->cites = s->cites;
    out->cite_count = (size_t)m;
    return VN_OK;
}

void vn_doc_citations_free(vn_doc_citations_set *s)
{
    if (!s)
        return;
    vn_corpus_free(&s->table);
    free(s->place);
    if (s->spill)
        fclose(s->spill);
    vn_arena_free(&s->strings);
    free(s->files);
    free(s->offsets);
    free(s->groups);
    vn_buf_free(&s->record);
    free(s->cited);
    free(s->cites);
    free(s);
}
