/* arena.c — blocks of bytes freed together (see arena.h). */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct vn_arena_block {
    vn_arena_block *next;
    size_t size, used;
    char data[];
};

enum { FIRST_BLOCK = 256, LAST_BLOCK = 65536 };

char *vn_arena_alloc(vn_arena *a, size_t n)
{
    vn_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = !b ? FIRST_BLOCK : b->size < LAST_BLOCK ? b->size * 2 : LAST_BLOCK;
        int own = n > size;
        if (own)
            size = n;
        vn_arena_block *fresh = malloc(sizeof *fresh + size);
        if (!fresh)
            return NULL;
        fresh->size = size;
        fresh->used = 0;
        if (own && b) {
            fresh->next = b->next;
            b->next = fresh;
        } else {
            fresh->next = b;
            a->head = fresh;
        }
        b = fresh;
    }
    char *p = b->data + b->used;
    b->used += n;
    return p;
}

const char *vn_arena_strdup(vn_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = vn_arena_alloc(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void vn_arena_free(vn_arena *a)
{
    for (vn_arena_block *b = a->head; b;) {
        vn_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
