/*
 * registry.c — loads the instrument registry (instruments.csv, events.csv,
 * aliases.csv; see registry.h and docs/REGISTRY.md) and answers look-ups by
 * symbol, identity and number.  Alias names are matched in
 * registry_alias.c; the registry is checked in registry_check.c.
 *
 * Reading: libcsv parses each file line by line so that every row knows
 * the text line it starts on (a quoted cell may span lines).  A malformed
 * row is reported with its file and line and skipped; parsing resumes on
 * the next line, so one stray quote never loses the rest of the file.
 */
#include "registry_parts.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "fnv.h"
#include "symbol.h"


/* A registry file larger than this is not a hand-edited registry. */
#define FILE_MAX (64u << 20)
/* After this many malformed rows in one file the rest is ignored. */
#define RECOVERIES_MAX 64

#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

/* ---- names of enum values ------------------------------------------------ */

static const char *const event_names[] = {
    [VN_EVENT_ISSUED] = "issued",
    [VN_EVENT_IN_FORCE] = "in_force",
    [VN_EVENT_REPLACED_BY] = "replaced_by",
    [VN_EVENT_REPEALED] = "repealed",
    [VN_EVENT_SUPERSEDED_BY] = "superseded_by",
    [VN_EVENT_PARTLY_REPEALED] = "partly_repealed",
    [VN_EVENT_AMENDED_BY] = "amended_by",
    [VN_EVENT_EXPIRED] = "expired",
    [VN_EVENT_SUSPENDED] = "suspended",
};

/* vbpl.vn "Lịch sử hiệu lực" words a legal officer may type instead
 * (compared case-folded). */
static const struct {
    const char *word;
    vn_event_kind kind;
} vbpl_words[] = {
    {"ban hành", VN_EVENT_ISSUED},
    {"có hiệu lực", VN_EVENT_IN_FORCE},
    {"bị thay thế", VN_EVENT_REPLACED_BY},
    {"bị bãi bỏ", VN_EVENT_REPEALED},
    {"bị bãi bỏ 1 phần", VN_EVENT_PARTLY_REPEALED},
    {"bị bãi bỏ một phần", VN_EVENT_PARTLY_REPEALED},
    {"được sửa đổi", VN_EVENT_AMENDED_BY},
    {"được bổ sung", VN_EVENT_AMENDED_BY},
    {"được sửa đổi, bổ sung", VN_EVENT_AMENDED_BY},
    {"hết hiệu lực", VN_EVENT_EXPIRED},
    {"ngưng hiệu lực", VN_EVENT_SUSPENDED},
};

static const struct {
    const char *word;
    vn_confidence conf;
} confidence_words[] = {
    {"high", VN_CONF_HIGH},     {"h", VN_CONF_HIGH},   {"cao", VN_CONF_HIGH},
    {"medium", VN_CONF_MEDIUM}, {"m", VN_CONF_MEDIUM}, {"trung bình", VN_CONF_MEDIUM},
    {"low", VN_CONF_LOW},       {"l", VN_CONF_LOW},    {"thấp", VN_CONF_LOW},
};

const char *vn_event_kind_name(vn_event_kind k)
{
    if ((size_t)k < sizeof event_names / sizeof event_names[0] && event_names[k])
        return event_names[k];
    return "unknown";
}

const char *vn_confidence_name(vn_confidence c)
{
    switch (c) {
    case VN_CONF_HIGH: return "high";
    case VN_CONF_MEDIUM: return "medium";
    case VN_CONF_LOW: return "low";
    }
    return "unknown";
}

/* ---- small string helpers ---------------------------------------------- */

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static bool valid_utf8(const char *s)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

/* Cell text quoted in a message (registry_parts.h). */
const char *registry_excerpt(const char *s, excerpt *e)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s), i = 0, o = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        size_t step = n > 0 ? (size_t)n : 1;
        if (o + (n > 0 ? step : 1) > EXCERPT_MAX) {
            memcpy(e->s + o, "\xE2\x80\xA6", 3);
            o += 3;
            break;
        }
        if (n > 0)
            memcpy(e->s + o, s + i, step);
        else
            e->s[o] = '?';
        o += n > 0 ? step : 1;
        i += step;
    }
    e->s[o] = '\0';
    return e->s;
}

/* Length of s without an incomplete UTF-8 sequence at its end (after
 * vsnprintf cut a message short). */
static size_t utf8_complete_len(const char *s, size_t len)
{
    size_t k = len, back = 0;
    while (k > 0 && back < 4 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--, back++;
    if (k == 0)
        return len;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need == 1 || need == back + 1 ? len : k - 1;
}

/* NFC (and case-folded when fold) copy of valid UTF-8; NULL on failure. */
static char *normalize_dup(const char *s, bool fold)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    if (fold)
        opt |= UTF8PROC_CASEFOLD;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, opt) < 0)
        return NULL;
    return (char *)out;
}

/* Grows *p (of *cap elements of size elem) to hold at least need. */
static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* ---- loader state and problem reporting ---------------------------------- */

typedef struct loader {
    vn_registry *r;
    vn_registry_problem_fn problem;
    void *ctx;
    size_t instrument_cap, event_cap, alias_cap;
    bool nomem;
} loader;

void registry_report_to(vn_registry_problem_fn fn, void *ctx, const char *file, int line,
                        const char *fmt, va_list ap)
{
    vn_registry_problem p;
    p.file = file;
    p.line = line;
    vsnprintf(p.message, sizeof p.message, fmt, ap);
    p.message[utf8_complete_len(p.message, strlen(p.message))] = '\0';
    if (fn)
        fn(ctx, &p);
}

static void report(loader *L, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(loader *L, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    registry_report_to(L->problem, L->ctx, file, line, fmt, ap);
    va_end(ap);
    L->r->load_problems++;
}

/* ---- CSV reading ----------------------------------------------------------- */

typedef struct table table;
typedef void (*row_fn)(loader *L, table *t, int line);

#define COLUMNS_MAX 12

/* One registry file being read: its columns, the header mapping and the
 * cells of the row being assembled. */
struct table {
    const char *file;
    const char *const *columns;   /* expected header names, NULL-terminated */
    unsigned required;            /* bit i: columns[i] must be present */
    row_fn row;
    int map[COLUMNS_MAX];         /* columns[i] -> cell index, -1 if absent */
    size_t header_cells;
    bool have_header, unusable;
    loader *L;
    char **cells;
    size_t cell_count, cell_cap;
    int rec_line;                 /* line the current row starts on */
    size_t rec_pos;
    bool in_row;
};

static bool is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void on_cell(void *s, size_t len, void *data)
{
    table *t = data;
    if (t->L->nomem)
        return;
    const char *p = s ? s : "";
    if (!s)
        len = 0;
    while (len > 0 && is_blank_byte(p[0]))
        p++, len--;
    while (len > 0 && is_blank_byte(p[len - 1]))
        len--;
    char *cell = dup_n(p, len);
    if (!cell || !grow((void **)&t->cells, &t->cell_cap, t->cell_count + 1, sizeof *t->cells)) {
        free(cell);
        t->L->nomem = true;
        return;
    }
    t->cells[t->cell_count++] = cell;
}

static void drop_cells(table *t)
{
    for (size_t i = 0; i < t->cell_count; i++)
        free(t->cells[i]);
    t->cell_count = 0;
}

static void read_header(table *t, int line)
{
    excerpt e;
    t->have_header = true;
    t->header_cells = t->cell_count;
    for (int c = 0; t->columns[c]; c++)
        t->map[c] = -1;
    for (size_t i = 0; i < t->cell_count; i++) {
        const char *name = t->cells[i];
        int found = -1;
        for (int c = 0; t->columns[c]; c++)
            if (strcasecmp(name, t->columns[c]) == 0)
                found = c;
        if (found >= 0 && t->map[found] < 0)
            t->map[found] = (int)i;
        else if (found >= 0)
            report(t->L, t->file, line, "column \"%s\" appears twice; the first one is used",
                   name);
        else if (name[0])
            report(t->L, t->file, line, "unknown column \"%s\" is ignored",
                   registry_excerpt(name, &e));
    }
    /* A missing optional column reads as empty: no need to say so, since a
     * misspelt one is reported above as unknown. */
    for (int c = 0; t->columns[c]; c++) {
        if (t->map[c] < 0 && (t->required & (1u << c))) {
            report(t->L, t->file, line,
                   "the header has no column \"%s\": the file is ignored (first row must "
                   "name the columns)",
                   t->columns[c]);
            t->unusable = true;
        }
    }
}

static void on_row_end(int term, void *data)
{
    table *t = data;
    loader *L = t->L;
    t->in_row = false;
    if (L->nomem) {
        drop_cells(t);
        return;
    }
    if (!t->have_header) {
        read_header(t, t->rec_line);
    } else if (!t->unusable) {
        bool empty = true;
        for (size_t i = 0; i < t->cell_count; i++)
            if (t->cells[i][0])
                empty = false;
        bool extra = false;
        for (size_t i = t->header_cells; i < t->cell_count; i++)
            if (t->cells[i][0])
                extra = true;
        bool utf8 = true;
        for (size_t i = 0; i < t->cell_count; i++)
            if (!valid_utf8(t->cells[i]))
                utf8 = false;
        if (empty) {
            /* spreadsheets write trailing ",,,," rows: nothing to say */
        } else if (!utf8) {
            report(L, t->file, t->rec_line,
                   "row is not valid UTF-8 (save the file as \"Text CSV\", character set "
                   "UTF-8): row skipped");
        } else if (extra) {
            report(L, t->file, t->rec_line,
                   "row has %zu cells but the header has %zu (a cell with a comma must be "
                   "quoted): row skipped",
                   t->cell_count, t->header_cells);
        } else {
            t->row(L, t, t->rec_line);
        }
    }
    drop_cells(t);
}

/* Index just past the line terminator (\n, \r\n or a lone \r) at or after pos. */
static size_t line_end(const char *d, size_t len, size_t pos)
{
    while (pos < len) {
        if (d[pos] == '\n')
            return pos + 1;
        if (d[pos] == '\r')
            return pos + 1 < len && d[pos + 1] == '\n' ? pos + 2 : pos + 1;
        pos++;
    }
    return len;
}

static bool blank_line(const char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_blank_byte(d[i]))
            return false;
    return true;
}

/*
 * Excel saves "CSV" with the list separator of the Windows locale, which is
 * ';' in Vietnamese (and many other) locales.  A header line with
 * semicolons and no comma is read with ';'.
 */
static unsigned char detect_delimiter(const char *d, size_t len)
{
    size_t end = line_end(d, len, 0);
    if (memchr(d, ',', end))
        return ',';
    return memchr(d, ';', end) ? ';' : ',';
}

static bool parser_init(struct csv_parser *p, unsigned char delim)
{
    if (csv_init(p, CSV_OPTIONS) != 0)
        return false;
    csv_set_delim(p, delim);
    return true;
}

/* Feeds the file to libcsv one line at a time; see the file comment. */
static void read_csv(table *t, const char *data, size_t len)
{
    loader *L = t->L;
    size_t pos = 0;
    int line = 1, recoveries = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    unsigned char delim = detect_delimiter(data + pos, len - pos);
    struct csv_parser p;
    if (!parser_init(&p, delim)) {
        L->nomem = true;
        return;
    }
    t->in_row = false;
    for (;;) {
        bool failed = false;
        while (pos < len && !L->nomem) {
            size_t end = line_end(data, len, pos);
            if (!t->in_row && !blank_line(data + pos, end - pos)) {
                t->in_row = true;
                t->rec_line = line;
                t->rec_pos = pos;
            }
            if (csv_parse(&p, data + pos, end - pos, on_cell, on_row_end, t) != end - pos) {
                failed = true;
                break;
            }
            pos = end;
            if (line < INT32_MAX)
                line++;
        }
        if (L->nomem)
            break;
        if (!failed && csv_fini(&p, on_cell, on_row_end, t) == 0)
            break;
        int e = csv_error(&p);
        if (e != CSV_EPARSE) {
            L->nomem = true;
            break;
        }
        drop_cells(t);
        if (failed)
            report(L, t->file, t->rec_line,
                   "malformed quoting: a quote inside a cell must be doubled (\"\") and "
                   "nothing may follow a closing quote but the separator: row skipped");
        else
            report(L, t->file, t->rec_line,
                   "a quoted cell is never closed (missing closing quote): row skipped");
        csv_free(&p);
        if (!parser_init(&p, delim)) {
            L->nomem = true;
            goto done;
        }
        if (++recoveries >= RECOVERIES_MAX) {
            report(L, t->file, t->rec_line,
                   "too many malformed rows: the rest of the file is ignored");
            break;
        }
        pos = line_end(data, len, t->rec_pos);
        line = t->rec_line + 1;
        t->in_row = false;
    }
    csv_free(&p);
done:
    drop_cells(t);
    free(t->cells);
    t->cells = NULL;
    t->cell_cap = 0;
}

/* Cell of column c in the current row, "" when absent. */
static const char *cell(const table *t, int c)
{
    int i = t->map[c];
    return i >= 0 && (size_t)i < t->cell_count ? t->cells[i] : "";
}

/* ---- shared cell parsers ------------------------------------------------ */

/* Empty cell -> precision NONE.  Reports and returns false on a bad date. */
static bool date_cell(loader *L, table *t, int line, const char *column, const char *s,
                      vn_date_range *out)
{
    excerpt e;
    memset(out, 0, sizeof *out);
    if (!s[0])
        return true;
    if (vn_date_parse_any(s, out))
        return true;
    report(L, t->file, line,
           "%s \"%s\" is not a date (write dd/mm/yyyy, mm/yyyy or yyyy): row skipped",
           column, registry_excerpt(s, &e));
    return false;
}

static bool confidence_cell(loader *L, table *t, int line, const char *s, vn_confidence *out)
{
    excerpt e;
    char *f = normalize_dup(s, true);
    bool ok = false;
    for (size_t i = 0; f && i < sizeof confidence_words / sizeof confidence_words[0]; i++) {
        if (strcmp(f, confidence_words[i].word) == 0) {
            *out = confidence_words[i].conf;
            ok = true;
        }
    }
    free(f);
    if (!ok) {
        *out = VN_CONF_LOW;
        if (s[0])
            report(L, t->file, line, "confidence \"%s\" is not high, medium or low; read as low",
                   registry_excerpt(s, &e));
        else
            report(L, t->file, line, "confidence is empty; read as low");
    }
    return ok;
}

/* Canonical spelling of a symbol cell, or false when it is no symbol. */
static bool canonical_symbol(const char *s, const char *type_word, char out[VN_SYMBOL_MAX],
                             bool *has_year)
{
    vn_symbol sym;
    if (!vn_symbol_parse_loose(s, strlen(s), type_word && type_word[0] ? type_word : NULL, &sym))
        return false;
    vn_symbol_format(&sym, out);
    if (has_year)
        *has_year = vn_symbol_has_year(&sym);
    return true;
}

/* ---- look-ups ------------------------------------------------------------ */

typedef struct sort_key {
    const char *key;
    size_t index;
} sort_key;

static int cmp_sort_key(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static const char *key_of(const vn_registry *r, size_t i, order_key by)
{
    return by == BY_ID ? r->instruments[i].id
         : by == BY_SYMBOL ? r->instruments[i].symbol
                           : r->numbers[i];
}

size_t *registry_sorted_order(const vn_registry *r, order_key by)
{
    size_t n = r->instrument_count;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    sort_key *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!order || !keys) {
        free(order);
        free(keys);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (sort_key){key_of(r, i, by), i};
    qsort(keys, n, sizeof *keys, cmp_sort_key);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].index;
    free(keys);
    return order;
}

/* First position in order whose key is >= key. */
static size_t lower_bound(const vn_registry *r, const size_t *order, order_key by, const char *key)
{
    size_t lo = 0, hi = r->instrument_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(key_of(r, order[mid], by), key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long vn_registry_by_id(const vn_registry *r, const char *id)
{
    if (!r || !id)
        return -1;
    if (r->id_order) {
        size_t k = lower_bound(r, r->id_order, BY_ID, id);
        if (k < r->instrument_count && strcmp(r->instruments[r->id_order[k]].id, id) == 0)
            return (long)r->id_order[k];
        return -1;
    }
    for (size_t i = 0; i < r->instrument_count; i++)
        if (strcmp(r->instruments[i].id, id) == 0)
            return (long)i;
    return -1;
}

size_t vn_registry_by_symbol(const vn_registry *r, const char *symbol, size_t *out, size_t max)
{
    size_t n = 0;
    if (!r || !symbol)
        return 0;
    if (r->symbol_order) {
        for (size_t k = lower_bound(r, r->symbol_order, BY_SYMBOL, symbol);
             k < r->instrument_count && strcmp(r->instruments[r->symbol_order[k]].symbol, symbol) == 0;
             k++) {
            if (n < max)
                out[n] = r->symbol_order[k];
            n++;
        }
        return n;
    }
    for (size_t i = 0; i < r->instrument_count; i++) {
        if (strcmp(r->instruments[i].symbol, symbol) == 0) {
            if (n < max)
                out[n] = i;
            n++;
        }
    }
    return n;
}

bool vn_registry_number_next(const vn_registry *r, const char *number, size_t *cursor,
                             size_t *instrument)
{
    if (!r || !number)
        return false;
    if (r->number_order) {
        /* the cursor is the position in number_order + 1; 0: not started */
        if (*cursor == 0)
            *cursor = lower_bound(r, r->number_order, BY_NUMBER, number) + 1;
        size_t at = *cursor - 1;
        if (at >= r->instrument_count || strcmp(r->numbers[r->number_order[at]], number) != 0)
            return false;
        *instrument = r->number_order[at];
        ++*cursor;
        return true;
    }
    for (char n[16]; *cursor < r->instrument_count; ++*cursor) {
        vn_symbol_number_prefix(r->instruments[*cursor].symbol, n, sizeof n);
        if (strcmp(n, number) == 0) {
            *instrument = (*cursor)++;
            return true;
        }
    }
    return false;
}


/* "59/2023/ND-CP" is found as 59/2023/NĐ-CP: the symbol is canonicalised
 * first; a date after a symbol with a year adds nothing to its identity. */
ref_result registry_resolve_ref(const vn_registry *r, const char *text, long *out)
{
    *out = -1;
    const char *at = strchr(text, '@');
    size_t sl = at ? (size_t)(at - text) : strlen(text);
    while (sl > 0 && is_blank_byte(text[sl - 1]))
        sl--;
    char raw[VN_SYMBOL_MAX], canon[VN_SYMBOL_MAX];
    if (sl >= sizeof raw)
        return REF_UNKNOWN;
    memcpy(raw, text, sl);
    raw[sl] = '\0';
    bool has_year = false;
    if (!canonical_symbol(raw, NULL, canon, &has_year))
        memcpy(canon, raw, sl + 1);
    if (at && !has_year) {
        vn_date_range d;
        if (!vn_date_parse_any(at + 1, &d))
            return REF_BAD_DATE;
        char id[VN_SYMBOL_MAX + 16], iso[11];
        snprintf(id, sizeof id, "%s@%s", canon, vn_date_range_str(&d, iso));
        *out = vn_registry_by_id(r, id);
        return *out >= 0 ? REF_FOUND : REF_UNKNOWN;
    }
    *out = vn_registry_by_id(r, canon);
    if (*out >= 0)
        return REF_FOUND;
    size_t idx[2];
    size_t n = vn_registry_by_symbol(r, canon, idx, 2);
    if (n == 1) {
        *out = (long)idx[0];
        return REF_FOUND;
    }
    return n > 1 ? REF_AMBIGUOUS : REF_UNKNOWN;
}

/* Reports a failed instrument reference; `what` names the column. */
static void report_ref(loader *L, table *t, int line, const char *what, const char *text,
                       ref_result res)
{
    excerpt e;
    switch (res) {
    case REF_AMBIGUOUS:
        report(L, t->file, line,
               "%s \"%s\" names several instruments: write it with its issue date "
               "(symbol@yyyy-mm-dd): row skipped",
               what, registry_excerpt(text, &e));
        break;
    case REF_BAD_DATE:
        report(L, t->file, line, "%s \"%s\" has a bad date after '@': row skipped", what,
               registry_excerpt(text, &e));
        break;
    case REF_UNKNOWN:
    case REF_FOUND:
        report(L, t->file, line, "%s \"%s\" is not in instruments.csv: row skipped", what,
               registry_excerpt(text, &e));
        break;
    }
}

/* The instrument a row names in column `column` of events.csv or aliases.csv;
 * false, reported (row skipped), when the cell is empty or names none. */
static bool row_instrument(loader *L, table *t, int line, int column, size_t *out)
{
    const char *inst = cell(t, column);
    if (!inst[0]) {
        report(L, t->file, line, "instrument is empty: row skipped");
        return false;
    }
    long idx;
    ref_result res = registry_resolve_ref(L->r, inst, &idx);
    if (res != REF_FOUND) {
        report_ref(L, t, line, "instrument", inst, res);
        return false;
    }
    *out = (size_t)idx;
    return true;
}

/* ---- instruments.csv ------------------------------------------------------ */

enum { I_SYMBOL, I_ISSUED, I_TYPE, I_ISSUER, I_TITLE, I_IN_FORCE, I_SOURCE, I_CONFIDENCE, I_NOTE };
static const char *const instrument_columns[] = {
    "symbol", "issued", "type", "issuer", "title", "in_force", "source", "confidence", "note",
    NULL};

static void free_instrument(vn_instrument *in)
{
    free(in->symbol);
    free(in->id);
    free(in->type_word);
    free(in->issuer);
    free(in->title);
    free(in->source);
    free(in->note);
}

static void instrument_row(loader *L, table *t, int line)
{
    excerpt e;
    const char *raw = cell(t, I_SYMBOL);
    const char *type = cell(t, I_TYPE);
    if (!raw[0]) {
        report(L, t->file, line, "symbol is empty: row skipped");
        return;
    }
    char canon[VN_SYMBOL_MAX];
    bool has_year = false;
    if (!canonical_symbol(raw, type, canon, &has_year)) {
        report(L, t->file, line, "\"%s\" is not an instrument symbol: row skipped",
               registry_excerpt(raw, &e));
        return;
    }
    char *nfc = normalize_dup(raw, false);
    if (nfc && strcmp(nfc, canon) != 0)
        report(L, t->file, line, "symbol \"%s\" is not in canonical form; read as \"%s\"",
               registry_excerpt(raw, &e), canon);
    free(nfc);

    vn_instrument in;
    memset(&in, 0, sizeof in);
    in.line = line;
    if (!date_cell(L, t, line, "issued", cell(t, I_ISSUED), &in.issued) ||
        !date_cell(L, t, line, "in_force", cell(t, I_IN_FORCE), &in.in_force))
        return;
    char id[VN_SYMBOL_MAX + 16];
    if (has_year) {
        snprintf(id, sizeof id, "%s", canon);
    } else if (in.issued.precision == VN_DATE_NONE) {
        report(L, t->file, line,
               "%s has no year, so it is told apart from others by its issue date: fill in "
               "\"issued\": row skipped",
               canon);
        return;
    } else {
        char iso[11];
        snprintf(id, sizeof id, "%s@%s", canon, vn_date_range_str(&in.issued, iso));
    }
    confidence_cell(L, t, line, cell(t, I_CONFIDENCE), &in.confidence);

    vn_registry *r = L->r;
    if (!grow((void **)&r->instruments, &L->instrument_cap, r->instrument_count + 1,
              sizeof *r->instruments)) {
        L->nomem = true;
        return;
    }
    in.symbol = strdup(canon);
    in.id = strdup(id);
    in.type_word = normalize_dup(type, false);
    in.issuer = normalize_dup(cell(t, I_ISSUER), false);
    in.title = normalize_dup(cell(t, I_TITLE), false);
    in.source = normalize_dup(cell(t, I_SOURCE), false);
    in.note = normalize_dup(cell(t, I_NOTE), false);
    if (!in.symbol || !in.id || !in.type_word || !in.issuer || !in.title || !in.source ||
        !in.note) {
        free_instrument(&in);
        L->nomem = true;
        return;
    }
    r->instruments[r->instrument_count++] = in;
}

/* ---- events.csv ------------------------------------------------------------ */

enum { E_INSTRUMENT, E_DATE, E_EVENT, E_OTHER, E_PROVISION, E_SOURCE, E_CONFIDENCE, E_NOTE };
static const char *const event_columns[] = {
    "instrument", "date", "event", "other", "provision", "source", "confidence", "note", NULL};

static bool event_word(const char *s, vn_event_kind *out)
{
    char *f = normalize_dup(s, true);
    if (!f)
        return false;
    bool ok = false;
    for (size_t i = 0; i < sizeof vbpl_words / sizeof vbpl_words[0] && !ok; i++) {
        if (strcmp(f, vbpl_words[i].word) == 0) {
            *out = vbpl_words[i].kind;
            ok = true;
        }
    }
    for (char *p = f; *p; p++)
        if (*p == ' ' || *p == '-')
            *p = '_';
    for (size_t k = 0; k < sizeof event_names / sizeof event_names[0] && !ok; k++) {
        if (strcmp(f, event_names[k]) == 0) {
            *out = (vn_event_kind)k;
            ok = true;
        }
    }
    free(f);
    return ok;
}

static void free_event(vn_event *e)
{
    free(e->other_text);
    free(e->provision);
    free(e->source);
    free(e->note);
}

static void event_row(loader *L, table *t, int line)
{
    excerpt e;
    vn_registry *r = L->r;
    vn_event ev;
    memset(&ev, 0, sizeof ev);
    ev.line = line;
    ev.other = -1;

    if (!row_instrument(L, t, line, E_INSTRUMENT, &ev.instrument))
        return;

    const char *word = cell(t, E_EVENT);
    if (!event_word(word, &ev.kind)) {
        report(L, t->file, line,
               "event \"%s\" is not one of issued, in_force, replaced_by, repealed, "
               "superseded_by, partly_repealed, amended_by, expired, suspended: row skipped",
               registry_excerpt(word, &e));
        return;
    }
    if (!date_cell(L, t, line, "date", cell(t, E_DATE), &ev.date))
        return;
    if (ev.date.precision == VN_DATE_NONE && ev.kind != VN_EVENT_AMENDED_BY &&
        ev.kind != VN_EVENT_PARTLY_REPEALED) {
        report(L, t->file, line,
               "a %s event needs a date (only amended_by and partly_repealed may leave it "
               "empty): row skipped",
               vn_event_kind_name(ev.kind));
        return;
    }
    const char *other = cell(t, E_OTHER);
    if (!other[0] && (ev.kind == VN_EVENT_REPLACED_BY || ev.kind == VN_EVENT_SUPERSEDED_BY)) {
        report(L, t->file, line,
               "%s needs the replacing instrument in \"other\" (use repealed when nothing "
               "replaces it): row skipped",
               vn_event_kind_name(ev.kind));
        return;
    }
    if (other[0]) {
        /* An unknown `other` keeps the event (its own instrument is known);
         * vn_registry_check reports it. */
        long o;
        if (registry_resolve_ref(r, other, &o) == REF_FOUND)
            ev.other = o;
    }
    if (!cell(t, E_SOURCE)[0])
        report(L, t->file, line, "source is empty: every event needs the text that says so");
    confidence_cell(L, t, line, cell(t, E_CONFIDENCE), &ev.confidence);

    if (!grow((void **)&r->events, &L->event_cap, r->event_count + 1, sizeof *r->events)) {
        L->nomem = true;
        return;
    }
    ev.other_text = normalize_dup(other, false);
    ev.provision = normalize_dup(cell(t, E_PROVISION), false);
    ev.source = normalize_dup(cell(t, E_SOURCE), false);
    ev.note = normalize_dup(cell(t, E_NOTE), false);
    if (!ev.other_text || !ev.provision || !ev.source || !ev.note) {
        free_event(&ev);
        L->nomem = true;
        return;
    }
    r->events[r->event_count++] = ev;
}

/* ---- aliases.csv ------------------------------------------------------------ */

enum { A_NAME, A_INSTRUMENT, A_CITED_FROM, A_CITED_UNTIL, A_SOURCE, A_NOTE };
static const char *const alias_columns[] = {
    "name", "instrument", "cited_from", "cited_until", "source", "note", NULL};

static void alias_row(loader *L, table *t, int line)
{
    vn_registry *r = L->r;
    vn_alias al;
    memset(&al, 0, sizeof al);
    al.line = line;
    const char *name = cell(t, A_NAME);
    if (!name[0]) {
        report(L, t->file, line, "name is empty: row skipped");
        return;
    }
    if (!row_instrument(L, t, line, A_INSTRUMENT, &al.instrument))
        return;
    vn_date_range from, until;
    if (!date_cell(L, t, line, "cited_from", cell(t, A_CITED_FROM), &from) ||
        !date_cell(L, t, line, "cited_until", cell(t, A_CITED_UNTIL), &until))
        return;
    /* A partial boundary means its first day: "until 2021" = before 2021. */
    if (from.precision != VN_DATE_NONE)
        al.cited_from = from.first;
    if (until.precision != VN_DATE_NONE)
        al.cited_until = until.first;
    if (al.cited_from.year && al.cited_until.year &&
        vn_date_cmp(al.cited_from, al.cited_until) >= 0) {
        report(L, t->file, line,
               "cited_from is not before cited_until, so the alias never applies: row skipped");
        return;
    }
    al.name = normalize_dup(name, false);
    al.folded = normalize_dup(name, true);
    if (!al.name || !al.folded) {
        free(al.name);
        free(al.folded);
        L->nomem = true;
        return;
    }
    if (strlen(al.folded) > ALIAS_FOLDED_MAX) {
        report(L, t->file, line, "name is longer than %d bytes: row skipped", ALIAS_FOLDED_MAX);
        free(al.name);
        free(al.folded);
        return;
    }
    if (!grow((void **)&r->aliases, &L->alias_cap, r->alias_count + 1, sizeof *r->aliases)) {
        free(al.name);
        free(al.folded);
        L->nomem = true;
        return;
    }
    r->aliases[r->alias_count++] = al;
}

/* ---- events by instrument ----------------------------------------------------- */

/* The instrument event k is grouped under, or instrument_count for none. */
static size_t event_group(const vn_registry *r, size_t k, bool by_other)
{
    const vn_event *e = &r->events[k];
    if (!by_other)
        return e->instrument;
    return e->other < 0 ? r->instrument_count : (size_t)e->other;
}

/* A counting sort: stable, so each group keeps file order. */
static bool index_events(const vn_registry *r, vn_event_index *ix, bool by_other)
{
    size_t n = r->instrument_count;
    ix->start = calloc(n + 2, sizeof *ix->start);
    ix->order = malloc((r->event_count ? r->event_count : 1) * sizeof *ix->order);
    if (!ix->start || !ix->order)
        return false;
    for (size_t k = 0; k < r->event_count; k++)
        ix->start[event_group(r, k, by_other) + 1]++;
    for (size_t i = 0; i < n + 1; i++)
        ix->start[i + 1] += ix->start[i];
    size_t *next = malloc((n + 1) * sizeof *next);
    if (!next)
        return false;
    memcpy(next, ix->start, (n + 1) * sizeof *next);
    for (size_t k = 0; k < r->event_count; k++)
        ix->order[next[event_group(r, k, by_other)]++] = k;
    free(next);
    return true;
}

static bool next_in(const vn_registry *r, const vn_event_index *ix, bool by_other,
                    size_t instrument, size_t *cursor, size_t *event)
{
    if (ix->order) {
        size_t at = ix->start[instrument] + *cursor;
        if (at >= ix->start[instrument + 1])
            return false;
        *event = ix->order[at];
        ++*cursor;
        return true;
    }
    for (; *cursor < r->event_count; ++*cursor)
        if (event_group(r, *cursor, by_other) == instrument) {
            *event = (*cursor)++;
            return true;
        }
    return false;
}

bool vn_registry_event_next(const vn_registry *r, size_t instrument, size_t *cursor,
                            size_t *event)
{
    return next_in(r, &r->about, false, instrument, cursor, event);
}

bool vn_registry_event_naming_next(const vn_registry *r, size_t instrument, size_t *cursor,
                                   size_t *event)
{
    return next_in(r, &r->naming, true, instrument, cursor, event);
}

/* ---- loading ---------------------------------------------------------------- */

void vn_registry_free(vn_registry *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->instrument_count; i++)
        free_instrument(&r->instruments[i]);
    for (size_t i = 0; i < r->event_count; i++)
        free_event(&r->events[i]);
    for (size_t i = 0; i < r->alias_count; i++) {
        free(r->aliases[i].name);
        free(r->aliases[i].folded);
    }
    free(r->instruments);
    free(r->events);
    free(r->aliases);
    free(r->id_order);
    free(r->symbol_order);
    free(r->numbers);
    free(r->number_order);
    free(r->about.order);
    free(r->about.start);
    free(r->naming.order);
    free(r->naming.start);
    free(r->dir);
    free(r);
}

/* Rejects files that are not CSV text at all, with a hint for the usual
 * spreadsheet mistakes. */
static vn_status check_text(const char *where, const char *data, size_t len, vn_error *err)
{
    if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
        return vn_error_set(err, VN_ERR_BINARY,
                            "%s: this is a spreadsheet workbook (.xlsx/.ods), not CSV: save it "
                            "with \"Save As\", type \"Text CSV\", character set UTF-8",
                            where);
    if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
        ((unsigned char)data[1] == 0xFE || (unsigned char)data[1] == 0xFF))
        return vn_error_set(err, VN_ERR_ENCODING,
                            "%s: the file is UTF-16 (\"Unicode text\"): save it as CSV with "
                            "character set UTF-8",
                            where);
    if (memchr(data, '\0', len))
        return vn_error_set(err, VN_ERR_BINARY,
                            "%s: contains NUL bytes, so it is not a CSV text file: save it as "
                            "\"Text CSV\", character set UTF-8",
                            where);
    return VN_OK;
}

static void load_table(loader *L, const char *file, const char *const *columns,
                       unsigned required, row_fn row, const char *data, size_t len)
{
    table t;
    memset(&t, 0, sizeof t);
    t.file = file;
    t.columns = columns;
    t.required = required;
    t.row = row;
    t.L = L;
    read_csv(&t, data, len);
    if (!t.have_header && !L->nomem)
        report(L, file, 1, "the file is empty: it needs at least the header row");
}

/* Each file's length goes in too, so bytes cannot move from one file to
 * the next unnoticed; an absent file hashes unlike an empty one. */
static uint64_t content_hash(const char *ins, size_t ilen, const char *evs, size_t elen,
                             const char *als, size_t alen)
{
    const char *data[] = {ins, evs, als};
    const size_t len[] = {ilen, elen, alen};
    uint64_t h = VN_FNV_SEED;
    for (size_t i = 0; i < 3; i++) {
        uint64_t n = data[i] ? (uint64_t)len[i] : UINT64_MAX;
        h = vn_fnv1a(h, &n, sizeof n);
        if (data[i])
            h = vn_fnv1a(h, data[i], len[i]);
    }
    return h;
}

static vn_status load_buffers(const char *dir, const char *ins, size_t ilen, const char *evs,
                              size_t elen, const char *als, size_t alen, vn_registry **out,
                              vn_registry_problem_fn problem, void *ctx, vn_error *err)
{
    *out = NULL;
    vn_status st;
    if ((st = check_text(FILE_INSTRUMENTS, ins, ilen, err)) != VN_OK ||
        (evs && (st = check_text(FILE_EVENTS, evs, elen, err)) != VN_OK) ||
        (als && (st = check_text(FILE_ALIASES, als, alen, err)) != VN_OK))
        return st;

    vn_registry *r = calloc(1, sizeof *r);
    if (!r || !(r->dir = strdup(dir ? dir : ""))) {
        free(r);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory loading the registry");
    }
    r->content_hash = content_hash(ins, ilen, evs, elen, als, alen);
    loader L = {.r = r, .problem = problem, .ctx = ctx};
    load_table(&L, FILE_INSTRUMENTS, instrument_columns, 1u << I_SYMBOL, instrument_row, ins,
               ilen);
    if (!L.nomem) {
        r->id_order = registry_sorted_order(r, BY_ID);
        r->symbol_order = registry_sorted_order(r, BY_SYMBOL);
        r->numbers = malloc((r->instrument_count ? r->instrument_count : 1) * sizeof *r->numbers);
        for (size_t i = 0; r->numbers && i < r->instrument_count; i++)
            vn_symbol_number_prefix(r->instruments[i].symbol, r->numbers[i],
                                    sizeof r->numbers[i]);
        r->number_order = r->numbers ? registry_sorted_order(r, BY_NUMBER) : NULL;
        if (!r->id_order || !r->symbol_order || !r->number_order)
            L.nomem = true;
    }
    if (!L.nomem && evs)
        load_table(&L, FILE_EVENTS, event_columns,
                   (1u << E_INSTRUMENT) | (1u << E_EVENT) | (1u << E_DATE), event_row, evs,
                   elen);
    if (!L.nomem && als)
        load_table(&L, FILE_ALIASES, alias_columns, (1u << A_NAME) | (1u << A_INSTRUMENT),
                   alias_row, als, alen);
    if (!L.nomem && (!index_events(r, &r->about, false) || !index_events(r, &r->naming, true)))
        L.nomem = true;
    if (L.nomem) {
        vn_registry_free(r);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory loading the registry");
    }
    *out = r;
    return VN_OK;
}

vn_status vn_registry_load_from_strings(const char *instruments, size_t instruments_len,
                                        const char *events, size_t events_len,
                                        const char *aliases, size_t aliases_len,
                                        vn_registry **out, vn_registry_problem_fn problem,
                                        void *ctx, vn_error *err)
{
    if (!instruments)
        return vn_error_set(err, VN_ERR_USAGE, "no instruments.csv text given");
    return load_buffers("", instruments, instruments_len, events, events_len, aliases,
                        aliases_len, out, problem, ctx, err);
}

/* Reads dir/name whole.  A missing optional file gives *data = NULL. */
static vn_status read_file(const char *dir, const char *name, bool optional, char **data,
                           size_t *len, vn_error *err)
{
    *data = NULL;
    *len = 0;
    size_t pl = strlen(dir) + strlen(name) + 2;
    char *path = malloc(pl);
    if (!path)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    snprintf(path, pl, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        vn_status st = VN_OK;
        if (!(optional && e == ENOENT))
            st = vn_error_set(err, VN_ERR_IO, "%s: %s (the registry folder needs %s)", path,
                              strerror(e), name);
        free(path);
        return st;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    vn_status st = VN_OK;
    for (;;) {
        if (!grow((void **)&buf, &cap, n + 65536, 1)) {
            st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", path);
            break;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                st = vn_error_set(err, VN_ERR_IO, "%s: read error: %s", path, strerror(errno));
            break;
        }
        if (n > FILE_MAX) {
            st = vn_error_set(err, VN_ERR_PARSE,
                              "%s: larger than %u MiB, which is not a registry file", path,
                              FILE_MAX >> 20);
            break;
        }
    }
    fclose(f);
    free(path);
    if (st != VN_OK) {
        free(buf);
        return st;
    }
    *data = buf;
    *len = n;
    return VN_OK;
}

vn_status vn_registry_load(const char *dir, vn_registry **out, vn_registry_problem_fn problem,
                           void *ctx, vn_error *err)
{
    *out = NULL;
    struct stat sb;
    if (!dir || stat(dir, &sb) != 0)
        return vn_error_set(err, VN_ERR_IO, "registry folder %s: %s", dir ? dir : "(none)",
                            dir ? strerror(errno) : "not given");
    if (!S_ISDIR(sb.st_mode))
        return vn_error_set(err, VN_ERR_IO,
                            "registry %s is not a folder: give the folder that holds "
                            "instruments.csv",
                            dir);
    char *ins = NULL, *evs = NULL, *als = NULL;
    size_t ilen, elen, alen;
    vn_status st = read_file(dir, FILE_INSTRUMENTS, false, &ins, &ilen, err);
    if (st == VN_OK)
        st = read_file(dir, FILE_EVENTS, true, &evs, &elen, err);
    if (st == VN_OK)
        st = read_file(dir, FILE_ALIASES, true, &als, &alen, err);
    if (st == VN_OK) {
        st = load_buffers(dir, ins, ilen, evs, elen, als, alen, out, problem, ctx, err);
        if (st != VN_OK && err) {
            /* name the folder in messages about a file */
            char msg[VN_ERROR_MSG_MAX];
            snprintf(msg, sizeof msg, "%s", err->msg);
            vn_error_set(err, st, "%s/%s", dir, msg);
        }
    }
    free(ins);
    free(evs);
    free(als);
    return st;
}
