/*
 * resealed.h — a fuzz input as a cache image (query/cache_file.h) whose
 * trailing checksum is made right, so the fuzzer gets past the checksum to
 * the checks behind it.  Header-only: each driver is one program.
 */
#ifndef VN_FUZZ_RESEALED_H
#define VN_FUZZ_RESEALED_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/fnv.h"

/* A malloc'd copy of data with its last 8 bytes the FNV-1a of the others
 * (when it has 8); NULL when out of memory. */
static inline uint8_t *resealed_copy(const uint8_t *data, size_t size)
{
    uint8_t *image = malloc(size ? size : 1);
    if (!image)
        return NULL;
    memcpy(image, data, size);
    if (size >= 8) {
        uint64_t sum = vn_fnv1a(VN_FNV_SEED, image, size - 8);
        for (int i = 0; i < 8; i++)
            image[size - 8 + i] = (uint8_t)(sum >> (8 * i));
    }
    return image;
}

#endif
