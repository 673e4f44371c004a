/*
 * cmd_show.c — `vncite show [--db DIR] [--json] [--no-text] DOC`
 *
 * One indexed document: its metadata, every citation with its line and the
 * text around it, and the document text (read from the file, which the
 * index does not store).  DOC is the path as indexed (as `search` prints it).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/index_schema.h"
#include "indexer/stored_cites.h"
#include "indexer/docjson.h"
#include "indexer/doctext.h"
#include "indexer/indexer.h"

#define CONTEXT_BYTES 70

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : "-";
}

/* First decoded offset whose file offset is >= byte (the map is monotonic). */
static size_t decoded_at(const vn_doctext *dt, size_t byte)
{
    size_t lo = 0, hi = dt->decoded.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vn_offmap_to_input(&dt->decoded.map, mid) < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* The line around [start, end) of the file, cut to CONTEXT_BYTES each side. */
static char *context_of(const vn_doctext *dt, size_t start, size_t end)
{
    const char *t = dt->decoded.text;
    size_t s = decoded_at(dt, start), e = decoded_at(dt, end);
    size_t ls = s, le = e;
    while (ls > 0 && t[ls - 1] != '\n' && s - ls < CONTEXT_BYTES)
        ls--;
    while (le < dt->decoded.len && t[le] != '\n' && le - e < CONTEXT_BYTES)
        le++;
    ls = char_start(t, ls);
    le = char_start(t, le);
    char *out = malloc(le - ls + 8);
    if (!out)
        return NULL;
    size_t o = 0;
    if (ls > 0 && t[ls - 1] != '\n')
        o += (size_t)sprintf(out, "…");
    for (size_t k = ls; k < le; k++)
        out[o++] = t[k] == '\t' || t[k] == '\n' ? ' ' : t[k];
    if (le < dt->decoded.len && t[le] != '\n')
        o += (size_t)sprintf(out + o, "…");
    out[o] = '\0';
    return out;
}

/* The stored record (common/stored.h, indexer/stored_cites.h) as {"document": …, "citations": […]}. */
static vn_status read_record(const char *data, size_t len, const char *doc_path, json_t **out,
                             vn_error *err)
{
    vn_buf scratch = VN_BUF_INIT;
    json_t *d, *cites;
    vn_error why;
    vn_status st = vn_stored_parse(data, len, &scratch, &d, &cites, &why);
    vn_buf_free(&scratch);
    *out = st == VN_OK ? json_object() : NULL;
    if (st == VN_OK && (!*out || json_object_set(*out, "document", d) != 0 ||
                        json_object_set(*out, "citations", cites) != 0)) {
        json_decref(*out);
        *out = NULL;
        st = VN_ERR_NOMEM;
    }
    json_decref(d);
    json_decref(cites);
    if (st == VN_OK)
        return VN_OK;
    if (st == VN_ERR_NOMEM)
        return vn_error_set(err, st, "out of memory");
    return vn_error_set(err, VN_ERR_INDEX, "%s: unreadable index entry (%s); rebuild the index",
                        doc_path, why.msg);
}

static int show(const char *db_path, const char *doc_path, bool json, bool with_text)
{
    vn_error err;
    vn_xdb *db = NULL;
    vn_xdoc *doc = NULL;
    int status = VN_EXIT_ERROR;
    const char *p = doc_path;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    vn_status st = vn_schema_open(db_path, &db, &err);
    if (st == VN_ERR_NOTFOUND)
        vn_error_set(&err, st, "%s: no index here; run 'vncite index --db %s FOLDER' first",
                     db_path, db_path);
    if (st == VN_OK) {
        st = vn_find_document(db, p, &doc, &err);
        if (st == VN_ERR_NOTFOUND)
            vn_error_set(&err, st, "%s: not in the index %s; give the path as 'vncite search' "
                         "prints it", doc_path, db_path);
    }
    const char *data = NULL;
    size_t dlen = 0;
    if (st == VN_OK)
        data = vn_xdoc_data(doc, &dlen);
    json_t *root = NULL;
    if (st == VN_OK)
        st = read_record(data, dlen, doc_path, &root, &err);
    if (st != VN_OK) {
        vn_report_error(&err);
        goto out;
    }
    json_t *d = json_object_get(root, "document"), *cites = json_object_get(root, "citations");
    vn_doctext dt;
    vn_error ferr;
    char *on_disk;   /* a name that is not UTF-8 is shown with \xNN escapes */
    bool have_text = vn_doctext_load(vn_path_on_disk(p, &on_disk), &dt, &ferr) == VN_OK;
    free(on_disk);
    if (!have_text)
        vn_warn("%s", ferr.msg);

    size_t i;
    json_t *c;
    json_array_foreach(cites, i, c) {
        char *ctx = have_text ? context_of(&dt, (size_t)json_integer_value(json_object_get(c, "start")),
                                           (size_t)json_integer_value(json_object_get(c, "end")))
                              : NULL;
        json_object_set_new(c, "context", ctx ? json_string(ctx) : json_null());
        free(ctx);
    }
    if (json) {
        json_object_set_new(root, "text", have_text && with_text
                                              ? json_stringn(dt.decoded.text, dt.decoded.len)
                                              : json_null());
        char *s = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (s)
            puts(s);
        free(s);
    } else {
        printf("%s\n", str(d, "file"));
        printf("  type        %s\n  number      %s\n  title       %s\n  issuer      %s\n",
               str(d, "type"), str(d, "own_number"), str(d, "title"), str(d, "issuer"));
        json_t *r = json_object_get(d, "date_range");
        printf("  place/date  %s, %s%s\n", str(d, "place"),
               json_is_object(r) ? str(r, "from") : "undated",
               json_is_object(r) && strcmp(str(r, "precision"), "day") != 0 ? " (partial)" : "");
        printf("  signer      %s (%s)\n  province    %s\n  draft       %s\n", str(d, "signer"),
               str(d, "signer_title"), str(d, "province"),
               json_is_true(json_object_get(d, "draft")) ? "yes" : "no");
        json_t *rec = json_object_get(d, "recipients");
        size_t k;
        json_t *v;
        json_array_foreach(rec, k, v) printf("  %s %s\n", k ? "           " : "recipients", json_string_value(v));
        printf("\nCitations (%zu):\n", json_array_size(cites));
        json_array_foreach(cites, i, c) {
            const char *inst = json_string_value(json_object_get(c, "instrument"));
            printf("  %4lld:%-4lld %s%s\n            %s\n", json_integer_value(json_object_get(c, "line")),
                   json_integer_value(json_object_get(c, "column")),
                   inst ? inst : str(c, "text"),
                   inst ? "" : json_is_true(json_object_get(c, "ambiguous")) ? " (ambiguous)" : " (unresolved)",
                   json_is_string(json_object_get(c, "context")) ? str(c, "context") : str(c, "text"));
        }
        if (with_text && have_text)
            printf("\nText:\n%s%s", dt.decoded.text,
                   dt.decoded.len && dt.decoded.text[dt.decoded.len - 1] == '\n' ? "" : "\n");
    }
    if (have_text)
        vn_doctext_free(&dt);
    json_decref(root);
    status = fflush(stdout) == 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
out:
    vn_xdoc_destroy(doc);
    vn_xdb_close(db, NULL);
    return status;
}

int vn_cmd_show(int argc, char **argv)
{
    const char *db = NULL, *doc = NULL;
    bool json = false, text = true;
    for (int i = 1; i < argc; i++) {
        if (vn_is_help(argv[i])) {
            vn_print_usage(vn_find_command("show"));
            return VN_EXIT_OK;
        } else if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--no-text") == 0) {
            text = false;
        } else if (strcmp(argv[i], "--db") == 0) {
            if (++i >= argc) {
                vn_report_usage_error("show", "--db needs a folder");
                return VN_EXIT_ERROR;
            }
            db = argv[i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            vn_report_usage_error("show", "unknown option '%s'", argv[i]);
            return VN_EXIT_ERROR;
        } else if (doc) {
            vn_report_usage_error("show", "one document at a time ('%s' and '%s')", doc, argv[i]);
            return VN_EXIT_ERROR;
        } else {
            doc = argv[i];
        }
    }
    if (!doc) {
        vn_report_usage_error("show", "no document given");
        return VN_EXIT_ERROR;
    }
    return show(vn_index_default_db(db), doc, json, text);
}
