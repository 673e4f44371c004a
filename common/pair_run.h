/*
 * pair_run.h — the same work on two halves at once: the calling thread
 * takes one, a helper thread the other.  Used where a job splits into
 * independent halves (reading a page of stored records, resolving
 * documents against a finished table).
 */
#ifndef VN_PAIR_RUN_H
#define VN_PAIR_RUN_H

/* Runs fn(here) on this thread and fn(there) on a helper thread, and
 * returns when both are done.  When no thread can be had, fn(there) runs
 * here after fn(here).  there may be NULL: nothing to split. */
void vn_run_pair(void *(*fn)(void *), void *here, void *there);

#endif
