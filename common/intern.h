/*
 * intern.h — dense numbers for strings: the first distinct string added is 0,
 * the next new one 1, and so on; adding a string seen before gives its number
 * again.  Grouping millions of citations by instrument this way costs one
 * hash per citation instead of a sort by string (query/corpus.c).
 *
 * Strings are borrowed, not copied: each must stay alive and unchanged as
 * long as the table is used.
 */
#ifndef VN_INTERN_H
#define VN_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "status.h"

/* 32-bit hashes and slots: the big tables (a corpus's instruments, a
 * graph's nodes) hold millions of strings, and 4 G of them would not fit in
 * memory anyway (vn_intern_add refuses more). */
typedef struct vn_intern {
    const char **keys;      /* keys[id]: the string numbered id */
    uint32_t *hashes;       /* hashes[id] */
    size_t count;           /* distinct strings so far */
    size_t key_cap;
    uint32_t *slots;        /* open addressing: id + 1, 0 = empty */
    size_t slot_count;      /* a power of two, or 0 before the first add */
} vn_intern;

#define VN_INTERN_INIT {NULL, NULL, 0, 0, NULL, 0}

/* Numbers key (NUL-terminated): *id is its number, new or known.
 * VN_ERR_NOMEM (also past UINT32_MAX - 1 strings) leaves the table as it was. */
vn_status vn_intern_add(vn_intern *t, const char *key, size_t *id);

/* The table's own copy of key: the one kept when key was added before, else
 * a copy made in `strings` and added.  NULL when out of memory.  For strings
 * that repeat (type words, issuers) and are kept once. */
const char *vn_intern_keep(vn_intern *t, vn_arena *strings, const char *key);

/* The number of key, or SIZE_MAX when it was never added. */
size_t vn_intern_find(const vn_intern *t, const char *key);

/* The numbers in strcmp order of their strings: order[0] is the number of
 * the smallest.  order has room for t->count. */
void vn_intern_order(const vn_intern *t, size_t *order);

void vn_intern_free(vn_intern *t);

#endif
