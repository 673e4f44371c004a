/*
 * query_opts.c — options and corpus opening shared by the query commands.
 */
#include "query_opts.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "cli.h"
#include "indexer/indexer.h"
#include "query/cache_file.h"
#include "query/find_file.h"
#include "query/instrument_cache.h"

static bool takes_value(const char *a, unsigned accepted)
{
    return strcmp(a, "--db") == 0 || strcmp(a, "--registry") == 0 ||
           ((accepted & VN_QOPT_AS_OF) && strcmp(a, "--as-of") == 0) ||
           ((accepted & VN_QOPT_STATUS) && strcmp(a, "--status") == 0);
}

static int set_value(const char *command, vn_query_opts *o, const char *opt, const char *value)
{
    if (strcmp(opt, "--db") == 0) {
        o->db = value;
    } else if (strcmp(opt, "--registry") == 0) {
        o->registry = value;
    } else if (strcmp(opt, "--status") == 0) {
        o->status = value;
    } else if (!vn_date_parse_any(value, &o->as_of)) {
        vn_report_usage_error(command, "--as-of '%s' is not a date; write 2024-03-25, "
                              "25/03/2024, 03/2024 or 2024", value);
        return -1;
    } else {
        o->has_as_of = true;
    }
    return 0;
}

int vn_query_opts_parse(const char *command, int argc, char **argv, unsigned accepted,
                        size_t min_args, size_t max_args, vn_query_opts *o)
{
    memset(o, 0, sizeof *o);
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            if (o->arg_count >= max_args || o->arg_count >= VN_QUERY_MAX_ARGS) {
                vn_report_usage_error(command, "unexpected argument '%s'", a);
                return -1;
            }
            o->args[o->arg_count++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (vn_is_help(a)) {
            vn_print_usage(vn_find_command(command));
            return 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--csv") == 0 && (accepted & VN_QOPT_CSV)) {
            o->csv = true;
        } else if (strcmp(a, "--all") == 0 && (accepted & VN_QOPT_ALL)) {
            o->all = true;
        } else if (strcmp(a, "--no-cache") == 0 && (accepted & VN_QOPT_NO_CACHE)) {
            o->no_cache = true;
            vn_corpus_stream_use_cache(false);
        } else if (strcmp(a, "--no-registry") == 0) {
            o->no_registry = true;
        } else if (takes_value(a, accepted)) {
            if (i + 1 >= argc) {
                vn_report_usage_error(command, "%s needs a value", a);
                return -1;
            }
            if (set_value(command, o, a, argv[++i]) != 0)
                return -1;
        } else {
            vn_report_usage_error(command, "unknown option '%s'", a);
            return -1;
        }
    }
    if (o->json && o->csv) {
        vn_report_usage_error(command, "--json and --csv exclude each other");
        return -1;
    }
    if (o->arg_count < min_args) {
        vn_report_usage_error(command, "missing argument");
        return -1;
    }
    return 0;
}

bool vn_query_open(const vn_query_opts *o, vn_registry **reg, vn_corpus *corpus)
{
    memset(corpus, 0, sizeof *corpus);
    if (!vn_cli_load_registry(o->registry, o->no_registry, reg))
        return false;
    vn_error err;
    const char *db = vn_index_default_db(o->db);
    unsigned flags = o->instruments_only ? VN_CORPUS_INSTRUMENTS_ONLY : 0;
    /* the instrument table alone is kept between runs (instrument_cache.h);
     * a cache that cannot be keyed, read or written only costs time */
    char *key = NULL, *path = NULL;
    if (o->instruments_only && !o->no_cache && vn_cache_key(db, *reg, &key, &err) == VN_OK &&
        (path = vn_instrument_cache_path(db)) != NULL &&
        vn_instrument_cache_read(path, key, *reg, corpus, &err) == VN_OK) {
        free(key);
        free(path);
        return true;
    }
    vn_status st = vn_corpus_load_flags(db, *reg, flags, corpus, &err);
    if (st == VN_OK && key && path)
        vn_instrument_cache_write(path, key, corpus, &err);
    free(key);
    free(path);
    if (st == VN_ERR_NOTFOUND)
        vn_error_set(&err, st, "%s: no index here; run 'vncite index --db %s FOLDER' first", db,
                     db);
    if (st != VN_OK) {
        vn_report_error(&err);
        vn_registry_free(*reg);
        *reg = NULL;
        return false;
    }
    return true;
}

void vn_query_close(vn_registry *reg, vn_corpus *corpus)
{
    vn_corpus_free(corpus);
    vn_registry_free(reg);
}

long vn_query_find_file(const char *doc, const void *items, size_t count, size_t stride)
{
    long d = vn_find_file(doc, items, count, stride);
    if (d < 0) {
        vn_error err;
        vn_error_set(&err, VN_ERR_NOTFOUND, "%s: not in the index; give the path as "
                     "'vncite search' prints it", doc);
        vn_report_error(&err);
    }
    return d;
}

vn_date vn_query_today(const vn_query_opts *o)
{
    if (o->has_as_of)
        return o->as_of.first;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return (vn_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void vn_csv_row(FILE *out, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', out);
        const char *f = fields[i] ? fields[i] : "";
        csv_fwrite(out, f, strlen(f));
    }
    fputc('\n', out);
}

/* Terminal cells of s's first len bytes. */
static int cells(const utf8proc_uint8_t *p, size_t len)
{
    int w = 0;
    for (size_t at = 0; at < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &cp);
        if (n <= 0)
            return w + 1;
        w += utf8proc_charwidth(cp);
        at += (size_t)n;
    }
    return w;
}

int vn_text_cells(const char *s)
{
    return s ? cells((const utf8proc_uint8_t *)s, strlen(s)) : 0;
}

void vn_print_cell(FILE *out, const char *s, int width)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    size_t len = strlen((const char *)p), at = 0;
    int used = cells(p, len);
    bool fits = used <= width;
    if (fits)
        fwrite(p, 1, len, out);
    else
        used = 0;
    while (!fits && at < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &cp);
        if (n <= 0)
            break;
        int w = utf8proc_charwidth(cp);
        if (used + w > width - 1)
            break;
        fwrite(p + at, 1, (size_t)n, out);
        used += w;
        at += (size_t)n;
    }
    if (!fits && width > 0) {
        fputs("…", out);
        used++;
    }
    static const char spaces[] = "                                ";
    for (int pad; used < width; used += pad) {
        pad = width - used < (int)sizeof spaces - 1 ? width - used : (int)sizeof spaces - 1;
        fwrite(spaces, 1, (size_t)pad, out);
    }
}
