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

#include <dirent.h>
#include <errno.h>
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

/* Regular file, directory, or neither (0), links followed as g_file_test()
 * follows them. The entry's type from readdir() answers without a stat()
 * of each file (a syscall a file, on a corpus of thousands of small ones);
 * only a link, or a file system that does not tell, is stat()ed. GDir is
 * not used here because it hides that type. */
static int entry_type(const char *dir, const struct dirent *e) {
  if (e->d_type == DT_REG || e->d_type == DT_DIR)
    return e->d_type;
  if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
    return 0;
  g_autofree char *path = g_build_filename(dir, e->d_name, NULL);
  GStatBuf st;
  if (g_stat(path, &st) != 0)
    return 0;
  return S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : 0;
}

/* Lists and sorts one directory; NULL with `error` set when unreadable. */
static Frame *frame_open(const char *dir, GError **error) {
  DIR *d = opendir(dir);
  if (!d) {
    /* g_dir_open() words the error as zs_pipeline_inputs() does. */
    int err = errno;
    GDir *gd = g_dir_open(dir, 0, error);
    if (gd) { /* readable after all (a race): say what opendir() said */
      g_dir_close(gd);
      g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: %s", dir, g_strerror(err));
    }
    return NULL;
  }
  Frame *f = g_new0(Frame, 1);
  f->dir = g_strdup(dir);
  f->keys = g_ptr_array_new_with_free_func(g_free);
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') /* also "." and "..", which GDir skips */
      continue;
    int type = entry_type(dir, e);
    if (type == DT_DIR)
      g_ptr_array_add(f->keys, g_strconcat(e->d_name, "/", NULL));
    else if (type == DT_REG)
      g_ptr_array_add(f->keys, g_strdup(e->d_name));
  }
  closedir(d);
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
