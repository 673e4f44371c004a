/*
 * find_file.c — see find_file.h.
 */
#include "find_file.h"

#include <stdlib.h>
#include <string.h>

static const char *file_at(const void *items, size_t stride, size_t i)
{
    const char *f;
    memcpy(&f, (const char *)items + i * stride, sizeof f);
    return f;
}

long vn_find_file(const char *file, const void *items, size_t count, size_t stride)
{
    const char *p = file;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p, file_at(items, stride, mid));
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    char *want = realpath(file, NULL);
    long found = -1;
    for (size_t i = 0; want && i < count && found < 0; i++) {
        char *have = realpath(file_at(items, stride, i), NULL);
        if (have && strcmp(have, want) == 0)
            found = (long)i;
        free(have);
    }
    free(want);
    if (found >= 0)
        return found;
    size_t n = strlen(p);
    for (size_t i = 0; n && i < count; i++) {
        const char *f = file_at(items, stride, i);
        size_t m = strlen(f);
        if (m > n && f[m - n - 1] == '/' && strcmp(f + m - n, p) == 0) {
            if (found >= 0)
                return -1;   /* several: the user must say which */
            found = (long)i;
        }
    }
    return found;
}
