/*
 * grow.h — room for one more item in an array that grows by doubling.
 */
#ifndef VN_GROW_H
#define VN_GROW_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Makes room in *items (*cap items of `size` bytes) for item number
 * `count`: doubles the array when it is full (to `first` items when it has
 * none).  false when out of memory or the size would overflow; *items and
 * *cap are then unchanged.
 */
bool vn_grow(void **items, size_t *cap, size_t count, size_t size, size_t first);

#endif
