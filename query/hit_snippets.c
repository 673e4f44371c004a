/* hit_snippets.c — a page's snippets, one thread a core (see hit_snippets.h). */
#include "hit_snippets.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../indexer/doctext.h"
#include "../indexer/docjson.h"
#include "snippet.h"

/* Threads at most: a page is ten hits, and each thread has its own snipper. */
#define MAX_THREADS 8

typedef struct shared {
    vn_hit_snippet_job *jobs;
    size_t n;
    const char *const *terms;
    atomic_size_t next;     /* the next job nobody took */
    vn_status *status;      /* per job */
    vn_error *errors;       /* per job */
} shared;

/* Has the file changed since it was indexed?  (stamp: "SEC.NSEC SIZE HASH") */
static bool file_changed(const char *path, const char *stamp)
{
    struct stat st;
    long long sec;
    long nsec;
    unsigned long long size;
    if (stat(path, &st) != 0)
        return true;
    if (!stamp || sscanf(stamp, "%lld.%ld %llu", &sec, &nsec, &size) != 3)
        return false;
    return sec != (long long)st.st_mtim.tv_sec || nsec != st.st_mtim.tv_nsec ||
           size != (unsigned long long)st.st_size;
}

static vn_status make_one(vn_snipper *sn, const vn_hit_snippet_job *job,
                          const char *const *terms, vn_error *err)
{
    vn_search_hit *h = job->hit;
    char *owned;   /* a name that is not UTF-8 is stored with \xNN escapes */
    const char *path = vn_path_on_disk(job->path, &owned);
    h->stale = file_changed(path, job->stamp);
    vn_doctext dt;
    vn_error ignored;
    vn_status loaded = vn_doctext_load(path, &dt, &ignored);
    free(owned);
    if (loaded == VN_OK) {
        vn_status st = vn_snipper_make(sn, dt.text, dt.len, terms, &h->snippet, h->marks,
                                       &h->mark_count, err);
        vn_doctext_free(&dt);
        return st;
    }
    h->stale = true;
    h->snippet = strdup(job->title);
    return h->snippet ? VN_OK : vn_error_set(err, VN_ERR_NOMEM, "out of memory");
}

static void *work(void *arg)
{
    shared *s = arg;
    vn_snipper *sn = NULL;
    vn_error err;
    vn_status made = vn_snipper_new(&sn, &err);
    for (size_t i; (i = atomic_fetch_add(&s->next, 1)) < s->n;) {
        if (made != VN_OK) {
            s->status[i] = made;
            s->errors[i] = err;
            continue;
        }
        s->status[i] = make_one(sn, &s->jobs[i], s->terms, &s->errors[i]);
    }
    vn_snipper_free(sn);
    return NULL;
}

vn_status vn_hit_snippets(vn_hit_snippet_job *jobs, size_t n, const char *const *terms,
                          vn_error *err)
{
    if (n == 0)
        return VN_OK;
    shared s = {jobs, n, terms, 0, calloc(n, sizeof *s.status), calloc(n, sizeof *s.errors)};
    if (!s.status || !s.errors) {
        free(s.status);
        free(s.errors);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making snippets");
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cores > 1 ? (size_t)cores : 1;
    if (threads > n)
        threads = n;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    pthread_t helpers[MAX_THREADS];
    size_t started = 0;
    /* no thread to be had is no error: this one does the rest */
    while (started + 1 < threads && pthread_create(&helpers[started], NULL, work, &s) == 0)
        started++;
    work(&s);
    for (size_t t = 0; t < started; t++)
        pthread_join(helpers[t], NULL);
    vn_status st = VN_OK;
    for (size_t i = 0; i < n && st == VN_OK; i++) {
        st = s.status[i];
        if (st != VN_OK)
            *err = s.errors[i];
    }
    free(s.status);
    free(s.errors);
    return st;
}
