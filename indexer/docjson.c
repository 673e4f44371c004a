/* docjson.c — JSON records for documents and citations (see docjson.h). */
#include "docjson.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/index_schema.h"
#include "../common/utf8.h"

static bool utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int cp;
        size_t k = vn_utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            return false;
        i += k;
    }
    return true;
}

json_t *vn_path_json(const char *path)
{
    size_t n = strlen(path);
    if (utf8_valid(path, n))
        return json_string(path);
    /* a file name that is not UTF-8 (an old Windows or TCVN3 name): shown with
     * its bad bytes as \xNN, so the record stays valid JSON and readable */
    char *out = malloc(n * 4 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int cp;
        size_t k = vn_utf8_next(path + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(path + i, "\xEF\xBF\xBD", 3) == 0)) {
            o += (size_t)sprintf(out + o, "\\x%02X", (unsigned char)path[i]);
            i++;
        } else {
            memcpy(out + o, path + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
    json_t *j = json_string(out);
    free(out);
    return j;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *vn_path_unescape(const char *shown)
{
    if (!strstr(shown, "\\x"))
        return NULL;
    size_t n = strlen(shown), o = 0;
    char *raw = malloc(n + 1);
    if (!raw)
        return NULL;
    for (size_t i = 0; i < n;) {
        int hi = i + 3 < n && shown[i] == '\\' && shown[i + 1] == 'x' ? hex_digit(shown[i + 2]) : -1;
        int lo = hi >= 0 ? hex_digit(shown[i + 3]) : -1;
        if (lo >= 0 && hi >= 8) {   /* only bytes >= 0x80 were written so */
            raw[o++] = (char)(hi << 4 | lo);
            i += 4;
        } else {
            raw[o++] = shown[i++];
        }
    }
    raw[o] = '\0';
    /* only a name vn_path_json() would show exactly so */
    json_t *again = vn_path_json(raw);
    bool same = again && strcmp(json_string_value(again), shown) == 0 && strcmp(raw, shown) != 0;
    json_decref(again);
    if (!same) {
        free(raw);
        return NULL;
    }
    return raw;
}

const char *vn_path_on_disk(const char *shown, char **owned)
{
    *owned = NULL;
    if (access(shown, F_OK) == 0)
        return shown;
    char *raw = vn_path_unescape(shown);
    if (raw && access(raw, F_OK) == 0)
        return *owned = raw;
    free(raw);
    return shown;
}

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

json_t *vn_date_range_json(const vn_date_range *r)
{
    char buf[11];
    if (r->precision == VN_DATE_NONE)
        return json_null();
    return json_string(vn_date_range_str(r, buf));
}

static json_t *range_object(const vn_date_range *r)
{
    if (r->precision == VN_DATE_NONE)
        return json_null();
    char a[11], b[11];
    static const char *const names[] = {"none", "year", "month", "day"};
    return json_pack("{s:s, s:s, s:s}", "from", vn_date_iso(r->first, a), "to",
                     vn_date_iso(r->last, b), "precision", names[r->precision]);
}

json_t *vn_document_json(const vn_analysis *a)
{
    const vn_docmeta *m = &a->meta;
    json_t *recipients = json_array();
    for (int k = 0; k < a->recipients.count; k++)
        json_array_append_new(recipients, json_string(a->recipients.items[k]));
    char after[11];
    json_t *o = json_pack(
        "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:s, s:I}",
        "record", "document", "file", vn_path_json(a->doc.path),
        "own_number", str_or_null(m->own_number),
        "type", str_or_null(m->type_word),
        "title", str_or_null(m->title),
        "issuer", str_or_null(m->issuer),
        "place", str_or_null(m->place),
        "date", m->date.precision == VN_DATE_DAY ? vn_date_range_json(&m->date) : json_null(),
        "date_range", range_object(&m->date),
        "cites_up_to", m->after.year ? json_string(vn_date_iso(m->after, after)) : json_null(),
        "signer", str_or_null(m->signer),
        "signer_title", str_or_null(m->signer_title),
        "recipients", recipients,
        "draft", m->draft,
        "province", str_or_null(m->province),
        "encoding", vn_encoding_name(a->doc.decoded.encoding),
        "citations", (json_int_t)a->extract.citations.count);
    if (o && a->doc.decoded.legacy_font != VN_ENC_UTF8 &&
        json_object_set_new(o, "legacy_font", json_string(vn_encoding_name(a->doc.decoded.legacy_font))) != 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *vn_citation_json(const vn_analysis *a, const vn_citation *c)
{
    vn_filepos from, to;
    char *text = vn_analysis_cite_place(a, c, &from, &to);
    if (!text)
        return NULL;
    json_t *o = vn_citation_record(vn_path_json(a->doc.path), c, (long)from.line,
                                   (long)from.column, (long)from.byte, (long)to.byte, text);
    free(text);
    return o;
}

json_t *vn_citation_record(json_t *file, const vn_citation *c, long line, long column,
                           long start, long end, const char *text)
{
    json_t *pin = json_null();
    if (c->pinpoint.article[0] || c->pinpoint.clause[0] || c->pinpoint.point[0])
        pin = json_pack("{s:o, s:o, s:o}", "article", str_or_null(c->pinpoint.article),
                        "clause", str_or_null(c->pinpoint.clause),
                        "point", str_or_null(c->pinpoint.point));
    json_t *cands = json_null();
    if (c->candidates) {
        cands = json_array();
        for (const char *p = c->candidates; *p;) {
            const char *e = strstr(p, ", ");
            size_t n = e ? (size_t)(e - p) : strlen(p);
            json_array_append_new(cands, json_stringn(p, n));
            p += n + (e ? 2 : 0);
        }
    }
    json_t *o = json_pack(
        "{s:s, s:o, s:I, s:I, s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:o,"
        " s:o, s:o, s:o, s:b, s:o}",
        "record", "citation", "file", file,
        "line", (json_int_t)line, "column", (json_int_t)column,
        "start", (json_int_t)start, "end", (json_int_t)end,
        "text", text,
        "kind", vn_citation_kind_name(c->kind),
        "type", str_or_null(c->type_word),
        "number", str_or_null(c->number),
        "symbol", str_or_null(c->symbol),
        "name", str_or_null(c->name),
        "date", vn_date_range_json(&c->date),
        "date_shared", c->date_shared,
        "issuer", str_or_null(c->issuer),
        "term", str_or_null(c->term),
        "pinpoint", pin,
        "corrected", str_or_null(c->corrected),
        "instrument", str_or_null(c->instrument),
        "ambiguous", c->ambiguous,
        "candidates", cands);
    return o;
}

vn_status vn_find_document(vn_xdb *db, const char *shown, vn_xdoc **out, vn_error *err)
{
    *out = NULL;
    vn_buf term = VN_BUF_INIT;
    vn_status st = vn_schema_unique_term(shown, &term, err);
    if (st == VN_OK)
        st = vn_xdb_find(db, term.data, out, err);
    char *raw = st == VN_ERR_NOTFOUND ? vn_path_unescape(shown) : NULL;
    if (raw) {
        vn_error again;
        term.len = 0;
        if (vn_schema_unique_term(raw, &term, &again) == VN_OK &&
            vn_xdb_find(db, term.data, out, &again) == VN_OK)
            st = VN_OK;
        free(raw);
    }
    vn_buf_free(&term);
    return st;
}
