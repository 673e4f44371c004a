/*
 * indexer.h — one indexing run: paths -> files -> analysed documents ->
 * Xapian, incrementally.
 *
 * Index layout: the database folder holds one Xapian shard per worker
 * (`shard0/`, `shard1/` …) and a Xapian stub file `XAPIANDB` listing them,
 * so every reader opens the folder as one database.  A file always goes to
 * the shard its path hashes to, so re-indexing replaces it in place.  The
 * number of shards is fixed when the index is created (--jobs).
 *
 * Incremental: a file whose stamp (mtime, size) equals the stored one is
 * skipped; a file that is gone — under a folder given in this run, or
 * named in it — is removed; everything else is (re)analysed and replaced.
 * Each shard commits in batches (xapian.h), so a run killed at any moment
 * leaves every shard at its last commit and a rerun completes the work.
 * A second indexer gets VN_ERR_LOCKED at once.
 */
#ifndef VN_INDEXER_H
#define VN_INDEXER_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include "../common/registry.h"
#include "../common/status.h"

#define VN_INDEX_MAX_JOBS 16

typedef struct vn_index_progress {
    size_t files_total, files_done;
    uint64_t bytes_total, bytes_done;
    double seconds;
} vn_index_progress;

typedef struct vn_index_opts {
    const char *db_path;
    const vn_registry *registry;      /* may be NULL */
    unsigned jobs;                    /* workers; shards when the index is new */
    unsigned batch;                   /* commit every N documents per shard; 0 = default */
    /* called about ten times a second from the calling thread (may be NULL) */
    void (*progress)(void *ctx, const vn_index_progress *p);
    /* a file that could not be read or indexed (called under a lock) */
    void (*file_error)(void *ctx, const vn_error *e);
    void *ctx;
    bool compact;                     /* compact every shard at the end (compact.h) */
    /* a new index keeps positions on the accented word form only (terms.h);
     * an existing index keeps what it was made with */
    bool small;
} vn_index_opts;

typedef struct vn_index_stats {
    size_t files, added, updated, unchanged, removed, failed;
    uint64_t bytes;        /* bytes of the files (re)indexed */
    double seconds;
    unsigned shards;
    uint64_t compacted_from, compacted_to;   /* bytes of the shards, with `compact` */
} vn_index_stats;

/* Indexes `paths` (files and folders).  Errors that stop the run: the
 * database cannot be created or opened, it is locked, out of memory.
 * Problems with single files go to opts->file_error and count as failed. */
vn_status vn_index_run(char *const *paths, size_t count, const vn_index_opts *opts,
                       vn_index_stats *stats, vn_error *err);

/* The database folder to use: the option, else $VNCITE_DB, else ./vncite.db. */
const char *vn_index_default_db(const char *option);

#endif
