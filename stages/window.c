/* window.c: the bigrams of a sliding window of recent text (window.h).
 *
 * The normalizer asks, at most once a paragraph, how much of a line's
 * bigrams occur in the last ~2 KB of text it emitted. Rebuilding a set of
 * that text for each question cost more than the rest of the reflow, so the
 * window keeps one table for the whole input instead: each bigram maps to
 * the input position of its last occurrence, and a bigram is in the window
 * when that position is not before the window's first byte. Appending text
 * only adds positions; cutting the front only moves the window's start, and
 * stale entries are dropped when the table fills. Text is entered into the
 * table lazily, when a question comes, and never before the window's start.
 */
#include "window.h"
#include "utf8.h"

#include <string.h>

#define MIN_SLOTS 1024u

struct ZsWindow {
  GString *text;
  guint64 base;     /* input position of text->str[0] */
  guint64 synced;   /* text before this position is in the table */
  gunichar prev;    /* the word character just before `synced`, or 0 */
  guint64 prev_pos; /* its position */
  guint64 *key;     /* bigram, two code points; 0 = empty slot */
  guint64 *pos;     /* position of the bigram's first character */
  guint mask;       /* slots - 1 */
  guint n;          /* slots used, stale ones included */
};

/* The same bigram definition as overlap.c: ideographs (all planes), and
 * letters and digits of any script. */
static inline gboolean is_word_char(gunichar c) {
  if (c < 0x80)
    return g_ascii_isalnum(c);
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007 || g_unichar_isalnum(c);
}

static inline guint hash(guint64 key, guint mask) {
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
  return (guint)(key >> 40) & mask;
}

static void alloc_slots(ZsWindow *w, guint slots) {
  w->key = g_new0(guint64, slots);
  w->pos = g_new(guint64, slots);
  w->mask = slots - 1;
  w->n = 0;
}

ZsWindow *zs_window_new(void) {
  ZsWindow *w = g_new0(ZsWindow, 1);
  w->text = g_string_new(NULL);
  alloc_slots(w, MIN_SLOTS);
  return w;
}

void zs_window_free(ZsWindow *w) {
  if (!w)
    return;
  g_string_free(w->text, TRUE);
  g_free(w->key);
  g_free(w->pos);
  g_free(w);
}

static void put(ZsWindow *w, guint64 key, guint64 pos);

/* Keeps the table at most half full: drops the stale entries, and doubles
 * the table only when the live ones fill a quarter of it. */
static void rehash(ZsWindow *w) {
  guint live = 0;
  for (guint i = 0; i <= w->mask; i++)
    live += w->key[i] && w->pos[i] >= w->base;
  guint slots = (w->mask + 1) * (live * 4 > w->mask + 1 ? 2 : 1);
  guint64 *okey = w->key, *opos = w->pos;
  guint on = w->mask + 1;
  alloc_slots(w, slots);
  for (guint i = 0; i < on; i++)
    if (okey[i] && opos[i] >= w->base)
      put(w, okey[i], opos[i]);
  g_free(okey);
  g_free(opos);
}

/* Records an occurrence of `key` at `pos`, later than any recorded. */
static void put(ZsWindow *w, guint64 key, guint64 pos) {
  guint i = hash(key, w->mask);
  for (; w->key[i]; i = (i + 1) & w->mask)
    if (w->key[i] == key) {
      w->pos[i] = pos;
      return;
    }
  w->key[i] = key;
  w->pos[i] = pos;
  if (++w->n * 2 > w->mask + 1)
    rehash(w);
}

static gboolean in_window(const ZsWindow *w, guint64 key) {
  for (guint i = hash(key, w->mask); w->key[i]; i = (i + 1) & w->mask)
    if (w->key[i] == key)
      return w->pos[i] >= w->base;
  return FALSE;
}

/* Enters the text after `synced` into the table. */
static void catch_up(ZsWindow *w) {
  if (w->synced < w->base) { /* the text before the window is never needed */
    w->synced = w->base;
    w->prev = 0;
  }
  const char *p = w->text->str + (w->synced - w->base);
  const char *end = w->text->str + w->text->len;
  while (p < end) {
    guint64 at = w->base + (guint64)(p - w->text->str);
    gunichar c = zs_utf8_next(&p);
    if (!is_word_char(c)) {
      w->prev = 0;
      continue;
    }
    if (w->prev)
      put(w, ((guint64)w->prev << 32) | c, w->prev_pos);
    w->prev = c;
    w->prev_pos = at;
  }
  w->synced = w->base + w->text->len;
}

void zs_window_append(ZsWindow *w, const char *s, gsize len) {
  g_string_append_len(w->text, s, len);
}

void zs_window_cut(ZsWindow *w, gsize n) {
  g_string_erase(w->text, 0, n);
  w->base += n;
}

const char *zs_window_text(const ZsWindow *w) {
  return w->text->str;
}

gsize zs_window_len(const ZsWindow *w) {
  return w->text->len;
}

double zs_window_share(ZsWindow *w, const char *s, gsize len, guint *hits) {
  catch_up(w);
  /* the distinct bigrams of s: at most one a character */
  guint slots = 64;
  while (slots < 2 * len + 2)
    slots *= 2;
  guint64 stack[256];
  guint64 *set = slots <= G_N_ELEMENTS(stack) ? stack : g_new(guint64, slots);
  memset(set, 0, slots * sizeof *set);
  guint total = 0, h = 0;
  gunichar prev = 0;
  for (const char *p = s, *end = s + len; p < end && *p;) {
    gunichar c = zs_utf8_next(&p);
    if (!is_word_char(c)) {
      prev = 0;
      continue;
    }
    if (prev) {
      guint64 key = ((guint64)prev << 32) | c;
      guint i = hash(key, slots - 1);
      while (set[i] && set[i] != key)
        i = (i + 1) & (slots - 1);
      if (!set[i]) {
        set[i] = key;
        total++;
        h += in_window(w, key);
      }
    }
    prev = c;
  }
  if (set != stack)
    g_free(set);
  if (hits)
    *hits = h;
  return total ? (double)h / total : 0;
}
