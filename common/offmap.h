/*
 * offmap.h — maps byte offsets of a transformed text back to its source.
 *
 * Every stage of the text pipeline (decode, clean markup, normalise) turns an
 * input buffer into an output buffer and records an offmap: a sorted list of
 * anchors (out, in).  Between two anchors bytes correspond one to one, so an
 * output offset x maps to in + (x - out) of the last anchor with out <= x,
 * clamped so it never passes the next anchor's input offset.  A stage adds
 * an anchor only where lengths change (removed markup, a recomposed
 * syllable, a decoded UTF-16 unit), so ordinary text costs nothing.
 *
 * Composition: positions are mapped stage by stage, last stage first.
 */
#ifndef VN_OFFMAP_H
#define VN_OFFMAP_H

#include <stddef.h>
#include "status.h"

typedef struct vn_offmap_anchor {
    size_t out;
    size_t in;
} vn_offmap_anchor;

typedef struct vn_offmap {
    vn_offmap_anchor *anchors;  /* sorted by out, then in; first is {0,0} */
    size_t count, cap;
    size_t out_len, in_len;     /* total lengths, set by vn_offmap_finish */
} vn_offmap;

#define VN_OFFMAP_INIT {NULL, 0, 0, 0, 0}

/* Records that output offset `out` corresponds to input offset `in`.
 * Calls must come in non-decreasing order of both. Redundant anchors (that
 * the linear rule already implies) are skipped. */
vn_status vn_offmap_add(vn_offmap *m, size_t out, size_t in);

/* Records the total lengths; call once when the stage is done. */
void vn_offmap_finish(vn_offmap *m, size_t out_len, size_t in_len);

/* Maps an output offset to the input offset (0 <= result <= in_len). */
size_t vn_offmap_to_input(const vn_offmap *m, size_t out);

void vn_offmap_free(vn_offmap *m);

#endif
