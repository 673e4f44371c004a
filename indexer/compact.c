/* compact.c — shard compaction with an atomic swap (see compact.h). */
#include "compact.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/xapian.h"

static int copy_path(char *out, size_t size, const char *path)
{
    int n = snprintf(out, size, "%s.compact", path);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Bytes of the files of a database folder (Xapian's are flat). */
static uint64_t folder_bytes(const char *dir)
{
    uint64_t total = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat sb;
        if (fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode))
            total += (uint64_t)sb.st_blocks * 512;
    }
    closedir(d);
    return total;
}

/* Removes a flat folder and its files (or whatever else has the name); a
 * missing one is fine. */
static vn_status remove_folder(const char *dir, vn_error *err)
{
    struct stat sb;
    if (lstat(dir, &sb) != 0)
        return errno == ENOENT ? VN_OK
                               : vn_error_set(err, VN_ERR_IO, "%s: %s", dir, strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return unlink(dir) == 0 ? VN_OK
                                : vn_error_set(err, VN_ERR_IO, "%s: cannot remove (%s)", dir,
                                               strerror(errno));
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? VN_OK
                               : vn_error_set(err, VN_ERR_IO, "%s: %s", dir, strerror(errno));
    struct dirent *e;
    int failed = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (unlinkat(dirfd(d), e->d_name, 0) != 0 && !failed)
            failed = errno;
    }
    closedir(d);
    if (!failed && rmdir(dir) != 0)
        failed = errno;
    return failed ? vn_error_set(err, VN_ERR_IO, "%s: cannot remove (%s); delete it by hand",
                                 dir, strerror(failed))
                  : VN_OK;
}

vn_status vn_compact_cleanup(const char *path, vn_error *err)
{
    char copy[4096];
    if (copy_path(copy, sizeof copy, path) != 0)
        return vn_error_set(err, VN_ERR_USAGE, "%s: path too long", path);
    return remove_folder(copy, err);
}

vn_status vn_compact_swap(const char *path, uint64_t *before, uint64_t *after, vn_error *err)
{
    char copy[4096];
    if (copy_path(copy, sizeof copy, path) != 0)
        return vn_error_set(err, VN_ERR_USAGE, "%s: path too long", path);
    vn_status st = remove_folder(copy, err);   /* left by a run that was killed */
    if (st != VN_OK)
        return st;
    *before = folder_bytes(path);
    const char *sources[] = {path};
    vn_error why;
    st = vn_xdb_compact(sources, 1, copy, &why);
    if (st != VN_OK)   /* e.g. the disk is full: the copy needs room */
        vn_error_set(err, st, "%s: cannot compact (%s); the index is complete but not compacted",
                     path, why.msg);
    if (st == VN_OK && renameat2(AT_FDCWD, copy, AT_FDCWD, path, RENAME_EXCHANGE) != 0)
        st = vn_error_set(err, VN_ERR_IO,
                          "%s: cannot swap in the compacted copy (%s); the index is complete "
                          "but not compacted", path, strerror(errno));
    if (st != VN_OK) {
        vn_error ignored;
        remove_folder(copy, &ignored);
        return st;
    }
    *after = folder_bytes(path);
    return VN_OK;
}
