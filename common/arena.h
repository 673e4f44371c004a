/*
 * arena.h — bytes (mostly strings) that live and die together: one malloc
 * per block, not one per string, and one free for all.  Blocks start small
 * and double up to 64 KiB, so many nearly empty arenas (one per citation
 * list) stay small; a string bigger than the next block gets a block of its
 * own behind the current one, which keeps its room.
 */
#ifndef VN_ARENA_H
#define VN_ARENA_H

#include <stddef.h>

typedef struct vn_arena_block vn_arena_block;

typedef struct vn_arena {
    vn_arena_block *head;
} vn_arena;

#define VN_ARENA_INIT {NULL}

/* n bytes (not aligned) that live until vn_arena_free; NULL when out of memory. */
char *vn_arena_alloc(vn_arena *a, size_t n);

/* A copy of s with its NUL; NULL when out of memory. */
const char *vn_arena_strdup(vn_arena *a, const char *s);

void vn_arena_free(vn_arena *a);

#endif
