/*
 * random_text.h — reproducible random texts for the unit tests that compare
 * a fast path with a reference: pieces (letters, marks, bytes that break
 * UTF-8 …) strung together from a fixed seed.  Header-only.
 */
#ifndef VN_TEST_RANDOM_TEXT_H
#define VN_TEST_RANDOM_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A number below n from a 64-bit linear congruential generator (Knuth's
 * MMIX constants; the upper bits, the good ones). */
static inline size_t random_below(uint64_t *seed, size_t n)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (size_t)((*seed >> 33) % n);
}

/* Pieces chosen from the first `count` of `pieces`, appended to buf while
 * it holds fewer than `want` bytes and the next piece fits in `cap` (a NUL
 * is left room for and written).  Returns the length. */
static inline size_t random_text(uint64_t *seed, const char *const *pieces, size_t count,
                                 size_t want, char *buf, size_t cap)
{
    size_t n = 0;
    while (n < want) {
        const char *p = pieces[random_below(seed, count)];
        size_t len = strlen(p);
        if (n + len >= cap)
            break;
        memcpy(buf + n, p, len);
        n += len;
    }
    buf[n] = '\0';
    return n;
}

#endif
