/* perthread.h: a thread's own objects, for the work that would otherwise
 * malloc() and free() per paragraph, figure, row or input file. Stages run
 * on different inputs in different threads (pipeline/parallel.c), so what
 * is reused must be the thread's.
 *
 * Two shapes recur. Scratch or a pool used all the time is made on the
 * thread's first use and read through a _Thread_local pointer
 * (ZS_THREAD_OWN()): g_private_get() is a call into GLib and
 * pthread_getspecific(), which costs more than the pop it would guard
 * where it is asked per figure or row; a GPrivate is still there to free
 * the object when the thread ends. An object made for each input file (a
 * normalizer, a topic window, an item pool, a reading buffer) is kept
 * instead, one a thread, as the spare of its GPrivate for the thread's next
 * file (zs_spare_take(), zs_spare_keep()).
 */
#ifndef ZS_PERTHREAD_H
#define ZS_PERTHREAD_H

#include <glib.h>

/* Whether the per-thread pools (rows in zhstats.c, quantities in
 * numbers.c, paragraphs in normalize.c) keep freed memory for reuse: not
 * under AddressSanitizer, so that a use after free, or an overflow past
 * what was asked for, is still caught there. */
#if defined(__SANITIZE_ADDRESS__)
#define ZS_POOLS 0
#else
#define ZS_POOLS 1
#endif

/* The thread's object behind `here`, a _Thread_local pointer: made by the
 * expression `make` on the thread's first use and set in `key`, a GPrivate
 * whose destroy function frees it when the thread ends. That function must
 * set `here` back to NULL, so that nothing run after it as the thread ends
 * (another GPrivate's destroy) uses what was freed. */
#define ZS_THREAD_OWN(here, key, make)                                                   \
  (G_LIKELY(here) ? (here) : ((here) = (make), g_private_set((key), (here)), (here)))

/* The spare that `key` holds for this thread, taken out of it (NULL when
 * there is none). */
static inline gpointer zs_spare_take(GPrivate *key) {
  gpointer p = g_private_get(key);
  if (p)
    g_private_set(key, NULL);
  return p;
}

/* Keeps `p` as this thread's spare of `key`; FALSE, and nothing kept, when
 * one is kept already: the caller then frees `p`. (g_private_set() runs no
 * destroy function on what it replaces; `key`'s frees the spare when the
 * thread ends.) */
static inline gboolean zs_spare_keep(GPrivate *key, gpointer p) {
  if (g_private_get(key))
    return FALSE;
  g_private_set(key, p);
  return TRUE;
}

#endif
