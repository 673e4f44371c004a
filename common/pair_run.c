/* pair_run.c — two halves of a job at once (see pair_run.h). */
#include "pair_run.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

void vn_run_pair(void *(*fn)(void *), void *here, void *there)
{
    pthread_t helper;
    bool threaded = there && pthread_create(&helper, NULL, fn, there) == 0;
    fn(here);
    if (threaded)
        pthread_join(helper, NULL);
    else if (there)
        fn(there);
}
