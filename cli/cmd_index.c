/*
 * cmd_index.c — `vncite index [--db DIR] [--jobs N] [--registry DIR] [--compact] [--small]
 *                PATH...`
 *
 * Indexes files and folders incrementally (indexer/indexer.h).  A progress
 * bar goes to stderr when it is a terminal; a summary line always does.
 * Exit 0 when every file was indexed, 2 when some file could not be (the
 * others are indexed) or the run could not start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "indexer/indexer.h"

static void file_error(void *ctx, const vn_error *e)
{
    if (isatty(STDERR_FILENO))
        fputs("\r\033[K", stderr);   /* keep the message off the progress bar */
    vn_report_error(e);
    (void)ctx;
}

static void progress_bar(void *ctx, const vn_index_progress *p)
{
    (void)ctx;
    double mb = (double)p->bytes_done / 1e6, total = (double)p->bytes_total / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    double frac = p->bytes_total ? (double)p->bytes_done / (double)p->bytes_total : 1.0;
    int width = 24, filled = (int)(frac * width);
    double eta = rate > 0 ? (total - mb) / rate : 0;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %d:%02d ", filled,
            "########################", width - filled, "", p->files_done, p->files_total, mb,
            total, rate, (int)eta / 60, (int)eta % 60);
    fflush(stderr);
}

int vn_cmd_index(int argc, char **argv)
{
    const char *db = NULL, *registry = NULL;
    bool no_registry = false, compact = false, small = false;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN), batch = 0;
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (vn_is_help(argv[i])) {
            vn_print_usage(vn_find_command("index"));
            return VN_EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--registry") == 0 ||
                   strcmp(argv[i], "--jobs") == 0 || strcmp(argv[i], "-j") == 0 ||
                   strcmp(argv[i], "--batch") == 0) {
            if (i + 1 >= argc) {
                vn_report_usage_error("index", "%s needs a value", argv[i]);
                return VN_EXIT_ERROR;
            }
            const char *opt = argv[i++];
            if (strcmp(opt, "--db") == 0) {
                db = argv[i];
            } else if (strcmp(opt, "--registry") == 0) {
                registry = argv[i];
            } else if (strcmp(opt, "--batch") == 0) {
                char *end;
                batch = strtol(argv[i], &end, 10);
                if (*end || batch < 1 || batch > 1000000) {
                    vn_report_usage_error("index", "--batch takes a number from 1 to 1000000, "
                                          "not '%s'", argv[i]);
                    return VN_EXIT_ERROR;
                }
            } else {
                char *end;
                jobs = strtol(argv[i], &end, 10);
                if (*end || jobs < 1 || jobs > VN_INDEX_MAX_JOBS) {
                    vn_report_usage_error("index", "--jobs takes a number from 1 to %d, not '%s'",
                                          VN_INDEX_MAX_JOBS, argv[i]);
                    return VN_EXIT_ERROR;
                }
            }
        } else if (strcmp(argv[i], "--no-registry") == 0) {
            no_registry = true;
        } else if (strcmp(argv[i], "--compact") == 0) {
            compact = true;
        } else if (strcmp(argv[i], "--small") == 0) {
            small = true;
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            vn_report_usage_error("index", "unknown option '%s'", argv[i]);
            return VN_EXIT_ERROR;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc) {
        vn_report_usage_error("index", "no file or folder given");
        return VN_EXIT_ERROR;
    }
    if (jobs < 1)
        jobs = 1;
    if (jobs > VN_INDEX_MAX_JOBS)
        jobs = VN_INDEX_MAX_JOBS;

    vn_error err;
    vn_registry *reg = NULL;
    if (!vn_cli_load_registry(registry, no_registry, &reg))
        return VN_EXIT_ERROR;
    vn_index_opts opts = {vn_index_default_db(db), reg, (unsigned)jobs, (unsigned)batch,
                          isatty(STDERR_FILENO) ? progress_bar : NULL, file_error, NULL,
                          compact, small};
    vn_index_stats st;
    vn_status s = vn_index_run(argv + first, (size_t)(argc - first), &opts, &st, &err);
    if (opts.progress)
        fputs("\n", stderr);
    vn_registry_free(reg);
    if (s != VN_OK) {
        vn_report_error(&err);
        return VN_EXIT_ERROR;
    }
    double mb = (double)st.bytes / 1e6;
    fprintf(stderr,
            "vncite: %s: %zu files: %zu added, %zu updated, %zu removed, %zu unchanged, "
            "%zu failed; %.1f MB in %.2f s (%.1f MB/s, %u shard%s)\n",
            opts.db_path, st.files, st.added, st.updated, st.removed, st.unchanged, st.failed,
            mb, st.seconds, st.seconds > 0 ? mb / st.seconds : 0.0, st.shards,
            st.shards == 1 ? "" : "s");
    if (compact)
        fprintf(stderr, "vncite: %s: compacted from %.1f MB to %.1f MB\n", opts.db_path,
                (double)st.compacted_from / 1e6, (double)st.compacted_to / 1e6);
    return st.failed ? VN_EXIT_ERROR : VN_EXIT_OK;
}
