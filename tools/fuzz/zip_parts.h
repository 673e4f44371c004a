/*
 * zip_parts.h — a ZIP archive built in memory with libzip: the .docx the
 * docx tests and fuzz_docx need, without fixture files (header-only).
 */
#ifndef VN_ZIP_PARTS_H
#define VN_ZIP_PARTS_H

#include <stdlib.h>
#include <zip.h>

/* An archive holding n parts (name, bytes, length), deflated; malloc'd,
 * *out_len bytes, or NULL if libzip fails. */
static inline unsigned char *zip_parts(size_t n, const char *const names[],
                                       const void *const data[], const size_t lens[],
                                       size_t *out_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *archive = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_error_fini(&ze);
    if (!archive)
        return NULL;
    zip_source_keep(archive);   /* zip_close must not free it: it is read back below */
    zip_t *z = zip_open_from_source(archive, ZIP_TRUNCATE, NULL);
    if (!z) {
        zip_source_free(archive);
        zip_source_free(archive);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        zip_source_t *part = zip_source_buffer(z, data[i], lens[i], 0);
        if (!part || zip_file_add(z, names[i], part, ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(part);
            zip_discard(z);
            zip_source_free(archive);
            return NULL;
        }
    }
    unsigned char *bytes = NULL;
    zip_stat_t st;
    if (zip_close(z) < 0) {
        zip_discard(z);
    } else if (zip_source_stat(archive, &st) == 0 && zip_source_open(archive) == 0) {
        bytes = malloc(st.size ? st.size : 1);
        zip_int64_t got = bytes ? zip_source_read(archive, bytes, st.size) : -1;
        zip_source_close(archive);
        if (got < 0) {
            free(bytes);
            bytes = NULL;
        } else {
            *out_len = (size_t)got;
        }
    }
    zip_source_free(archive);
    return bytes;
}

#endif
