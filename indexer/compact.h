/*
 * compact.h — `vncite index --compact`: each shard rewritten by Xapian's
 * compactor at the end of the run.
 *
 * Xapian's B-trees keep free space in their blocks after incremental
 * commits; a compacted copy holds the same documents in about 0.7x the bytes
 * (docs/BENCHMARKS.md).  The copy is built beside the shard and swapped in
 * with one atomic rename (RENAME_EXCHANGE), so the shard folder is a whole
 * database at every instant: a run killed during compaction leaves the
 * index as it was committed, plus a leftover copy the next run removes.
 */
#ifndef VN_COMPACT_H
#define VN_COMPACT_H

#include <stdint.h>
#include "../common/status.h"

/*
 * Compacts the shard database folder `path` (committed; the caller holds
 * its write lock) into `path`.compact and exchanges the two folders.  On
 * success `path` is the compact copy and `path`.compact the old database,
 * to be removed with vn_compact_cleanup() once the caller has closed it.
 * *before / *after are the bytes of the folder.  On failure the shard is
 * unchanged and no copy is left.
 */
vn_status vn_compact_swap(const char *path, uint64_t *before, uint64_t *after, vn_error *err);

/* Removes `path`.compact (the old database, or a leftover copy). */
vn_status vn_compact_cleanup(const char *path, vn_error *err);

#endif
