/* window.h: the bigrams of a sliding window of recent text, kept up to date
 * as text is appended and the window's front is cut, for the normalizer's
 * headline-after-body test (window.c).
 *
 * A bigram is what overlap.c calls one: two adjacent word characters
 * (ideographs, letters, digits). zs_window_share(w, s) equals
 * zs_overlap_share(s, zs_window_text(w)), without rebuilding the window's
 * set on each call.
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

/* The window's text (owned by `w`) and its length in bytes. */
const char *zs_window_text(const ZsWindow *w);
gsize zs_window_len(const ZsWindow *w);

/* Share (0..1) of the distinct bigrams of s[0, len) that occur in the
 * window's text; *hits (may be NULL) gets their count. */
double zs_window_share(ZsWindow *w, const char *s, gsize len, guint *hits);

#endif
