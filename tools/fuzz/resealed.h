/*
 * resealed.h — a cache image (query/cache_file.h) whose trailing checksum is
 * made right after its bytes were changed, so the checks behind the
 * checksum are reached: by the fuzz drivers, and by the unit tests that
 * damage an image on purpose.  Header-only: each is one program.
 */
#ifndef VN_FUZZ_RESEALED_H
#define VN_FUZZ_RESEALED_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/fnv.h"

/* Makes the last 8 bytes of image the FNV-1a of the others (when it has 8). */
static inline void reseal(void *image, size_t size)
{
    uint8_t *bytes = image;
    if (size < 8)
        return;
    uint64_t sum = vn_fnv1a(VN_FNV_SEED, bytes, size - 8);
    for (int i = 0; i < 8; i++)
        bytes[size - 8 + i] = (uint8_t)(sum >> (8 * i));
}

/* A malloc'd copy of data, resealed; NULL when out of memory. */
static inline uint8_t *resealed_copy(const uint8_t *data, size_t size)
{
    uint8_t *image = malloc(size ? size : 1);
    if (!image)
        return NULL;
    memcpy(image, data, size);
    reseal(image, size);
    return image;
}

#endif
