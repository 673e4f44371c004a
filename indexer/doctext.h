/*
 * doctext.h — the text pipeline for one document: file -> decoded UTF-8 ->
 * cleaned of markup -> normalised (NFC, Đ).  Extraction and indexing work on
 * `text`; every offset in `text` maps back to a byte offset, a line and a
 * column in the file as read.
 */
#ifndef VN_DOCTEXT_H
#define VN_DOCTEXT_H

#include <stddef.h>
#include "reader.h"

typedef struct vn_doctext {
    char *path;
    vn_decoded decoded;     /* stage 1: the file as UTF-8 */
    char *cleaned;          /* stage 2 */
    size_t cleaned_len;
    vn_offmap clean_map;    /* cleaned -> decoded */
    char *text;             /* stage 3: what extraction and indexing read */
    size_t len;
    vn_offmap norm_map;     /* text -> cleaned */
    size_t *line_starts;    /* offsets in decoded text where lines start */
    size_t line_count;
} vn_doctext;

/* Runs the pipeline over a file. On failure nothing needs freeing. */
vn_status vn_doctext_load(const char *path, vn_doctext *dt, vn_error *err);

/* Same, over bytes in memory (tests, fuzzing, stdin). */
vn_status vn_doctext_from_bytes(const char *name, const unsigned char *bytes,
                                size_t n, vn_doctext *dt, vn_error *err);

/* A position in `text` as the user sees it in the file. */
typedef struct vn_filepos {
    size_t byte;    /* byte offset in the file as read */
    size_t line;    /* 1-based */
    size_t column;  /* 1-based, in characters (code points) of that line */
} vn_filepos;

vn_filepos vn_doctext_filepos(const vn_doctext *dt, size_t text_offset);

/* Where something ending at text_end ends in the file: after its last
 * character, not after markup the cleaner removed behind it. */
vn_filepos vn_doctext_end_filepos(const vn_doctext *dt, size_t text_end);

/* The same positions in the decoded text (the file as UTF-8), and the file
 * position of a decoded offset. */
size_t vn_doctext_decoded_offset(const vn_doctext *dt, size_t text_offset);
size_t vn_doctext_decoded_end(const vn_doctext *dt, size_t text_end);
vn_filepos vn_doctext_decoded_filepos(const vn_doctext *dt, size_t decoded);

/* Only the byte of vn_doctext_filepos(): no line or column to count. */
size_t vn_doctext_file_byte(const vn_doctext *dt, size_t text_offset);

void vn_doctext_free(vn_doctext *dt);

#endif
