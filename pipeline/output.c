/* output.c: atomic output files (see output.h). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ZsOutput {
  FILE *fp;
  char *path;    /* final path, or NULL for a direct stream */
  char *tmp;     /* temporary path, or NULL */
  int slot;      /* index in `pending`, or -1 */
  gboolean is_stdout;
  char *buf;     /* fp's buffer (big_buffer()), freed after fp is closed */
};

/* Temporary files that a signal must remove. Plain arrays: the handler may
 * only call async-signal-safe functions. */
#define MAX_PENDING 8
static char pending[MAX_PENDING][4096];
static volatile sig_atomic_t pending_used[MAX_PENDING];

static void on_signal(int sig) {
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending_used[i])
      unlink(pending[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

void zs_output_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGPIPE, &sa, NULL);
}

static int take_slot(const char *tmp) {
  for (int i = 0; i < MAX_PENDING; i++)
    if (!pending_used[i] && strlen(tmp) < sizeof pending[i]) {
      g_strlcpy(pending[i], tmp, sizeof pending[i]);
      pending_used[i] = 1;
      return i;
    }
  return -1;
}

static void release(ZsOutput *out) {
  if (out->slot >= 0)
    pending_used[out->slot] = 0;
  g_free(out->path);
  g_free(out->tmp);
  g_free(out->buf);
  g_free(out);
}

/* Removes the temporary files ".BASE.PID.XXXXXX" in `dir` whose process
 * PID is gone: leftovers of a run killed by SIGKILL or a crash. A live PID
 * (even one reused by another program) keeps its file: only a sure
 * leftover is removed. Best effort: a failure here is no error. */
static void remove_stale(const char *dir, const char *base) {
  g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
  if (!d)
    return;
  g_autofree char *prefix = g_strdup_printf(".%s.", base);
  gsize plen = strlen(prefix);
  const char *name;
  while ((name = g_dir_read_name(d))) {
    if (strncmp(name, prefix, plen) != 0)
      continue;
    const char *p = name + plen;
    char *end;
    errno = 0;
    long pid = strtol(p, &end, 10);
    if (end == p || errno || pid <= 0 || *end != '.' || strlen(end + 1) != 6)
      continue;
    if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
      continue;
    g_autofree char *stale = g_build_filename(dir, name, NULL);
    struct stat st;
    if (lstat(stale, &st) == 0 && S_ISREG(st.st_mode) && g_unlink(stale) == 0)
      g_printerr("zhstats: removed %s, left by an interrupted run (pid %ld)\n", stale, pid);
  }
}

/* Rows go out in 256 KB writes, not stdio's 4 KB (a system call per 4 KB
 * is a few percent of a run); a terminal keeps its line buffering. glibc
 * takes the size only with a buffer: stdout's is static, as it is flushed
 * at exit, another stream's lives in `out` until the stream is closed. */
enum { BIG_BUFFER = 256 << 10 };

static void big_buffer(ZsOutput *out) {
  static char stdout_buf[BIG_BUFFER];
  if (isatty(fileno(out->fp)))
    return;
  char *buf = out->is_stdout ? stdout_buf : (out->buf = g_malloc(BIG_BUFFER));
  setvbuf(out->fp, buf, _IOFBF, BIG_BUFFER);
}

ZsOutput *zs_output_open(const char *path, GError **error) {
  ZsOutput *out = g_new0(ZsOutput, 1);
  out->slot = -1;
  if (!path || strcmp(path, "-") == 0) {
    out->fp = stdout;
    out->is_stdout = TRUE;
    big_buffer(out);
    return out;
  }
  /* lstat, not stat: renaming over a symbolic link replaces the link, and
   * /dev/stdout is a link to /proc/self/fd/1 even when fd 1 is a file. */
  struct stat st;
  if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    out->fp = fopen(path, "w");
    if (!out->fp) {
      g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: %s", path, g_strerror(errno));
      release(out);
      return NULL;
    }
    big_buffer(out);
    return out;
  }
  g_autofree char *dir = g_path_get_dirname(path);
  g_autofree char *base = g_path_get_basename(path);
  remove_stale(dir, base);
  /* The PID in the name lets a later run tell a leftover of a killed run
   * (SIGKILL gives no chance to clean up) from one being written now. */
  out->tmp = g_strdup_printf("%s/.%s.%ld.XXXXXX", dir, base, (long)getpid());
  int fd = g_mkstemp_full(out->tmp, O_WRONLY, 0644);
  if (fd < 0) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: cannot create a file in %s: %s", path,
                dir, g_strerror(errno));
    release(out);
    return NULL;
  }
  out->slot = take_slot(out->tmp);
  out->fp = fdopen(fd, "w");
  big_buffer(out);
  out->path = g_strdup(path);
  return out;
}

FILE *zs_output_stream(ZsOutput *out) { return out->fp; }

gboolean zs_output_commit(ZsOutput *out, GError **error) {
  gboolean ok = fflush(out->fp) == 0 && !ferror(out->fp);
  int err = errno;
  if (ok && out->tmp && fsync(fileno(out->fp)) != 0)
    ok = FALSE, err = errno;
  if (!out->is_stdout && fclose(out->fp) != 0 && ok)
    ok = FALSE, err = errno;
  if (ok && out->tmp && rename(out->tmp, out->path) != 0)
    ok = FALSE, err = errno;
  if (!ok) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: %s", out->path ? out->path : "output",
                g_strerror(err));
    if (out->tmp)
      g_unlink(out->tmp);
  }
  release(out);
  return ok;
}

void zs_output_abort(ZsOutput *out) {
  if (!out)
    return;
  if (out->is_stdout)
    fflush(out->fp);
  else
    fclose(out->fp);
  if (out->tmp)
    g_unlink(out->tmp);
  release(out);
}
