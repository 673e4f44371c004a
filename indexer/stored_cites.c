/* stored_cites.c — the stored form of a document's citations (see stored_cites.h). */
#include "stored_cites.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/stored.h"
#include "../common/utf8.h"
#include "docjson.h"

enum { FLAG_DATE_SHARED = 1, FLAG_AMBIGUOUS = 2, FLAGS_KNOWN = 3 };

/* ---- writing ------------------------------------------------------------------------ */

static vn_status put_varint(vn_buf *out, uint64_t v)
{
    unsigned char b[10];
    size_t n = 0;
    do {
        b[n] = (unsigned char)(v & 0x7F);
        v >>= 7;
        if (v)
            b[n] |= 0x80;
        n++;
    } while (v);
    return vn_buf_append(out, b, n);
}

static vn_status put_byte(vn_buf *out, unsigned v)
{
    return vn_buf_append_char(out, (char)(unsigned char)v);
}

static vn_status put_string(vn_buf *out, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    vn_status st = put_varint(out, n);
    return st == VN_OK && n ? vn_buf_append(out, s, n) : st;
}

static vn_status put_day(vn_buf *out, vn_date d)
{
    vn_status st = put_varint(out, (uint64_t)(d.year > 0 ? d.year : 0));
    if (st == VN_OK)
        st = put_byte(out, (unsigned)(d.month > 0 ? d.month : 0));
    return st == VN_OK ? put_byte(out, (unsigned)(d.day > 0 ? d.day : 0)) : st;
}

vn_status vn_stored_cites_begin(vn_buf *out, size_t count)
{
    return put_varint(out, count);
}

vn_status vn_stored_cites_add(vn_buf *out, const vn_citation *c, long line, long column,
                              long start, long end, const char *text)
{
    if (c->symbol && strlen(c->symbol) >= VN_SYMBOL_MAX)
        return VN_ERR_USAGE;   /* the reader refuses it: no symbol is that long */
    const long where[] = {line, column, start, end};
    vn_status st = VN_OK;
    for (int k = 0; k < 4 && st == VN_OK; k++)
        st = put_varint(out, (uint64_t)(where[k] > 0 ? where[k] : 0));
    if (st == VN_OK)
        st = put_byte(out, (unsigned)c->kind);
    if (st == VN_OK)
        st = put_byte(out, (c->date_shared ? FLAG_DATE_SHARED : 0u) |
                               (c->ambiguous ? FLAG_AMBIGUOUS : 0u));
    if (st == VN_OK)
        st = put_byte(out, (unsigned)c->date.precision);
    if (st == VN_OK && c->date.precision != VN_DATE_NONE) {
        st = put_day(out, c->date.first);
        if (st == VN_OK)
            st = put_day(out, c->date.last);
    }
    const char *strings[] = {text,        c->type_word,        c->number,
                             c->symbol,   c->name,             c->issuer,
                             c->term,     c->pinpoint.article, c->pinpoint.clause,
                             c->pinpoint.point, c->corrected,  c->instrument,
                             c->candidates};
    for (size_t k = 0; k < sizeof strings / sizeof *strings && st == VN_OK; k++)
        st = put_string(out, strings[k]);
    return st;
}

vn_status vn_stored_cites_from_analysis(const vn_analysis *a, vn_buf *out)
{
    const vn_citation_list *l = &a->extract.citations;
    vn_status st = vn_stored_cites_begin(out, l->count);
    for (size_t k = 0; k < l->count && st == VN_OK; k++) {
        const vn_citation *c = &l->items[k];
        vn_filepos from, to;
        char *text = vn_analysis_cite_place(a, c, &from, &to);
        st = text ? vn_stored_cites_add(out, c, (long)from.line, (long)from.column,
                                        (long)from.byte, (long)to.byte, text)
                  : VN_ERR_NOMEM;
        free(text);
    }
    return st;
}

/* ---- reading ------------------------------------------------------------------------ */

static vn_status broken(vn_error *err, const char *what)
{
    return vn_error_set(err, VN_ERR_INDEX, "citation records: %s", what);
}

static bool get_varint(vn_stored_cites_reader *r, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p == r->end)
            return false;
        unsigned char b = *r->p++;
        if (shift == 63 && b > 1)
            return false;   /* more than 64 bits */
        x |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;   /* more than 10 bytes */
}

static bool get_byte(vn_stored_cites_reader *r, unsigned *v)
{
    if (r->p == r->end)
        return false;
    *v = *r->p++;
    return true;
}

static bool get_long(vn_stored_cites_reader *r, long *v)
{
    uint64_t x;
    if (!get_varint(r, &x) || x > LONG_MAX)
        return false;
    *v = (long)x;
    return true;
}

static bool get_view(vn_stored_cites_reader *r, vn_strview *v)
{
    uint64_t n;
    if (!get_varint(r, &n) || n > (uint64_t)(r->end - r->p))
        return false;
    v->s = (const char *)r->p;
    v->n = (size_t)n;
    r->p += n;
    return memchr(v->s, '\0', v->n) == NULL;
}

/* A view copied into a field of vn_citation; false when it does not fit. */
static bool get_field(vn_stored_cites_reader *r, char *field, size_t size)
{
    vn_strview v;
    if (!get_view(r, &v) || v.n >= size)
        return false;
    memcpy(field, v.s, v.n);
    field[v.n] = '\0';
    return true;
}

/* A symbol: no longer than its canonical form can be (VN_SYMBOL_MAX). */
static bool get_symbol(vn_stored_cites_reader *r, vn_strview *v)
{
    return get_view(r, v) && v->n < VN_SYMBOL_MAX;
}

/* A range as vn_date_parse_iso gives one: real calendar days, in order, one
 * day for DAY precision. */
static bool date_fits(const vn_date_range *d)
{
    if (d->precision == VN_DATE_NONE)
        return true;
    if (!vn_date_valid(d->first) || !vn_date_valid(d->last) ||
        vn_date_cmp(d->first, d->last) > 0)
        return false;
    return d->precision != VN_DATE_DAY || vn_date_cmp(d->first, d->last) == 0;
}

static bool get_day(vn_stored_cites_reader *r, vn_date *d)
{
    uint64_t year;
    unsigned month, day;
    if (!get_varint(r, &year) || year > 9999 || !get_byte(r, &month) || month > 12 ||
        !get_byte(r, &day) || day > 31)
        return false;
    *d = (vn_date){(int)year, (int)month, (int)day};
    return true;
}

static bool fields_utf8_ok(const vn_citation *c, const vn_cite_place *p)
{
    const char *fields[] = {c->type_word, c->number, c->term,
                            c->pinpoint.article, c->pinpoint.clause, c->pinpoint.point};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (!vn_utf8_valid(fields[k], strlen(fields[k])))
            return false;
    const vn_strview views[] = {p->text,      p->symbol,     p->name,      p->issuer,
                                p->corrected, p->instrument, p->candidates};
    for (size_t k = 0; k < sizeof views / sizeof *views; k++)
        if (!vn_utf8_valid(views[k].s, views[k].n))
            return false;
    return true;
}

vn_status vn_stored_cites_open(const char *bytes, size_t len, vn_stored_cites_reader *r,
                               size_t *count, vn_error *err)
{
    r->p = (const unsigned char *)bytes;
    r->end = r->p + len;
    uint64_t n;
    /* every citation takes at least 20 bytes: a count beyond that is damage,
     * not something to allocate for */
    if (!get_varint(r, &n) || n > len / 20 + 1)
        return broken(err, "the count is missing or impossible");
    r->left = (size_t)n;
    *count = r->left;
    if (n == 0 && r->p != r->end)
        return broken(err, "bytes after the last citation");
    return VN_OK;
}

vn_status vn_stored_cites_next(vn_stored_cites_reader *r, vn_citation *c, vn_cite_place *place,
                               vn_error *err)
{
    memset(c, 0, sizeof *c);
    memset(place, 0, sizeof *place);
    c->symbol = c->name = c->issuer = "";
    if (r->left == 0)
        return broken(err, "no citation left");
    unsigned kind, flags, precision;
    if (!get_long(r, &place->line) || !get_long(r, &place->column) ||
        !get_long(r, &place->start) || !get_long(r, &place->end))
        return broken(err, "a cut-short position");
    if (!get_byte(r, &kind) || kind > VN_CITE_SHORT || !get_byte(r, &flags) ||
        (flags & ~(unsigned)FLAGS_KNOWN) || !get_byte(r, &precision) || precision > VN_DATE_DAY)
        return broken(err, "an unknown kind, flag or date precision");
    c->kind = (vn_citation_kind)kind;
    c->date_shared = flags & FLAG_DATE_SHARED;
    c->ambiguous = flags & FLAG_AMBIGUOUS;
    c->date.precision = (vn_date_precision)precision;
    if (precision != VN_DATE_NONE && (!get_day(r, &c->date.first) || !get_day(r, &c->date.last)))
        return broken(err, "a bad date");
    if (!get_view(r, &place->text) || !get_field(r, c->type_word, sizeof c->type_word) ||
        !get_field(r, c->number, sizeof c->number) ||
        !get_symbol(r, &place->symbol) || !get_view(r, &place->name) ||
        !get_view(r, &place->issuer) || !get_field(r, c->term, sizeof c->term) ||
        !get_field(r, c->pinpoint.article, sizeof c->pinpoint.article) ||
        !get_field(r, c->pinpoint.clause, sizeof c->pinpoint.clause) ||
        !get_field(r, c->pinpoint.point, sizeof c->pinpoint.point) ||
        !get_view(r, &place->corrected) || !get_view(r, &place->instrument) ||
        !get_view(r, &place->candidates))
        return broken(err, "a cut-short, overlong or NUL-holding text field");
    /* the JSON records this came from were UTF-8: what is shown or printed must be */
    if (!fields_utf8_ok(c, place))
        return broken(err, "a text field is not UTF-8");
    if (!date_fits(&c->date))
        memset(&c->date, 0, sizeof c->date);   /* as an unreadable date string was */
    if (--r->left == 0 && r->p != r->end)
        return broken(err, "bytes after the last citation");
    return VN_OK;
}

/* ---- as JSON records ---------------------------------------------------------------- */

/* A view as a C string (malloc'd), or NULL for none; *ok false when out of memory. */
static char *view_dup(vn_strview v, bool *ok)
{
    if (v.n == 0)
        return NULL;
    char *s = strndup(v.s, v.n);
    *ok &= s != NULL;
    return s;
}

json_t *vn_stored_cite_json(json_t *file, const vn_citation *c, const vn_cite_place *place,
                            vn_status *st, vn_error *err)
{
    *st = VN_OK;
    vn_citation full = *c;
    bool ok = true;
    char *symbol = view_dup(place->symbol, &ok);
    char *name = view_dup(place->name, &ok), *issuer = view_dup(place->issuer, &ok);
    full.symbol = symbol ? symbol : "";
    full.name = name ? name : "";
    full.issuer = issuer ? issuer : "";
    full.corrected = view_dup(place->corrected, &ok);
    full.instrument = view_dup(place->instrument, &ok);
    full.candidates = view_dup(place->candidates, &ok);
    char *text = strndup(place->text.s ? place->text.s : "", place->text.n);
    json_t *o = ok && text ? vn_citation_record(json_incref(file), &full, place->line,
                                                place->column, place->start, place->end, text)
                           : NULL;
    free(text);
    free(symbol);
    free(name);
    free(issuer);
    free(full.corrected);
    free(full.instrument);
    free(full.candidates);
    if (!o)
        *st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    return o;
}

json_t *vn_stored_parse_document(const char *data, size_t len, vn_status *st, vn_error *err)
{
    const char *text;
    size_t n;
    *st = VN_OK;
    if (!vn_stored_document(data, len, &text, &n)) {
        *st = vn_error_set(err, VN_ERR_INDEX, "no document record");
        return NULL;
    }
    json_error_t je;
    errno = 0;
    json_t *d = json_loadb(text, n, 0, &je);
    if (!d)   /* jansson reports a failed allocation as a bad token; errno tells */
        *st = errno == ENOMEM ? vn_error_set(err, VN_ERR_NOMEM, "out of memory")
                              : vn_error_set(err, VN_ERR_INDEX, "document record: %s", je.text);
    else if (!json_is_object(d) || !json_is_string(json_object_get(d, "file")))
        *st = vn_error_set(err, VN_ERR_INDEX, "the document record is not an object with a file");
    if (*st != VN_OK) {
        json_decref(d);
        return NULL;
    }
    return d;
}

vn_status vn_stored_parse(const char *data, size_t len, vn_buf *scratch, json_t **document,
                          json_t **citations, vn_error *err)
{
    vn_status st;
    *document = *citations = NULL;
    json_t *d = vn_stored_parse_document(data, len, &st, err);
    if (st == VN_OK)
        st = vn_stored_citations(data, len, scratch, err);
    vn_stored_cites_reader r;
    size_t count = 0;
    if (st == VN_OK)
        st = vn_stored_cites_open(scratch->data, scratch->len, &r, &count, err);
    json_t *cites = st == VN_OK ? json_array() : NULL;
    if (st == VN_OK && !cites)
        st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    json_t *file = d ? json_object_get(d, "file") : NULL;
    for (size_t k = 0; k < count && st == VN_OK; k++) {
        vn_citation c;
        vn_cite_place place;
        st = vn_stored_cites_next(&r, &c, &place, err);
        json_t *o = st == VN_OK ? vn_stored_cite_json(file, &c, &place, &st, err) : NULL;
        if (o && json_array_append_new(cites, o) != 0)
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    }
    if (st != VN_OK) {
        json_decref(d);
        json_decref(cites);
        return st;
    }
    *document = d;
    *citations = cites;
    return VN_OK;
}
