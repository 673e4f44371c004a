/*
 * index_schema.c — the tables of index_schema.h and the rules that turn a
 * field value into a term, shared by the indexer (documents) and the query
 * parser (filters).
 */
#include "index_schema.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fnv.h"
#include "symbol.h"
#include "terms.h"
#include "text.h"

static vn_status parse_path(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_cites(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_symbol(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_type(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_issuer(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_province(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_year(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);
static vn_status parse_date(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err);

/* ---- the tables ------------------------------------------------------------ */

const vn_schema_field vn_schema_fields[VN_FIELD_COUNT] = {
    {VN_FIELD_TEXT, "", "", VN_FIELD_FREE_TEXT, -1, NULL,
     "`dan chu`, `\"dân chủ ở cơ sở\"`",
     "body text: plain and accented word forms at each position (terms.h; an `index --small` index keeps positions on the accented form only)"},
    {VN_FIELD_TITLE, "title", "S", VN_FIELD_FREE_TEXT, -1, NULL,
     "`title:\"kế hoạch\"`", "title (trích yếu), same word forms as the body"},
    {VN_FIELD_PATH, "path", "Q", VN_FIELD_FILTER, -1, parse_path,
     "`path:corpus/a.txt`", "unique id: the path as indexed (record field `file`)"},
    {VN_FIELD_CITES, "cites", "XCITE", VN_FIELD_FILTER, -1, parse_cites,
     "`cites:59/2023/ND-CP`, `cites:\"nd 59/2023\"`, `cites:120-KL/TW`",
     "identity of every cited instrument (citation field `instrument`: canonical symbol, "
     "+ `@YYYY-MM-DD` for symbols without a year); `~name[@date]` for unresolved names"},
    {VN_FIELD_SYMBOL, "symbol", "XSYM", VN_FIELD_FILTER, -1, parse_symbol,
     "`symbol:150-KH/ĐU`", "the document's own number (field `own_number`)"},
    {VN_FIELD_TYPE, "type", "XTYPE", VN_FIELD_FILTER, VN_SLOT_TYPE, parse_type,
     "`type:\"kế hoạch\"`, `type:ke-hoach`", "field `type`, as a filter key"},
    {VN_FIELD_ISSUER, "issuer", "XISSUER", VN_FIELD_FILTER, VN_SLOT_ISSUER, parse_issuer,
     "`issuer:\"Sở Công Thương\"`, `issuer:dang-uy*`", "field `issuer`, as a filter key"},
    {VN_FIELD_PROVINCE, "province", "XPROV", VN_FIELD_FILTER, VN_SLOT_PROVINCE,
     parse_province, "`province:\"Sóc Trăng\"`", "field `province`, as a filter key"},
    {VN_FIELD_YEAR, "year", "Y", VN_FIELD_FILTER, VN_SLOT_YEAR, parse_year,
     "`year:2024`, `year:2020..2023`", "year of `date_range`, when it lies in one year"},
    {VN_FIELD_DATE, "date", NULL, VN_FIELD_FILTER, VN_SLOT_DATE, parse_date,
     "`date:2024-03`, `date:1/1/2024..30/6/2024`",
     "ranges of `date_range` (on its value slot)"},
};

const vn_schema_slot vn_schema_slots[] = {
    {VN_SLOT_DATE, "date", "`YYYYMMDD`, first day of the date range: sort key, `date:` and "
                           "`year:` ranges"},
    {VN_SLOT_YEAR, "year", "`YYYY`: facet"},
    {VN_SLOT_TYPE, "type", "type as written (\"Kế hoạch\"): facet"},
    {VN_SLOT_ISSUER, "issuer", "issuer as written: facet"},
    {VN_SLOT_PROVINCE, "province", "province as written: facet"},
    {VN_SLOT_STAMP, "stamp", "`MTIME.NSEC SIZE HASH` (decimal, decimal, 16 hex digits): "
                             "incremental indexing"},
};
const size_t vn_schema_slot_count = sizeof vn_schema_slots / sizeof vn_schema_slots[0];

const vn_schema_data_part vn_schema_data_parts[] = {
    {"document", "JSON object, then one NUL byte",
     "the `document` record of docs/JSON.md (built by `indexer/docjson.c`): what a hit shows"},
    {"citations", "binary (`indexer/stored_cites.h`), zlib-compressed, to the end",
     "the fields of the document's `citation` records of docs/JSON.md, in text order; "
     "`vncite show` builds the records again from them with the same code"},
};
const size_t vn_schema_data_part_count =
    sizeof vn_schema_data_parts / sizeof vn_schema_data_parts[0];

const vn_schema_field *vn_schema_field_by_name(const char *name)
{
    for (size_t i = 0; i < VN_FIELD_COUNT; i++)
        if (strcmp(vn_schema_fields[i].name, name) == 0)
            return &vn_schema_fields[i];
    return NULL;
}

/* ---- values -> terms ------------------------------------------------------- */

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "index schema: out of memory");
}

vn_status vn_schema_key(const char *value, size_t len, vn_buf *out, vn_error *err)
{
    vn_buf plain = VN_BUF_INIT;
    if (vn_text_unaccent(value, len, &plain) != VN_OK) {
        vn_buf_free(&plain);
        return nomem(err);
    }
    size_t start = out->len;
    bool dash = false;
    vn_status st = VN_OK;
    for (size_t i = 0; i < plain.len && st == VN_OK; i++) {
        unsigned char c = (unsigned char)plain.data[i];
        bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep) {
            dash = true;
            continue;
        }
        if (dash && out->len > start)
            st = vn_buf_append_char(out, '-');
        dash = false;
        if (st == VN_OK)
            st = vn_buf_append_char(out, (char)c);
    }
    vn_buf_free(&plain);
    return st == VN_OK ? VN_OK : nomem(err);
}

static uint64_t fnv1a(const char *s, size_t n)
{
    return vn_fnv1a(VN_FNV_SEED, s, n);
}

/* Appends prefix + value with omega's colon rule, hashing what does not fit. */
static vn_status make_term(const char *prefix, const char *value, size_t len, vn_buf *out,
                           vn_error *err)
{
    size_t plen = strlen(prefix);
    bool colon = plen > 1 && len > 0 && value[0] >= 'A' && value[0] <= 'Z';
    size_t head = plen + (colon ? 1 : 0);
    vn_status st = vn_buf_append(out, prefix, plen);
    if (st == VN_OK && colon)
        st = vn_buf_append_char(out, ':');
    if (st == VN_OK && head + len <= VN_XTERM_MAX) {
        st = vn_buf_append(out, value, len);
    } else if (st == VN_OK) {
        /* keep the start, readable, then '#' and 16 hex digits */
        size_t keep = VN_XTERM_MAX - head - 17;
        while (keep > 0 && ((unsigned char)value[keep] & 0xC0) == 0x80)
            keep--;
        char hash[18];
        snprintf(hash, sizeof hash, "#%016" PRIx64, fnv1a(value, len));
        st = vn_buf_append(out, value, keep);
        if (st == VN_OK)
            st = vn_buf_append(out, hash, 17);
    }
    return st == VN_OK ? VN_OK : nomem(err);
}

static bool keyed_field(vn_field_id f)
{
    return f == VN_FIELD_TYPE || f == VN_FIELD_ISSUER || f == VN_FIELD_PROVINCE;
}

/* vn_schema_term(), except that a value with nothing to key appends nothing. */
static vn_status build_term(vn_field_id f, const char *value, size_t len, vn_buf *out,
                            vn_error *err)
{
    const vn_schema_field *field = &vn_schema_fields[f];
    if (!field->prefix || !field->prefix[0])
        return vn_error_set(err, VN_ERR_USAGE, "index schema: field %s has no filter terms",
                            field->name[0] ? field->name : "text");
    vn_buf key = VN_BUF_INIT;
    vn_status st = VN_OK;
    if (keyed_field(f)) {
        st = vn_schema_key(value, len, &key, err);
        value = key.data ? key.data : "";
        len = key.len;
    }
    if (st == VN_OK && len > 0)
        st = make_term(field->prefix, value, len, out, err);
    vn_buf_free(&key);
    return st;
}

vn_status vn_schema_term(vn_field_id f, const char *value, size_t len, vn_buf *out,
                         vn_error *err)
{
    size_t before = out->len;
    vn_status st = build_term(f, value, len, out, err);
    if (st == VN_OK && out->len == before)
        st = vn_error_set(err, VN_ERR_USAGE, "%s: empty value", vn_schema_fields[f].name);
    return st;
}

vn_status vn_schema_unique_term(const char *path, vn_buf *out, vn_error *err)
{
    return vn_schema_term(VN_FIELD_PATH, path, strlen(path), out, err);
}

vn_status vn_schema_cite_identity(const char *symbol, const char *name, const char *date_iso,
                                  vn_buf *out, vn_error *err)
{
    vn_status st;
    if (symbol && symbol[0]) {
        st = vn_buf_append(out, symbol, strlen(symbol)) == VN_OK ? VN_OK : nomem(err);
    } else if (name && name[0]) {
        st = vn_buf_append_char(out, '~') == VN_OK ? VN_OK : nomem(err);
        if (st == VN_OK)
            st = vn_schema_key(name, strlen(name), out, err);
    } else {
        return vn_error_set(err, VN_ERR_USAGE, "citation identity: neither symbol nor name");
    }
    if (st == VN_OK && date_iso && date_iso[0]) {
        if (vn_buf_append_char(out, '@') != VN_OK ||
            vn_buf_append(out, date_iso, strlen(date_iso)) != VN_OK)
            st = nomem(err);
    }
    return st;
}

/* ---- filling documents --------------------------------------------------------- */

vn_status vn_schema_add_filter(vn_xdoc *doc, vn_field_id f, const char *value, vn_error *err)
{
    const vn_schema_field *field = &vn_schema_fields[f];
    if (field->kind != VN_FIELD_FILTER)
        return vn_error_set(err, VN_ERR_USAGE, "index schema: %s is not a filter",
                            field->name[0] ? field->name : "text");
    size_t len = strlen(value);
    vn_buf t = VN_BUF_INIT;
    vn_status st = build_term(f, value, len, &t, err);
    /* a value with nothing to key files the document under nothing */
    if (st == VN_OK && t.len > 0) {
        st = vn_xdoc_add_boolean(doc, t.data, t.len, err);
        if (st == VN_OK && field->slot >= 0)
            st = vn_xdoc_set_value(doc, (unsigned)field->slot, value, len, err);
    }
    vn_buf_free(&t);
    return st;
}

vn_status vn_schema_add_path(vn_xdoc *doc, const char *path, vn_error *err)
{
    vn_buf t = VN_BUF_INIT;
    vn_status st = vn_schema_unique_term(path, &t, err);
    if (st == VN_OK)
        st = vn_xdoc_add_boolean(doc, t.data, t.len, err);
    vn_buf_free(&t);
    return st;
}

static void yyyymmdd(vn_date d, char out[9])
{
    snprintf(out, 9, "%04u%02u%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
             (unsigned)d.day % 100u);
}

vn_status vn_schema_set_date(vn_xdoc *doc, const vn_date_range *date, vn_error *err)
{
    if (date->precision == VN_DATE_NONE)
        return VN_OK;
    char key[9];
    yyyymmdd(date->first, key);
    vn_status st = vn_xdoc_set_value(doc, VN_SLOT_DATE, key, 8, err);
    if (st != VN_OK || date->first.year != date->last.year)
        return st;
    char year[5];
    snprintf(year, sizeof year, "%04u", (unsigned)date->first.year % 10000u);
    return vn_schema_add_filter(doc, VN_FIELD_YEAR, year, err);
}

vn_status vn_schema_set_stamp(vn_xdoc *doc, const vn_file_stamp *s, vn_error *err)
{
    char v[80];
    int n = snprintf(v, sizeof v, "%" PRId64 ".%09ld %" PRIu64 " %016" PRIx64, s->mtime_sec,
                     s->mtime_nsec, s->size, s->hash);
    return vn_xdoc_set_value(doc, VN_SLOT_STAMP, v, (size_t)n, err);
}

bool vn_schema_get_stamp(const vn_xdoc *doc, vn_file_stamp *out)
{
    size_t len;
    const char *v = vn_xdoc_value(doc, VN_SLOT_STAMP, &len);
    if (len == 0)
        return false;
    int used = 0;
    if (sscanf(v, "%" SCNd64 ".%9ld %" SCNu64 " %16" SCNx64 "%n", &out->mtime_sec,
               &out->mtime_nsec, &out->size, &out->hash, &used) != 4)
        return false;
    return (size_t)used == len;
}

bool vn_file_stamp_equal(const vn_file_stamp *a, const vn_file_stamp *b)
{
    return a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
           a->size == b->size && a->hash == b->hash;
}

/* ---- opening ------------------------------------------------------------------ */

static vn_status check_version(vn_xdb *db, bool stamp_new, vn_error *err)
{
    unsigned long docs;
    char *have = NULL;
    vn_status st = vn_xdb_doc_count(db, &docs, err);
    if (st == VN_OK)
        st = vn_xdb_get_metadata(db, VN_SCHEMA_METADATA_KEY, &have, err);
    if (st != VN_OK)
        return st;
    if (strcmp(have, VN_SCHEMA_VERSION) == 0) {
        st = VN_OK;
    } else if (have[0] == '\0' && docs == 0) {
        st = stamp_new ? vn_xdb_set_metadata(db, VN_SCHEMA_METADATA_KEY, VN_SCHEMA_VERSION, err)
                       : VN_OK;
    } else {
        st = vn_error_set(err, VN_ERR_INDEX,
                          "%s: index built with schema '%s', this vncite uses schema %s: "
                          "delete it and index again",
                          vn_xdb_path(db), have[0] ? have : "unknown", VN_SCHEMA_VERSION);
    }
    free(have);
    return st;
}

vn_status vn_schema_get_positions(vn_xdb *db, vn_positions *out, vn_error *err)
{
    char *have = NULL;
    vn_status st = vn_xdb_get_metadata(db, VN_POSITIONS_METADATA_KEY, &have, err);
    if (st != VN_OK)
        return st;
    if (have[0] == '\0')
        *out = VN_POSITIONS_BOTH;
    else if (strcmp(have, VN_POSITIONS_ACCENTED_VALUE) == 0)
        *out = VN_POSITIONS_ACCENTED;
    else
        st = vn_error_set(err, VN_ERR_INDEX,
                          "%s: index metadata %s is '%s', which this vncite does not know: "
                          "delete the index and index again",
                          vn_xdb_path(db), VN_POSITIONS_METADATA_KEY, have);
    free(have);
    return st;
}

vn_status vn_schema_set_positions(vn_xdb *db, vn_positions positions, vn_error *err)
{
    return vn_xdb_set_metadata(db, VN_POSITIONS_METADATA_KEY,
                               positions == VN_POSITIONS_ACCENTED ? VN_POSITIONS_ACCENTED_VALUE
                                                                  : "",
                               err);
}

static vn_status open_checked(const char *path, bool writable, vn_xdb **out, vn_error *err)
{
    vn_status st = writable ? vn_xdb_open_writable(path, out, err) : vn_xdb_open(path, out, err);
    if (st != VN_OK)
        return st;
    if ((st = check_version(*out, writable, err)) != VN_OK) {
        vn_xdb_close(*out, NULL);
        *out = NULL;
    }
    return st;
}

vn_status vn_schema_open_writable(const char *path, vn_xdb **out, vn_error *err)
{
    return open_checked(path, true, out, err);
}

vn_status vn_schema_open(const char *path, vn_xdb **out, vn_error *err)
{
    return open_checked(path, false, out, err);
}

/* ---- query filters ------------------------------------------------------------- */

/* Copies a filter value into a NUL-terminated string without surrounding blanks. */
static char *trimmed(const char *v, size_t n)
{
    while (n > 0 && (*v == ' ' || *v == '\t'))
        v++, n--;
    while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, v, n);
        s[n] = '\0';
    }
    return s;
}

static vn_status empty_value(vn_field_id f, vn_error *err)
{
    return vn_error_set(err, VN_ERR_PARSE, "%s: needs a value, e.g. %s",
                        vn_schema_fields[f].name, vn_schema_fields[f].example);
}

static vn_status term_query(vn_field_id f, const char *value, size_t len, vn_xquery **out,
                            vn_error *err)
{
    vn_buf t = VN_BUF_INIT;
    vn_status st = vn_schema_term(f, value, len, &t, err);
    if (st == VN_OK)
        st = vn_xquery_term(t.data, t.len, 0, out, err);
    vn_buf_free(&t);
    return st;
}

/* Every term of field f that starts with value (value may be ""). */
static vn_status prefix_query(vn_field_id f, const char *value, size_t len, vn_xquery **out,
                              vn_error *err)
{
    vn_buf t = VN_BUF_INIT;
    vn_status st = vn_buf_append(&t, vn_schema_fields[f].prefix,
                                 strlen(vn_schema_fields[f].prefix));
    if (st == VN_OK)
        st = vn_buf_append(&t, value, len);
    st = st == VN_OK ? vn_xquery_wildcard(t.data, out, err) : nomem(err);
    vn_buf_free(&t);
    return st;
}

/* The identity `value` itself, or the same followed by "@date": a symbol
 * without a year names every dated instrument that carries it. */
static vn_status identity_query(const char *value, vn_xquery **out, vn_error *err)
{
    vn_xquery *parts[2] = {NULL, NULL};
    vn_buf at = VN_BUF_INIT;
    size_t len = strlen(value);
    vn_status st = term_query(VN_FIELD_CITES, value, len, &parts[0], err);
    if (st == VN_OK)
        st = vn_buf_append(&at, value, len) == VN_OK && vn_buf_append_char(&at, '@') == VN_OK
                 ? prefix_query(VN_FIELD_CITES, at.data, at.len, &parts[1], err)
                 : nomem(err);
    if (st == VN_OK)
        st = vn_xquery_combine(VN_XOP_OR, parts, 2, 0, out, err);
    vn_xquery_destroy(parts[0]);
    vn_xquery_destroy(parts[1]);
    vn_buf_free(&at);
    return st;
}

static bool canonical_symbol(const char *s, char out[VN_SYMBOL_MAX])
{
    vn_symbol sym;
    if (!vn_symbol_parse_loose(s, strlen(s), NULL, &sym))
        return false;
    vn_symbol_format(&sym, out);
    return true;
}

/* "59/2023": a number and a year, nothing else. */
static bool number_year(const char *s)
{
    size_t i = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || s[i] != '/')
        return false;
    size_t y = ++i;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    return i - y == 4 && s[i] == '\0';
}

/* The type code a hint in front of a number stands for: a type word
 * ("nghị định") or a code ("nd", "QĐ"). */
static bool hint_code(const char *hint, char code[VN_SYMBOL_CODE_MAX])
{
    size_t len = strlen(hint), start = 0;
    const char *word = vn_type_word_ending_at(hint, len, &start);
    if (word && start == 0) {
        const char *const *codes = vn_type_word_codes(word);
        if (codes && codes[0]) {
            snprintf(code, VN_SYMBOL_CODE_MAX, "%s", codes[0]);
            return true;
        }
        return false;
    }
    return vn_symbol_canonical_code(hint, len, 0, NULL, code);
}

/* "nd 59/2023", "Nghị định 59/2023": the start shared by the identities a
 * type hint and a number/year can stand for ("59/2023/NĐ"). */
static bool hinted_number(const char *s, char *prefix, size_t size)
{
    size_t digit = strcspn(s, "0123456789");
    if (digit == 0 || !s[digit] || !number_year(s + digit))
        return false;
    size_t hl = digit;
    while (hl > 0 && (s[hl - 1] == ' ' || s[hl - 1] == '\t'))
        hl--;
    char hint[64], code[VN_SYMBOL_CODE_MAX];
    if (hl == 0 || hl == digit || hl >= sizeof hint)
        return false;
    memcpy(hint, s, hl);
    hint[hl] = '\0';
    if (!hint_code(hint, code))
        return false;
    int n = snprintf(prefix, size, "%s/%s", s + digit, code);
    return n > 0 && (size_t)n < size;
}

/* "120-KL/TW@2024-12-01": one exact identity. */
static vn_status dated_identity(const char *s, vn_xquery **out, vn_error *err)
{
    const char *at = strchr(s, '@');
    char sym[VN_SYMBOL_MAX], id[VN_SYMBOL_MAX + 64];
    char *head = trimmed(s, (size_t)(at - s));
    if (!head)
        return nomem(err);
    if (!canonical_symbol(head, sym))
        snprintf(sym, sizeof sym, "%s", head);
    free(head);
    int n = snprintf(id, sizeof id, "%s@%s", sym, at + 1);
    if (n < 0 || (size_t)n >= sizeof id)
        return vn_error_set(err, VN_ERR_PARSE, "cites: '%s' is too long", s);
    return term_query(VN_FIELD_CITES, id, (size_t)n, out, err);
}

/* An instrument cited by name only ("Luật Tiếp công dân"). */
static vn_status name_query(const char *s, vn_xquery **out, vn_error *err)
{
    vn_buf b = VN_BUF_INIT;
    vn_status st = vn_schema_cite_identity(NULL, s, NULL, &b, err);
    if (st == VN_OK && b.len <= 1)
        st = vn_error_set(err, VN_ERR_PARSE, "cites: '%s' is neither a symbol nor a name", s);
    if (st == VN_OK)
        st = identity_query(b.data, out, err);
    vn_buf_free(&b);
    return st;
}

/*
 * Every filter value is trimmed first and must not be empty; `body` gets
 * it as a string of its own.
 */
typedef vn_status (*filter_body)(vn_field_id f, const char *s, vn_xquery **out,
                                 vn_error *err);

static vn_status run_filter(vn_field_id f, const char *v, size_t n, filter_body body,
                            vn_xquery **out, vn_error *err)
{
    char *s = trimmed(v, n);
    if (!s)
        return nomem(err);
    vn_status st = s[0] ? body(f, s, out, err) : empty_value(f, err);
    free(s);
    return st;
}

/* The citations of a symbol as typed (canon: its canonical form), in both
 * spellings when vn_symbol_other_d_spelling has two ("cites:05-da/tu"). */
static vn_status symbol_identities(const char *canon, const char *typed, vn_xquery **out,
                                   vn_error *err)
{
    char alt[VN_SYMBOL_MAX];
    if (!vn_symbol_other_d_spelling(typed, alt))
        return identity_query(canon, out, err);
    vn_xquery *parts[2] = {NULL, NULL};
    vn_status st = identity_query(canon, &parts[0], err);
    if (st == VN_OK)
        st = identity_query(alt, &parts[1], err);
    if (st == VN_OK)
        st = vn_xquery_combine(VN_XOP_OR, parts, 2, 0, out, err);
    vn_xquery_destroy(parts[0]);
    vn_xquery_destroy(parts[1]);
    return st;
}

/*
 * cites:VALUE, loosely: a symbol in any spelling ("59/2023/ND-CP"), an
 * identity with its date ("120-KL/TW@2024-12-01"), a type hint and a
 * number/year ("nd 59/2023", "nghị định 59/2023"), a bare number/year, or
 * else the name of an instrument cited by name.
 */
static vn_status cites_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    char canon[VN_SYMBOL_MAX + 16];
    size_t digit = strcspn(s, "0123456789");
    if (strchr(s, '@'))
        return dated_identity(s, out, err);
    if (canonical_symbol(s, canon))
        return symbol_identities(canon, s, out, err);
    if (digit > 0 && s[digit] && canonical_symbol(s + digit, canon))
        return symbol_identities(canon, s + digit, out, err);
    if (number_year(s) && snprintf(canon, sizeof canon, "%s/", s) < (int)sizeof canon)
        return prefix_query(f, canon, strlen(canon), out, err);
    if (hinted_number(s, canon, sizeof canon))
        return prefix_query(f, canon, strlen(canon), out, err);
    return name_query(s, out, err);
}

static vn_status path_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    return term_query(f, s, strlen(s), out, err);
}

static vn_status symbol_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    char canon[VN_SYMBOL_MAX];
    if (canonical_symbol(s, canon))
        return term_query(f, canon, strlen(canon), out, err);
    return term_query(f, s, strlen(s), out, err);
}

/* type:, issuer:, province: — the filter key of the value; a trailing '*'
 * matches every key that starts with it ("issuer:dang-uy*"). */
static vn_status keyed_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    size_t len = strlen(s);
    bool wildcard = s[len - 1] == '*';
    vn_buf key = VN_BUF_INIT;
    vn_status st = vn_schema_key(s, wildcard ? len - 1 : len, &key, err);
    if (st == VN_OK && wildcard)
        st = prefix_query(f, key.data ? key.data : "", key.len, out, err);
    else if (st == VN_OK && key.len == 0)
        st = vn_error_set(err, VN_ERR_PARSE, "%s: '%s' has no letters or digits",
                          vn_schema_fields[f].name, s);
    else if (st == VN_OK)
        st = term_query(f, s, len, out, err);
    vn_buf_free(&key);
    return st;
}

static bool four_digits(const char *s, size_t n)
{
    if (n != 4)
        return false;
    for (size_t i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* year:2024 is the Y term; year:2020..2023, year:2020.., year:..2023 are
 * ranges of the date value. */
static vn_status year_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    const char *dots = strstr(s, "..");
    if (!dots && four_digits(s, strlen(s)))
        return term_query(f, s, 4, out, err);
    bool open_lo = dots == s, open_hi = dots && !dots[2];
    if (dots && !(open_lo && open_hi) && (open_lo || four_digits(s, (size_t)(dots - s))) &&
        (open_hi || four_digits(dots + 2, strlen(dots + 2)))) {
        char lo[9], hi[9];
        snprintf(lo, sizeof lo, "%.4s0101", s);
        snprintf(hi, sizeof hi, "%.4s1231", dots + 2);
        return vn_xquery_value_range(VN_SLOT_DATE, open_lo ? NULL : lo, open_hi ? NULL : hi,
                                     out, err);
    }
    return vn_error_set(err, VN_ERR_PARSE,
                        "year: expected a year like 2024 or a range like 2020..2023, got '%s'", s);
}

/* One side of a date: range; false if it is not a date. */
static bool date_side(const char *s, size_t n, vn_date_range *out)
{
    char *side = trimmed(s, n);
    bool ok = side && side[0] && vn_date_parse_any(side, out);
    free(side);
    return ok;
}

/* date:2024-03, date:14/8/2023, date:2024-01-01..2024-06-30, date:2024.. */
static vn_status date_body(vn_field_id f, const char *s, vn_xquery **out, vn_error *err)
{
    (void)f;
    const char *dots = strstr(s, "..");
    size_t left_len = dots ? (size_t)(dots - s) : strlen(s);
    const char *right = dots ? dots + 2 : s;
    vn_date_range a, b;
    bool open_lo = dots && left_len == 0, open_hi = dots && !*right;
    bool ok = (open_lo || date_side(s, left_len, &a)) &&
              (open_hi || date_side(right, strlen(right), &b)) && !(open_lo && open_hi);
    if (!ok)
        return vn_error_set(err, VN_ERR_PARSE,
                            "date: cannot read '%s' (write YYYY-MM-DD, YYYY-MM, YYYY or "
                            "d/m/yyyy; a range as FROM..TO)",
                            s);
    char lo[9], hi[9];
    if (!open_lo)
        yyyymmdd(a.first, lo);
    if (!open_hi)
        yyyymmdd(b.last, hi);
    return vn_xquery_value_range(VN_SLOT_DATE, open_lo ? NULL : lo, open_hi ? NULL : hi, out,
                                 err);
}

/* The vn_xfield_fn of each filter field of the table (ctx unused). */

static vn_status parse_path(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_PATH, v, n, path_body, out, err);
}

static vn_status parse_cites(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_CITES, v, n, cites_body, out, err);
}

static vn_status parse_symbol(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_SYMBOL, v, n, symbol_body, out, err);
}

static vn_status parse_type(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_TYPE, v, n, keyed_body, out, err);
}

static vn_status parse_issuer(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_ISSUER, v, n, keyed_body, out, err);
}

static vn_status parse_province(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_PROVINCE, v, n, keyed_body, out, err);
}

static vn_status parse_year(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_YEAR, v, n, year_body, out, err);
}

static vn_status parse_date(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx;
    return run_filter(VN_FIELD_DATE, v, n, date_body, out, err);
}

/* ---- the parser ------------------------------------------------------------------ */

vn_status vn_schema_parser_set_positions(vn_xparser *p, vn_positions positions, vn_error *err)
{
    return vn_xparser_set_spell_fn(
        p, positions == VN_POSITIONS_ACCENTED ? vn_terms_phrase_spellings : NULL, NULL, err);
}

vn_status vn_schema_parser_for(vn_xdb *db, const vn_schema_hook *hooks, size_t hook_count,
                               vn_xparser **out, vn_error *err)
{
    *out = NULL;
    vn_positions positions = VN_POSITIONS_BOTH;
    vn_status st = vn_schema_get_positions(db, &positions, err);
    if (st == VN_OK)
        st = vn_schema_parser_new(hooks, hook_count, out, err);
    if (st == VN_OK && (st = vn_schema_parser_set_positions(*out, positions, err)) != VN_OK) {
        vn_xparser_destroy(*out);
        *out = NULL;
    }
    return st;
}

vn_status vn_schema_parser_new(const vn_schema_hook *hooks, size_t hook_count, vn_xparser **out,
                               vn_error *err)
{
    *out = NULL;
    for (size_t h = 0; h < hook_count; h++) {
        const vn_schema_field *f = vn_schema_field_by_name(hooks[h].field);
        if (!f || f->kind != VN_FIELD_FILTER)
            return vn_error_set(err, VN_ERR_USAGE,
                                "query parser: '%s' is not a filter field of the index schema",
                                hooks[h].field);
    }
    vn_xparser *p;
    vn_status st = vn_xparser_new(&p, err);
    if (st != VN_OK)
        return st;
    st = vn_xparser_set_word_fn(p, vn_terms_query_word, NULL, err);
    for (size_t i = 0; i < VN_FIELD_COUNT && st == VN_OK; i++) {
        const vn_schema_field *f = &vn_schema_fields[i];
        if (f->kind == VN_FIELD_FREE_TEXT) {
            if (f->name[0])
                st = vn_xparser_add_prefix(p, f->name, f->prefix, err);
            continue;
        }
        vn_xfield_fn fn = f->parse;
        void *ctx = NULL;
        for (size_t h = 0; h < hook_count; h++)
            if (strcmp(hooks[h].field, f->name) == 0) {
                fn = hooks[h].parse;
                ctx = hooks[h].ctx;
            }
        st = vn_xparser_add_filter(p, f->name, fn, ctx, err);
    }
    if (st != VN_OK) {
        vn_xparser_destroy(p);
        return st;
    }
    *out = p;
    return VN_OK;
}

/* ---- documentation ------------------------------------------------------------- */

static const char *slot_name(int slot)
{
    for (size_t i = 0; i < vn_schema_slot_count; i++)
        if ((int)vn_schema_slots[i].slot == slot)
            return vn_schema_slots[i].name;
    return NULL;
}

static vn_status appendf(vn_buf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static vn_status appendf(vn_buf *out, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof line)
        return VN_ERR_NOMEM;
    return vn_buf_append(out, line, (size_t)n);
}

vn_status vn_schema_describe(vn_buf *out)
{
    vn_status st = appendf(out, "Schema version %s.\n\n"
                                "| query field | term prefix | kind | value slot | examples | meaning |\n"
                                "|---|---|---|---|---|---|\n",
                           VN_SCHEMA_VERSION);
    for (size_t i = 0; i < VN_FIELD_COUNT && st == VN_OK; i++) {
        const vn_schema_field *f = &vn_schema_fields[i];
        const char *slot = slot_name(f->slot);
        st = appendf(out, "| %s%s%s | %s%s%s | %s | %s | %s | %s |\n",
                     f->name[0] ? "`" : "", f->name[0] ? f->name : "(none)",
                     f->name[0] ? ":`" : "", f->prefix && f->prefix[0] ? "`" : "",
                     f->prefix ? (f->prefix[0] ? f->prefix : "(none)") : "—",
                     f->prefix && f->prefix[0] ? "`" : "",
                     f->kind == VN_FIELD_FREE_TEXT ? "free text" : "filter",
                     slot ? slot : "—", f->example, f->meaning);
    }
    if (st == VN_OK)
        st = appendf(out, "\n| value slot | name | format and use |\n|---|---|---|\n");
    for (size_t i = 0; i < vn_schema_slot_count && st == VN_OK; i++)
        st = appendf(out, "| %u | %s | %s |\n", vn_schema_slots[i].slot, vn_schema_slots[i].name,
                     vn_schema_slots[i].format);
    if (st == VN_OK)
        st = appendf(out, "\n| data part | stored as | meaning |\n|---|---|---|\n");
    for (size_t i = 0; i < vn_schema_data_part_count && st == VN_OK; i++)
        st = appendf(out, "| `%s` | %s | %s |\n", vn_schema_data_parts[i].name,
                     vn_schema_data_parts[i].stored_as, vn_schema_data_parts[i].meaning);
    return st;
}
