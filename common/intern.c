/*
 * intern.c — string numbering (intern.h) with an open-addressing hash table
 * (FNV-1a, linear probing, kept at most half full).
 */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

#include "fnv.h"

static uint32_t hash_of(const char *s)
{
    uint64_t h = vn_fnv1a_str(VN_FNV_SEED, s);
    return (uint32_t)(h ^ (h >> 32));
}

/* Slot of key: where it is, or the empty slot where it would go. */
static size_t probe(const vn_intern *t, const char *key, uint32_t h)
{
    size_t mask = t->slot_count - 1;
    size_t i = (size_t)h & mask;
    while (t->slots[i]) {
        size_t id = t->slots[i] - 1;
        if (t->hashes[id] == h && strcmp(t->keys[id], key) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

static vn_status grow_slots(vn_intern *t)
{
    size_t n = t->slot_count ? t->slot_count * 2 : 64;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return VN_ERR_NOMEM;
    for (size_t id = 0; id < t->count; id++) {
        size_t i = (size_t)t->hashes[id] & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = (uint32_t)(id + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->slot_count = n;
    return VN_OK;
}

static vn_status grow_keys(vn_intern *t)
{
    size_t n = t->key_cap ? t->key_cap * 2 : 32;
    const char **keys = realloc(t->keys, n * sizeof *keys);
    if (!keys)
        return VN_ERR_NOMEM;
    t->keys = keys;
    uint32_t *hashes = realloc(t->hashes, n * sizeof *hashes);
    if (!hashes)
        return VN_ERR_NOMEM;
    t->hashes = hashes;
    t->key_cap = n;
    return VN_OK;
}

vn_status vn_intern_add(vn_intern *t, const char *key, size_t *id)
{
    uint32_t h = hash_of(key);
    if (t->slot_count) {
        size_t i = probe(t, key, h);
        if (t->slots[i]) {
            *id = t->slots[i] - 1;
            return VN_OK;
        }
    }
    if (t->count >= UINT32_MAX - 1)
        return VN_ERR_NOMEM;
    if (t->count == t->key_cap && grow_keys(t) != VN_OK)
        return VN_ERR_NOMEM;
    if ((t->count + 1) * 2 > t->slot_count && grow_slots(t) != VN_OK)
        return VN_ERR_NOMEM;
    size_t i = probe(t, key, h);
    t->keys[t->count] = key;
    t->hashes[t->count] = h;
    t->slots[i] = (uint32_t)++t->count;
    *id = t->count - 1;
    return VN_OK;
}

size_t vn_intern_find(const vn_intern *t, const char *key)
{
    if (!t->slot_count)
        return SIZE_MAX;
    size_t i = probe(t, key, hash_of(key));
    return t->slots[i] ? t->slots[i] - 1 : SIZE_MAX;
}

const char *vn_intern_keep(vn_intern *t, vn_arena *strings, const char *key)
{
    size_t id = vn_intern_find(t, key);
    if (id != SIZE_MAX)
        return t->keys[id];
    const char *copy = vn_arena_strdup(strings, key);
    return copy && vn_intern_add(t, copy, &id) == VN_OK ? copy : NULL;
}

static int key_order_cmp(const void *a, const void *b, void *keys)
{
    const char *const *k = keys;
    return strcmp(k[*(const size_t *)a], k[*(const size_t *)b]);
}

void vn_intern_order(const vn_intern *t, size_t *order)
{
    for (size_t id = 0; id < t->count; id++)
        order[id] = id;
    qsort_r(order, t->count, sizeof *order, key_order_cmp, (void *)t->keys);
}

void vn_intern_free(vn_intern *t)
{
    free(t->keys);
    free(t->hashes);
    free(t->slots);
    *t = (vn_intern)VN_INTERN_INIT;
}
