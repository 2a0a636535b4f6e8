/* walk.c: the sorted walk of walk.h.
 *
 * Each argument is a stream of paths in strcmp order: a file or "-" is one
 * path; a directory is walked depth first, each directory's entries sorted
 * by name with "/" appended to subdirectories. That key gives exactly the
 * order of the full paths: two paths below one directory first differ in
 * the entry they go through, and "x/..." sorts against any other name "n"
 * as "x/" does, since no name holds a "/". The streams are then merged by
 * strcmp, which is the order of sorting all paths at once (duplicates
 * included, when an input is named twice).
 *
 * What is listed is what the eager listing took: regular files and
 * directories (links followed), names starting with "." left out.
 */
#include "walk.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "zhstats.h"

typedef struct {
  char *dir;
  GPtrArray *keys; /* sorted entry names, "/" appended to directories */
  guint next;
} Frame;

typedef struct {
  const char *arg;
  gboolean is_dir, started, ended;
  GPtrArray *stack; /* Frame* */
  char *peek;       /* the stream's next path, or NULL */
} Stream;

struct ZsWalk {
  Stream *streams;
  guint n;
};

static void frame_free(gpointer data) {
  Frame *f = data;
  g_free(f->dir);
  g_ptr_array_unref(f->keys);
  g_free(f);
}

static gint cmp_key(gconstpointer a, gconstpointer b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists and sorts one directory; NULL with `error` set when unreadable. */
static Frame *frame_open(const char *dir, GError **error) {
  g_autoptr(GDir) d = g_dir_open(dir, 0, error);
  if (!d)
    return NULL;
  Frame *f = g_new0(Frame, 1);
  f->dir = g_strdup(dir);
  f->keys = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(d))) {
    if (name[0] == '.')
      continue;
    g_autofree char *path = g_build_filename(dir, name, NULL);
    /* One stat() (links followed, as g_file_test() does) tells both. */
    GStatBuf st;
    if (g_stat(path, &st) != 0)
      continue;
    if (S_ISDIR(st.st_mode))
      g_ptr_array_add(f->keys, g_strconcat(name, "/", NULL));
    else if (S_ISREG(st.st_mode))
      g_ptr_array_add(f->keys, g_strdup(name));
  }
  g_ptr_array_sort(f->keys, cmp_key);
  return f;
}

ZsWalk *zs_walk_new(GPtrArray *inputs) {
  ZsWalk *w = g_new0(ZsWalk, 1);
  w->n = inputs->len;
  w->streams = g_new0(Stream, MAX(w->n, 1));
  for (guint i = 0; i < w->n; i++) {
    Stream *s = &w->streams[i];
    s->arg = inputs->pdata[i];
    s->is_dir = strcmp(s->arg, "-") != 0 && g_file_test(s->arg, G_FILE_TEST_IS_DIR);
    s->stack = g_ptr_array_new_with_free_func(frame_free);
  }
  return w;
}

void zs_walk_free(ZsWalk *w) {
  if (!w)
    return;
  for (guint i = 0; i < w->n; i++) {
    g_ptr_array_unref(w->streams[i].stack);
    g_free(w->streams[i].peek);
  }
  g_free(w->streams);
  g_free(w);
}

/* Fills s->peek with the stream's next path (NULL at its end). */
static gboolean advance(Stream *s, GError **error) {
  if (s->ended)
    return TRUE;
  if (!s->is_dir) {
    s->ended = s->started;
    s->started = TRUE;
    s->peek = s->ended ? NULL : g_strdup(s->arg);
    return TRUE;
  }
  if (!s->started) {
    s->started = TRUE;
    Frame *f = frame_open(s->arg, error);
    if (!f)
      return FALSE;
    g_ptr_array_add(s->stack, f);
  }
  while (s->stack->len) {
    Frame *f = s->stack->pdata[s->stack->len - 1];
    if (f->next == f->keys->len) {
      g_ptr_array_remove_index(s->stack, s->stack->len - 1);
      continue;
    }
    const char *key = f->keys->pdata[f->next++];
    gsize len = strlen(key);
    if (key[len - 1] != '/') {
      s->peek = g_build_filename(f->dir, key, NULL);
      return TRUE;
    }
    g_autofree char *name = g_strndup(key, len - 1);
    g_autofree char *sub = g_build_filename(f->dir, name, NULL);
    Frame *child = frame_open(sub, error);
    if (!child)
      return FALSE;
    g_ptr_array_add(s->stack, child);
  }
  s->ended = TRUE;
  return TRUE;
}

char *zs_walk_next(ZsWalk *w, GError **error) {
  Stream *best = NULL;
  for (guint i = 0; i < w->n; i++) {
    Stream *s = &w->streams[i];
    if (!s->peek && !s->ended && !advance(s, error))
      return NULL;
    if (s->peek && (!best || strcmp(s->peek, best->peek) < 0))
      best = s;
  }
  return best ? g_steal_pointer(&best->peek) : NULL;
}
