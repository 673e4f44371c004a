/*
 * bench_schema.c — measures index schemas for accent-aware search (run by
 * run.sh; results and the decision are in docs/INDEX.md).
 *
 *   bench_schema index SCHEMA DB [--replicate N] [--chunk BYTES]
 *                     [--batch-docs N] [--batch-postings N] FILE...
 *   bench_schema query SCHEMA DB QUERIES [--runs N]
 *
 * Schemas (each gives SPEC §5's semantics exactly, phrases included):
 *   A  plain form positional + accented form positional where it differs
 *      (vncite's default index: common/terms.c, VN_POSITIONS_BOTH)
 *   B  plain form positional + accented form positional under prefix XA,
 *      for every word (two full forms)
 *   D  accented form only; a plain query word becomes the OR of every
 *      accented spelling of it the index holds (Xapian 1.4 accepts an OR of
 *      terms inside a phrase), found by enumerating Vietnamese spellings
 *   E  accented form positional + plain form without position where it
 *      differs; a plain word in a phrase is matched through the OR of its
 *      spellings (vncite's `index --small`: VN_POSITIONS_ACCENTED)
 *
 * `index` splits each file into documents of about BYTES bytes at line
 * ends (plan-sized documents) and indexes them N times over, with the
 * production batch-commit settings unless --batch-* says otherwise.  `query` reads one query per line:
 * words, "phrases" and -exclusions (A and E are parsed by the production
 * query parser, set for their positions; B and D by the small parser
 * below), and prints for each query the
 * number of matches, a hash of the sorted matching document ids (equal
 * hashes = identical result sets) and the median time of a first page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/buf.h"
#include "common/index_schema.h"
#include "common/terms.h"
#include "common/text.h"
#include "common/tokenize.h"
#include "common/xapian.h"

static void die(const char *what, const vn_error *e)
{
    fprintf(stderr, "bench_schema: %s: %s\n", what, e ? e->msg : "");
    exit(1);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    vn_buf b = VN_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (vn_buf_append(&b, chunk, n) != VN_OK)
            die("read", NULL);
    fclose(f);
    if (vn_buf_append(&b, "", 0) != VN_OK)
        die("read", NULL);
    return vn_buf_steal(&b, len);
}

/* ---- indexing -------------------------------------------------------------- */

typedef struct indexer {
    char schema;
    vn_termgen *tg;
    vn_tokenizer *tok;
    vn_xdoc *doc;
    unsigned pos;
    vn_buf scratch;
    vn_error err;
    vn_status st;
} indexer;

static void add(indexer *ix, const char *prefix, const char *term, size_t len)
{
    if (ix->st != VN_OK)
        return;
    ix->scratch.len = 0;
    if (vn_buf_append(&ix->scratch, prefix, strlen(prefix)) != VN_OK ||
        vn_buf_append(&ix->scratch, term, len) != VN_OK)
        die("out of memory", NULL);
    ix->st = vn_xdoc_add_posting(ix->doc, ix->scratch.data, ix->scratch.len, ix->pos,
                                 &ix->err);
}

/* Schemas B and D place the forms of each word themselves. */
static vn_status on_word(void *ctx, const char *text, size_t start, size_t end, vn_error *err)
{
    indexer *ix = ctx;
    vn_word_forms f;
    if ((ix->st = vn_termgen_word(ix->tg, text + start, end - start, &f, err)) != VN_OK)
        return ix->st;
    if (ix->schema == 'B') {
        add(ix, "", f.plain, f.plain_len);
        add(ix, "XA", f.accented, f.accented_len);
    } else {
        add(ix, "", f.accented, f.accented_len);
    }
    ix->pos++;
    return ix->st;
}

static void index_text(indexer *ix, const char *text, size_t len)
{
    vn_status st;
    if (ix->schema == 'A' || ix->schema == 'E') {
        vn_termgen_set_positions(ix->tg, ix->schema == 'E' ? VN_POSITIONS_ACCENTED
                                                           : VN_POSITIONS_BOTH);
        st = vn_termgen_index(ix->tg, ix->doc, "", text, len, &ix->err);
    } else {
        ix->pos = 1;
        st = vn_termgen_words(ix->tg, text, len, on_word, ix, &ix->err);
    }
    if (st != VN_OK)
        die("index", &ix->err);
}

static int cmd_index(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    indexer ix = {.schema = argv[2][0]};
    const char *dbpath = argv[3];
    int replicate = 4;
    size_t chunk = 8000, batch_postings = 0;
    unsigned batch_docs = 0;
    int first = 4;
    while (first + 1 < argc && strncmp(argv[first], "--", 2) == 0) {
        if (strcmp(argv[first], "--replicate") == 0)
            replicate = atoi(argv[first + 1]);
        else if (strcmp(argv[first], "--chunk") == 0)
            chunk = (size_t)atol(argv[first + 1]);
        else if (strcmp(argv[first], "--batch-docs") == 0)
            batch_docs = (unsigned)atol(argv[first + 1]);
        else if (strcmp(argv[first], "--batch-postings") == 0)
            batch_postings = (size_t)atol(argv[first + 1]);
        first += 2;
    }
    double t0 = now();
    vn_xdb *db;
    if (vn_tokenizer_open(&ix.tok, &ix.err) != VN_OK ||
        vn_termgen_new(ix.tok, &ix.tg, &ix.err) != VN_OK ||
        vn_xdb_open_writable(dbpath, &db, &ix.err) != VN_OK)
        die(dbpath, &ix.err);
    vn_xdb_set_batch(db, batch_docs, batch_postings);
    unsigned long docs = 0;
    size_t bytes = 0;
    for (int rep = 0; rep < replicate; rep++) {
        for (int a = first; a < argc; a++) {
            size_t rawlen, len;
            char *raw = read_file(argv[a], &rawlen);
            if (!raw)
                continue;
            vn_buf nfc = VN_BUF_INIT;
            if (vn_text_normalize(raw, rawlen, &nfc, NULL) != VN_OK)
                die("normalize", NULL);
            free(raw);
            char *text = vn_buf_steal(&nfc, &len);
            size_t start = 0, part = 0;
            while (start < len) {
                size_t end = start + chunk < len ? start + chunk : len;
                while (end < len && text[end - 1] != '\n')
                    end++;
                char id[512];
                snprintf(id, sizeof id, "Q%s#%d#%zu", argv[a], rep, part++);
                if (vn_xdoc_new(&ix.doc, &ix.err) != VN_OK)
                    die("doc", &ix.err);
                index_text(&ix, text + start, end - start);
                if (vn_xdoc_add_boolean(ix.doc, id, strlen(id), &ix.err) != VN_OK ||
                    vn_xdoc_set_data(ix.doc, id + 1, strlen(id + 1), &ix.err) != VN_OK ||
                    vn_xdb_replace(db, id, ix.doc, NULL, &ix.err) != VN_OK)
                    die(dbpath, &ix.err);
                vn_xdoc_destroy(ix.doc);
                docs++;
                bytes += end - start;
                start = end;
            }
            free(text);
        }
    }
    unsigned long commits = vn_xdb_commit_count(db) + 1;
    if (vn_xdb_close(db, &ix.err) != VN_OK)
        die(dbpath, &ix.err);
    printf("schema=%c docs=%lu mb=%.1f seconds=%.2f commits=%lu\n", ix.schema, docs,
           (double)bytes / 1e6, now() - t0, commits);
    vn_termgen_free(ix.tg);
    vn_tokenizer_close(ix.tok);
    vn_buf_free(&ix.scratch);
    return 0;
}

/* ---- schema D: the accented spellings of a plain word ------------------------ */

/* Base vowels and their five tones (grave, acute, hook, tilde, dot). */
static const char *const vowels[][6] = {
    {"a", "à", "á", "ả", "ã", "ạ"}, {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"},
    {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"}, {"e", "è", "é", "ẻ", "ẽ", "ẹ"},
    {"ê", "ề", "ế", "ể", "ễ", "ệ"}, {"i", "ì", "í", "ỉ", "ĩ", "ị"},
    {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"},
    {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"}, {"u", "ù", "ú", "ủ", "ũ", "ụ"},
    {"ư", "ừ", "ứ", "ử", "ữ", "ự"}, {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"},
};

/* The rows of `vowels` a plain letter can stand for. */
static const struct {
    char plain;
    int n;
    int rows[3];
} vowel_rows[] = {
    {'a', 3, {0, 1, 2}}, {'e', 2, {3, 4}}, {'i', 1, {5}},
    {'o', 3, {6, 7, 8}}, {'u', 2, {9, 10}}, {'y', 1, {11}},
};

static int rows_of(char c, const int **rows)
{
    for (size_t i = 0; i < sizeof vowel_rows / sizeof vowel_rows[0]; i++)
        if (vowel_rows[i].plain == c) {
            *rows = vowel_rows[i].rows;
            return vowel_rows[i].n;
        }
    return 0;
}

typedef struct expander {
    vn_xdb *db;
    const char *word;
    vn_buf cand;
    vn_xquery *found[256];
    int nfound;
    long tried;
} expander;

static void expand_from(expander *x, size_t i, bool toned)
{
    if (x->tried > 20000 || x->nfound == 256)
        return;
    char c = x->word[i];
    if (!c) {
        unsigned long freq = 0;
        vn_error e;
        x->tried++;
        if (vn_xdb_termfreq(x->db, x->cand.data, &freq, &e) != VN_OK)
            die("termfreq", &e);
        if (freq > 0 && vn_xquery_term(x->cand.data, x->cand.len, 0, &x->found[x->nfound], &e) == VN_OK)
            x->nfound++;
        return;
    }
    size_t mark = x->cand.len;
    const int *rows;
    int nrows = rows_of(c, &rows);
    if (nrows > 0) {
        /* a vowel: each base vowel, with each tone while none is placed yet */
        for (int r = 0; r < nrows; r++)
            for (int t = 0; t < (toned ? 1 : 6); t++) {
                x->cand.len = mark;
                vn_buf_append(&x->cand, vowels[rows[r]][t], strlen(vowels[rows[r]][t]));
                expand_from(x, i + 1, toned || t > 0);
            }
    } else if (c == 'd') {
        vn_buf_append_char(&x->cand, 'd');
        expand_from(x, i + 1, toned);
        x->cand.len = mark;
        vn_buf_append(&x->cand, "đ", strlen("đ"));
        expand_from(x, i + 1, toned);
    } else {
        vn_buf_append_char(&x->cand, c);
        expand_from(x, i + 1, toned);
    }
    x->cand.len = mark;
    x->cand.data[mark] = '\0';
}

/* ---- the small query parser of schemas B and D ---------------------------------- */

typedef struct qctx {
    char schema;
    vn_xdb *db;
    vn_error err;
} qctx;

/* One word: a term, or for D and a plain word the OR (phrase) / SYNONYM of
 * its spellings; NULL when nothing can match. */
static vn_xquery *word_query(qctx *c, const char *w, size_t n, bool in_phrase)
{
    vn_buf t = VN_BUF_INIT;
    if (vn_terms_query_word(NULL, w, n, &t, &c->err) != VN_OK)
        die("word", &c->err);
    bool accented = vn_text_has_accents(t.data, t.len);
    vn_xquery *q = NULL;
    if ((c->schema == 'B' && !accented) || (c->schema == 'D' && accented)) {
        vn_xquery_term(t.data, t.len, 0, &q, &c->err);
    } else if (c->schema == 'B') {
        vn_buf p = VN_BUF_INIT;
        vn_buf_append(&p, "XA", 2);
        vn_buf_append(&p, t.data, t.len);
        vn_xquery_term(p.data, p.len, 0, &q, &c->err);
        vn_buf_free(&p);
    } else {
        expander x = {.db = c->db, .word = t.data};
        vn_buf_append(&x.cand, "", 0);
        expand_from(&x, 0, false);
        if (x.nfound > 0)
            vn_xquery_combine(in_phrase ? VN_XOP_OR : VN_XOP_SYNONYM, x.found, (size_t)x.nfound,
                              0, &q, &c->err);
        for (int i = 0; i < x.nfound; i++)
            vn_xquery_destroy(x.found[i]);
        vn_buf_free(&x.cand);
    }
    vn_buf_free(&t);
    return q;
}

/* A word or a "phrase" (words separated by spaces). */
static vn_xquery *item_query(qctx *c, const char *s, size_t n, bool phrase)
{
    if (!phrase)
        return word_query(c, s, n, false);
    vn_xquery *words[32];
    size_t k = 0;
    bool dead = false;
    for (size_t i = 0; i < n && k < 32;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j > i) {
            words[k] = word_query(c, s + i, j - i, true);
            dead = dead || !words[k];
            k++;
        }
        i = j;
    }
    vn_xquery *q = NULL;
    if (!dead)
        vn_xquery_combine(VN_XOP_PHRASE, words, k, 0, &q, &c->err);
    for (size_t i = 0; i < k; i++)
        vn_xquery_destroy(words[i]);
    return q;
}

static vn_xquery *parse_small(qctx *c, const char *line)
{
    vn_xquery *pos[32], *neg[32];
    size_t np = 0, nn = 0;
    bool dead = false;
    for (const char *p = line; *p && np < 31 && nn < 31;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        bool not = *p == '-';
        if (not)
            p++;
        bool phrase = *p == '"';
        const char *start = phrase ? p + 1 : p;
        const char *end = phrase ? strchr(start, '"') : start + strcspn(start, " ");
        if (!end)
            end = start + strlen(start);
        vn_xquery *q = item_query(c, start, (size_t)(end - start), phrase);
        if (not) {
            if (q)
                neg[nn++] = q;
        } else {
            dead = dead || !q;
            if (q)
                pos[np++] = q;
        }
        p = *end == '"' ? end + 1 : end;
    }
    vn_xquery *and = NULL, *q = NULL;
    if (!dead && np > 0)
        vn_xquery_combine(VN_XOP_AND, pos, np, 0, &and, &c->err);
    if (and && nn > 0) {
        vn_xquery *parts[33] = {and};
        memcpy(parts + 1, neg, nn * sizeof neg[0]);
        vn_xquery_combine(VN_XOP_AND_NOT, parts, nn + 1, 0, &q, &c->err);
        vn_xquery_destroy(and);
    } else {
        q = and;
    }
    for (size_t i = 0; i < nn; i++)
        vn_xquery_destroy(neg[i]);
    for (size_t i = 0; i < np; i++)
        vn_xquery_destroy(pos[i]);
    if (!q)
        vn_xquery_none(&q, &c->err);
    return q;
}

/* ---- querying ------------------------------------------------------------------- */

static vn_xquery *build(qctx *c, vn_xparser *qp, const char *line)
{
    if (c->schema != 'A' && c->schema != 'E')
        return parse_small(c, line);
    vn_xquery *q;
    if (vn_xparser_parse(qp, line, &q, &c->err) != VN_OK)
        die(line, &c->err);
    return q;
}

static int cmp_uint(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmd_query(int argc, char **argv)
{
    if (argc < 5)
        return 2;
    qctx c = {.schema = argv[2][0]};
    int runs = argc > 6 && strcmp(argv[5], "--runs") == 0 ? atoi(argv[6]) : 20;
    vn_xparser *qp;
    if (vn_xdb_open(argv[3], &c.db, &c.err) != VN_OK ||
        vn_schema_parser_new(NULL, 0, &qp, &c.err) != VN_OK ||
        vn_schema_parser_set_positions(qp, c.schema == 'E' ? VN_POSITIONS_ACCENTED
                                                           : VN_POSITIONS_BOTH,
                                       &c.err) != VN_OK)
        die(argv[3], &c.err);
    unsigned long ndocs;
    vn_xdb_doc_count(c.db, &ndocs, &c.err);
    FILE *f = fopen(argv[4], "r");
    if (!f)
        die(argv[4], NULL);
    char line[1024];
    double total_median = 0;
    unsigned *ids = malloc((ndocs + 1) * sizeof *ids);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        /* the full result set, by document id */
        vn_xquery *q = build(&c, qp, line);
        vn_xsearch_opts all = {.limit = ndocs, .check_at_least = ndocs};
        vn_xmset *m;
        if (vn_xdb_search(c.db, q, &all, &m, &c.err) != VN_OK)
            die(line, &c.err);
        size_t n = vn_xmset_size(m);
        for (size_t i = 0; i < n; i++) {
            vn_xhit h;
            vn_xmset_hit(m, i, &h, &c.err);
            ids[i] = h.docid;
        }
        qsort(ids, n, sizeof *ids, cmp_uint);
        unsigned long long hash = 1469598103934665603ULL;
        for (size_t i = 0; i < n; i++)
            hash = (hash ^ ids[i]) * 1099511628211ULL;
        vn_xmset_destroy(m);
        vn_xquery_destroy(q);
        /* the time of a first page, query construction included */
        double t[256];
        int r = runs < 256 ? runs : 256;
        for (int k = 0; k < r; k++) {
            double t0 = now();
            q = build(&c, qp, line);
            vn_xsearch_opts page = {.limit = 10};
            if (vn_xdb_search(c.db, q, &page, &m, &c.err) != VN_OK)
                die(line, &c.err);
            vn_xmset_destroy(m);
            vn_xquery_destroy(q);
            t[k] = now() - t0;
        }
        qsort(t, (size_t)r, sizeof t[0], cmp_double);
        total_median += t[r / 2];
        printf("%s\t%zu\t%016llx\t%.3f\n", line, n, hash, t[r / 2] * 1000);
    }
    printf("TOTAL\t-\t-\t%.3f\n", total_median * 1000);
    free(ids);
    fclose(f);
    vn_xparser_destroy(qp);
    vn_xdb_close(c.db, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 2;
    if (argc > 1 && strcmp(argv[1], "index") == 0)
        rc = cmd_index(argc, argv);
    else if (argc > 1 && strcmp(argv[1], "query") == 0)
        rc = cmd_query(argc, argv);
    if (rc == 2)
        fprintf(stderr, "usage: bench_schema index A|B|D|E DB [--replicate N] [--chunk BYTES]\n"
                        "                          [--batch-docs N] [--batch-postings N] FILE...\n"
                        "       bench_schema query A|B|D|E DB QUERIES [--runs N]\n");
    return rc;
}
