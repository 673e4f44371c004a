/*
 * pending_file.c — see pending_file.h.
 */
#include "pending_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Not a regular file (a device, a FIFO, a socket, or a link to one): written
 * straight to, with nothing to rename. */
static vn_status open_direct(vn_pending_file *p, vn_error *err)
{
    p->f = fopen(p->path, "w");
    if (!p->f)
        return vn_error_set(err, VN_ERR_IO, "%s: cannot write it: %s", p->path,
                            strerror(errno));
    return VN_OK;
}

vn_status vn_pending_open(vn_pending_file *p, const char *path, vn_error *err)
{
    p->path = path;
    p->f = NULL;
    p->tmp = p->target = NULL;
    struct stat st_target, st_link;
    bool exists = stat(path, &st_target) == 0;
    if (exists && S_ISDIR(st_target.st_mode))
        return vn_error_set(err, VN_ERR_IO, "%s: is a folder; give the name of a file", path);
    if (exists && !S_ISREG(st_target.st_mode))
        return open_direct(p, err);
    /* a link: replace the file it names, keep the link */
    bool link = exists && lstat(path, &st_link) == 0 && S_ISLNK(st_link.st_mode);
    p->target = link ? realpath(path, NULL) : strdup(path);
    if (!p->target)
        return vn_error_set(err, link ? VN_ERR_IO : VN_ERR_NOMEM, "%s: %s", path,
                            link ? strerror(errno) : "out of memory");
    size_t n = strlen(p->target);
    p->tmp = malloc(n + 16);
    if (!p->tmp) {
        vn_pending_discard(p);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    }
    snprintf(p->tmp, n + 16, "%s.tmp-XXXXXX", p->target);
    int fd = mkstemp(p->tmp);
    if (fd < 0) {
        vn_status st = vn_error_set(err, VN_ERR_IO, "%s: cannot create it: %s", path,
                                    strerror(errno));
        free(p->tmp);
        p->tmp = NULL;
        vn_pending_discard(p);
        return st;
    }
    /* mkstemp makes 0600; the file is an ordinary output file */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    p->f = fdopen(fd, "w");
    if (!p->f) {
        vn_status st = vn_error_set(err, VN_ERR_IO, "%s: %s", path, strerror(errno));
        close(fd);
        vn_pending_discard(p);
        return st;
    }
    return VN_OK;
}

bool vn_pending_close(vn_pending_file *p, vn_error *err)
{
    if (!p->f)
        return true;
    int rc = fclose(p->f);
    p->f = NULL;
    if (rc != 0) {
        vn_error_set(err, VN_ERR_IO, "%s: cannot write it: %s", p->path, strerror(errno));
        return false;
    }
    return true;
}

void vn_pending_discard(vn_pending_file *p)
{
    if (p->f)
        fclose(p->f);
    p->f = NULL;
    if (p->tmp)
        unlink(p->tmp);
    free(p->tmp);
    p->tmp = NULL;
    free(p->target);
    p->target = NULL;
}

vn_status vn_pending_commit(vn_pending_file *p, vn_error *err)
{
    if (!p->tmp)   /* written straight to the path */
        return VN_OK;
    if (rename(p->tmp, p->target) != 0) {
        vn_status st = vn_error_set(err, VN_ERR_IO, "%s: cannot put it in place: %s", p->path,
                                    strerror(errno));
        vn_pending_discard(p);
        return st;
    }
    free(p->tmp);
    p->tmp = NULL;
    free(p->target);
    p->target = NULL;
    return VN_OK;
}
