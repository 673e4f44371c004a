/* extract_text.c — see extract_text.h: the word lists' index. */
#include "extract_text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* Lists are indexed on first use; the lock is taken only then. */
static pthread_mutex_t indexing = PTHREAD_MUTEX_INITIALIZER;

void vn_word_list_index(word_list *l)
{
    pthread_mutex_lock(&indexing);
    if (atomic_load_explicit(&l->ready, memory_order_relaxed)) {
        pthread_mutex_unlock(&indexing);
        return;
    }
    for (int b = 0; b < WORD_LIST_BUCKETS; b++)
        l->head[b] = -1;
    int count = 0;
    while (l->words[count])
        count++;
    if (count > WORD_LIST_MAX) {
        /* a data error in the list's file: fail on first use, in every test */
        fprintf(stderr, "extractor: a word list has more than %d words\n", WORD_LIST_MAX);
        abort();
    }
    for (int k = count; k-- > 0;) {
        size_t wl = strlen(l->words[k]);
        size_t n = vn_utf8_next(l->words[k], wl, &l->first[k]);
        l->second[k] = -1;
        if (n < wl)
            vn_utf8_next(l->words[k] + n, wl - n, &l->second[k]);
        unsigned b = (unsigned)l->first[k] % WORD_LIST_BUCKETS;
        l->next[k] = l->head[b];
        l->head[b] = (signed char)k;
    }
    atomic_store_explicit(&l->ready, true, memory_order_release);
    pthread_mutex_unlock(&indexing);
}
