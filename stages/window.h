/* window.h: a sliding window of recent text, and how many of a few
 * strings' bigrams occur in it, for the normalizer's headline-after-body
 * test (window.c).
 *
 * A bigram is what overlap.c calls one: two adjacent word characters
 * (ideographs, letters, digits). zs_window_shares() answers as
 * zs_overlap_share(qs[i], zs_window_text(w)) does for each question, in one
 * pass over the window.
 */
#ifndef ZS_WINDOW_H
#define ZS_WINDOW_H

#include <glib.h>

typedef struct ZsWindow ZsWindow;

/* A new, empty window; free with zs_window_free(). */
ZsWindow *zs_window_new(void);
void zs_window_free(ZsWindow *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsWindow, zs_window_free)

/* Appends s[0, len) (valid UTF-8, no NUL) to the window's text. */
void zs_window_append(ZsWindow *w, const char *s, gsize len);

/* Cuts the first `n` bytes (a character boundary) off the window's text. */
void zs_window_cut(ZsWindow *w, gsize n);

/* Empties the window, for another text (its buffers kept unless large). */
void zs_window_clear(ZsWindow *w);

/* The window's text (owned by `w`) and its length in bytes. */
const char *zs_window_text(const ZsWindow *w);
gsize zs_window_len(const ZsWindow *w);

/* For each of the n (<= 8) NUL-terminated strings qs[i]: the share (0..1)
 * of its distinct bigrams that occur in the window's text, in shares[i],
 * and their count in hits[i] (hits may be NULL). Not const: the
 * questions' table is kept in the window from one call to the next
 * (window.c). */
void zs_window_shares(ZsWindow *w, guint n, const char *const *qs, double *shares,
                      guint *hits);

/* The same, but the window is read only until question k's share reaches
 * `enough`: returns TRUE when it did (shares[k] >= enough; all shares and
 * hits are then what was read, at most their whole-window values), FALSE
 * when the window was read to the end (they are zs_window_shares()'s). */
gboolean zs_window_shares_upto(ZsWindow *w, guint n, const char *const *qs, guint k,
                               double enough, double *shares, guint *hits);

#endif
