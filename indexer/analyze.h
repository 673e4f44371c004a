/*
 * analyze.h — one document through the whole indexer front end:
 * file -> text pipeline (doctext.h) -> citations (extract.h) -> metadata
 * (metadata.h).  Cross-document resolution (resolve.h) comes after all
 * documents of a run are analysed.
 */
#ifndef VN_ANALYZE_H
#define VN_ANALYZE_H

#include "../common/registry.h"
#include "doctext.h"
#include "extract.h"
#include "metadata.h"

typedef struct vn_analysis {
    vn_doctext doc;
    vn_extract_result extract;
    vn_docmeta meta;
    vn_recipients recipients;
} vn_analysis;

/* On failure (unreadable, binary …) nothing needs freeing. */
vn_status vn_analyze_file(const char *path, const vn_registry *registry, vn_analysis *a,
                          vn_error *err);
vn_status vn_analyze_bytes(const char *name, const unsigned char *bytes, size_t n,
                           const vn_registry *registry, vn_analysis *a, vn_error *err);
void vn_analysis_free(vn_analysis *a);

/* The text of a citation as written in the file (decoded, before cleaning
 * and NFC), with line breaks and tabs turned into spaces.  Caller frees. */
char *vn_analysis_as_written(const vn_analysis *a, size_t text_start, size_t text_end);

/* Where citation c is in the file as read: *from at its first byte, *to
 * (may be NULL) just after it; returns its text as written (as above;
 * caller frees, NULL when out of memory).  What every citation record
 * (extract --json, the index) says of its place. */
char *vn_analysis_cite_place(const vn_analysis *a, const vn_citation *c, vn_filepos *from,
                             vn_filepos *to);

#endif
