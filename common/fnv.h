/*
 * fnv.h — FNV-1a, the project's one non-cryptographic hash: stable across
 * runs and machines, so it may pick shards, name terms and key caches that
 * outlive the process.  Not for anything an adversary chooses to collide.
 */
#ifndef VN_FNV_H
#define VN_FNV_H

#include <stddef.h>
#include <stdint.h>

#define VN_FNV_SEED 1469598103934665603ull

/* Continues hash h over n bytes (start with VN_FNV_SEED). */
static inline uint64_t vn_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* Continues hash h over a NUL-terminated string (not its NUL). */
static inline uint64_t vn_fnv1a_str(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h;
}

#endif
