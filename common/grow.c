/*
 * grow.c — see grow.h.
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>

bool vn_grow(void **items, size_t *cap, size_t count, size_t size, size_t first)
{
    if (count < *cap)
        return true;
    size_t n = *cap ? *cap : (first ? first : 1);
    if (*cap && n > SIZE_MAX / 2)
        return false;
    if (*cap)
        n *= 2;
    if (n <= count)
        n = count + 1;
    if (size && n > SIZE_MAX / size)
        return false;
    void *p = realloc(*items, n * size);
    if (!p)
        return false;
    *items = p;
    *cap = n;
    return true;
}
