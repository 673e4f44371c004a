/*
 * permute.c — in-place permutation (permute.h), one cycle at a time: the
 * first element of a cycle is held aside, each slot of the cycle takes its
 * source's bytes, and the last takes the held ones.
 */
#include "permute.h"

#include <string.h>

void vn_permute_from(void *base, size_t n, size_t stride, size_t size, size_t *from, void *held)
{
    unsigned char *slots = base;
    for (size_t i = 0; i < n; i++) {
        if (from[i] == i)
            continue;
        memcpy(held, slots + i * stride, size);
        size_t at = i;
        while (from[at] != i) {
            size_t source = from[at];
            memcpy(slots + at * stride, slots + source * stride, size);
            from[at] = at;
            at = source;
        }
        memcpy(slots + at * stride, held, size);
        from[at] = at;
    }
}
