/*
 * permute.h — array elements moved to a new order in place.
 *
 * Sorting a million graph nodes or instruments through an index array and
 * then moving them costs one element of scratch this way, where a sorted
 * copy would double the array.
 */
#ifndef VN_PERMUTE_H
#define VN_PERMUTE_H

#include <stddef.h>

/*
 * Slot i of base (n slots, `stride` bytes apart) receives the first `size`
 * bytes (size <= stride) that slot from[i] held.  from must be a
 * permutation of 0..n-1; it is left as the identity.  `held` is room for
 * `size` bytes.
 */
void vn_permute_from(void *base, size_t n, size_t stride, size_t size, size_t *from, void *held);

#endif
