/* offmap.c — piecewise-linear offset maps (see offmap.h). */
#include "offmap.h"

#include <stdlib.h>

#include "grow.h"

static vn_status push_anchor(vn_offmap *m, size_t out, size_t in)
{
    if (!vn_grow((void **)&m->anchors, &m->cap, m->count, sizeof *m->anchors, 16))
        return VN_ERR_NOMEM;
    m->anchors[m->count++] = (vn_offmap_anchor){out, in};
    return VN_OK;
}

vn_status vn_offmap_add(vn_offmap *m, size_t out, size_t in)
{
    if (m->count == 0 && push_anchor(m, 0, 0) != VN_OK)
        return VN_ERR_NOMEM;
    vn_offmap_anchor *last = &m->anchors[m->count - 1];
    if (out < last->out || in < last->in)
        return VN_ERR_PARSE; /* caller bug: anchors must be monotonic */
    if (out - last->out == in - last->in)
        return VN_OK;        /* already implied by the linear rule */
    if (out == last->out) {  /* input bytes vanished here: keep the latest */
        last->in = in;
        return VN_OK;
    }
    return push_anchor(m, out, in);
}

void vn_offmap_finish(vn_offmap *m, size_t out_len, size_t in_len)
{
    m->out_len = out_len;
    m->in_len = in_len;
}

size_t vn_offmap_to_input(const vn_offmap *m, size_t out)
{
    if (m->count == 0)
        return out < m->in_len || m->in_len == 0 ? out : m->in_len;
    size_t lo = 0, hi = m->count; /* last anchor with anchors[lo].out <= out */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->anchors[mid].out <= out)
            lo = mid;
        else
            hi = mid;
    }
    const vn_offmap_anchor *a = &m->anchors[lo];
    size_t in = a->in + (out - a->out);
    size_t limit = lo + 1 < m->count ? m->anchors[lo + 1].in : m->in_len;
    if (limit && in > limit)
        in = limit;
    return in;
}

void vn_offmap_free(vn_offmap *m)
{
    free(m->anchors);
    m->anchors = NULL;
    m->count = m->cap = 0;
}
