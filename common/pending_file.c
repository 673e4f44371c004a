/*
 * pending_file.c — see pending_file.h.
 */
#include "pending_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

vn_status vn_pending_open(vn_pending_file *p, const char *path, vn_error *err)
{
    p->path = path;
    p->f = NULL;
    size_t n = strlen(path);
    p->tmp = malloc(n + 16);
    if (!p->tmp)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    snprintf(p->tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(p->tmp);
    if (fd < 0) {
        vn_status st = vn_error_set(err, VN_ERR_IO, "%s: cannot create it: %s", path,
                                    strerror(errno));
        free(p->tmp);
        p->tmp = NULL;
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
        unlink(p->tmp);
        free(p->tmp);
        p->tmp = NULL;
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
}

vn_status vn_pending_commit(vn_pending_file *p, vn_error *err)
{
    if (rename(p->tmp, p->path) != 0) {
        vn_status st = vn_error_set(err, VN_ERR_IO, "%s: cannot put it in place: %s", p->path,
                                    strerror(errno));
        vn_pending_discard(p);
        return st;
    }
    free(p->tmp);
    p->tmp = NULL;
    return VN_OK;
}
