/* walk.c — path expansion (see walk.h). */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../common/grow.h"
#define WALK_MAX_DEPTH 64

static vn_status push(vn_pathlist *l, const char *path)
{
    if (!vn_grow((void **)&l->paths, &l->cap, l->count, sizeof *l->paths, 64))
        return VN_ERR_NOMEM;
    l->paths[l->count] = strdup(path);
    if (!l->paths[l->count])
        return VN_ERR_NOMEM;
    l->count++;
    return VN_OK;
}

static int is_document_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".md") == 0 ||
                   strcmp(dot, ".text") == 0 || strcmp(dot, ".TXT") == 0 ||
                   strcmp(dot, ".docx") == 0 || strcmp(dot, ".DOCX") == 0 ||
                   strcmp(dot, ".odt") == 0 || strcmp(dot, ".ODT") == 0 ||
                   strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0);
}

static vn_status walk_dir(const char *dir, int depth, vn_pathlist *out,
                          vn_walk_problem_fn problem, void *ctx)
{
    if (depth > WALK_MAX_DEPTH) {
        vn_error e;
        vn_error_set(&e, VN_ERR_IO, "%s: folders nested deeper than %d levels; skipped",
                     dir, WALK_MAX_DEPTH);
        if (problem)
            problem(ctx, &e);
        return VN_OK;
    }
    DIR *d = opendir(dir);
    if (!d) {
        vn_error e;
        vn_error_set(&e, VN_ERR_IO, "%s: cannot open folder: %s; check its permissions",
                     dir, strerror(errno));
        if (problem)
            problem(ctx, &e);
        return VN_OK;
    }
    struct dirent *ent;
    vn_status st = VN_OK;
    while (st == VN_OK && (ent = readdir(d)) != NULL) {
        /* hidden entries, and the "~$plan.docx" owner files Word leaves
         * beside a document while it is open (a few bytes, not a document) */
        if (ent->d_name[0] == '.' || (ent->d_name[0] == '~' && ent->d_name[1] == '$'))
            continue;
        size_t n = strlen(dir) + strlen(ent->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            st = VN_ERR_NOMEM;
            break;
        }
        snprintf(path, n, "%s/%s", dir, ent->d_name);
        struct stat lst, tst;
        if (lstat(path, &lst) == 0) {
            if (S_ISDIR(lst.st_mode))
                st = walk_dir(path, depth + 1, out, problem, ctx);
            else if (is_document_name(ent->d_name) &&
                     (S_ISREG(lst.st_mode) ||
                      (S_ISLNK(lst.st_mode) && stat(path, &tst) == 0 && S_ISREG(tst.st_mode))))
                st = push(out, path);
        }
        free(path);
    }
    closedir(d);
    return st;
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

vn_status vn_walk(char *const *paths, size_t count, vn_pathlist *out,
                  vn_walk_problem_fn problem, void *ctx, vn_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        vn_status s = VN_OK;
        if (stat(paths[i], &st) != 0) {
            vn_error e;
            vn_error_set(&e, VN_ERR_IO, "%s: %s; check the path", paths[i], strerror(errno));
            if (problem)
                problem(ctx, &e);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            size_t first = out->count;
            char *dir = strdup(paths[i]);
            if (!dir)
                return vn_error_set(err, VN_ERR_NOMEM, "out of memory while listing files");
            size_t dl = strlen(dir);
            while (dl > 1 && dir[dl - 1] == '/')
                dir[--dl] = '\0';
            s = walk_dir(dir, 0, out, problem, ctx);
            free(dir);
            qsort(out->paths + first, out->count - first, sizeof *out->paths, cmp_paths);
        } else {
            s = push(out, paths[i]);
        }
        if (s != VN_OK)
            return vn_error_set(err, s, "out of memory while listing files");
    }
    return VN_OK;
}

void vn_pathlist_free(vn_pathlist *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->paths[i]);
    free(l->paths);
    memset(l, 0, sizeof *l);
}
