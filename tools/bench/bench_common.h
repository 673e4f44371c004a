/*
 * bench_common.h — helpers shared by the benchmark drivers of tools/bench:
 * the sorted list of *.txt files under a folder, a monotonic clock, whole
 * file reads.  Header-only so that each driver stays one file to compile.
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct bench_files {
    char **paths;
    size_t count, cap;
} bench_files;

static bench_files *bench_walk_target;

static int bench_walk_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if (flag != FTW_F || n < 4 || strcmp(path + n - 4, ".txt") != 0)
        return 0;
    bench_files *f = bench_walk_target;
    if (f->count == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 1024;
        f->paths = realloc(f->paths, f->cap * sizeof *f->paths);
        if (!f->paths) {
            fputs("out of memory\n", stderr);
            exit(2);
        }
    }
    f->paths[f->count++] = strdup(path);
    return 0;
}

static int bench_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt under dir, sorted, so that every tool sees the same order. */
static inline bench_files bench_list(const char *dir)
{
    bench_files f = {0};
    bench_walk_target = &f;
    if (nftw(dir, bench_walk_one, 16, FTW_PHYS) != 0) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        exit(2);
    }
    qsort(f.paths, f.count, sizeof *f.paths, bench_cmp_str);
    return f;
}

/* The whole file, NUL-terminated; *len its size.  NULL on error. */
static inline char *bench_read(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 32768, n = 0, k;
    char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(fp);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

#endif
