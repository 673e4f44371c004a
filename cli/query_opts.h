/*
 * query_opts.h — the options every corpus question shares (cites,
 * citations, instruments, outdated): --db, --registry/--no-registry,
 * --json, --csv, --as-of; and opening the corpus they ask about.
 */
#ifndef VN_QUERY_OPTS_H
#define VN_QUERY_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "common/date.h"
#include "common/registry.h"
#include "query/corpus.h"

#define VN_QUERY_MAX_ARGS 16

typedef struct vn_query_opts {
    const char *db;            /* NULL: the default index */
    const char *registry;      /* NULL: the default registry */
    bool no_registry;
    bool json, csv;
    bool has_as_of;
    vn_date_range as_of;       /* --as-of DATE (a day, month or year) */
    const char *status;        /* --status S (instruments) */
    bool all;                  /* --all (outdated: also amended/partly repealed) */
    bool no_cache;             /* --no-cache (outdated, instruments: neither read nor
                                  write the command's cache) */
    bool instruments_only;     /* not an option: the command reads only the instrument
                                  table (vn_query_open streams the documents) */
    const char *args[VN_QUERY_MAX_ARGS];
    size_t arg_count;
} vn_query_opts;

/* Which options a command accepts beyond --db, --registry, --no-registry, --json. */
enum {
    VN_QOPT_CSV = 1u << 0,
    VN_QOPT_AS_OF = 1u << 1,
    VN_QOPT_STATUS = 1u << 2,
    VN_QOPT_ALL = 1u << 3,
    VN_QOPT_NO_CACHE = 1u << 4
};

/*
 * Parses argv (argv[0] is the command name).  Returns 0 when the command
 * should run, 1 when --help was printed (exit 0), -1 after reporting a
 * usage error (exit 2).  At most max_args positional arguments.
 */
int vn_query_opts_parse(const char *command, int argc, char **argv, unsigned accepted,
                        size_t min_args, size_t max_args, vn_query_opts *o);

/* Loads the registry (unless --no-registry) and the corpus of the index.
 * False after reporting the error; on success free both with
 * vn_query_close. */
bool vn_query_open(const vn_query_opts *o, vn_registry **reg, vn_corpus *corpus);
void vn_query_close(vn_registry *reg, vn_corpus *corpus);

/* The document DOC names in a table of documents sorted by file
 * (vn_find_file), or -1 after reporting that it is not in the index. */
long vn_query_find_file(const char *doc, const void *items, size_t count, size_t stride);

/* Today, or --as-of when given (its first day) — the day "status today" means. */
vn_date vn_query_today(const vn_query_opts *o);

/* Writes one CSV record (fields quoted by libcsv where needed), CRLF-free. */
void vn_csv_row(FILE *out, const char *const *fields, size_t n);

/*
 * Prints s in a column `width` terminal cells wide: padded with spaces, or
 * cut at a character boundary and ended with "…" when longer.  Counts
 * cells, not bytes, so Vietnamese text lines up.
 */
void vn_print_cell(FILE *out, const char *s, int width);
/* Terminal cells s takes. */
int vn_text_cells(const char *s);

#endif
