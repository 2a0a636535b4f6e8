/* parallel.c: -j N, the inputs on a GLib thread pool, output in input order.
 *
 * Why per file and not per article: the normalizer and the segmenter carry
 * state from one paragraph to the next (look-ahead, article numbers, line
 * numbers), so one input can only be read in order; different inputs share
 * nothing. A corpus of many files (one a day or a page, as papers are
 * archived) keeps every core busy; one huge file runs on one.
 *
 * Ordering: jobs are queued in input order and a GThreadPool takes them
 * first in, first out, so the earliest unfinished job (the "head") is always
 * running. The head writes straight to the real outputs; any later job
 * buffers, and waits once its buffer passes PENDING_MAX, which bounds memory
 * without ever blocking the head. When the head finishes, the next jobs'
 * buffers are passed on in order.
 */
#include "parallel.h"

#include <stdio.h>
#include <string.h>

/* What a job may buffer per stream before it waits for its turn. The
 * environment variable ZHSTATS_PENDING_MAX (bytes) lowers it, so that the
 * tests reach the waiting path with small inputs. */
static gsize pending_max = 4u << 20;
#define PENDING_MAX pending_max

/* The largest buffer kept for reuse (see buffer_take). */
#define SPARE_MAX (1u << 20)

enum { S_OUT, S_ARTS, S_ERR, N_STREAMS };

typedef struct Par Par;

typedef struct {
  struct Job *job;
  int stream;
} Cookie;

typedef struct Job {
  Par *par;
  guint index;
  char *file;
  GString *pending[N_STREAMS];
  Cookie cookie[N_STREAMS];
  ZsRunStats stats;
  GError *error;
  gboolean ok, done;
} Job;

struct Par {
  GMutex lock;
  GCond turn;       /* the head moved (for writers waiting for their turn) */
  GCond room;       /* the window has room for a batch of new jobs */
  guint head;       /* the first unfinished job */
  guint pushed;     /* jobs queued so far */
  gboolean stopped; /* a job failed: what comes after it is dropped */
  Job *jobs;        /* job i lives in jobs[i % slots] */
  guint slots;
  ZsRunStats stats; /* of the jobs the head has passed */
  GError *error;    /* of the job that failed */
  FILE *real[N_STREAMS]; /* real[S_ERR] unused: warnings go to g_printerr() */
  const ZsRules *rules;
  const ZsRunOptions *opts;
  GPtrArray *spare; /* emptied buffers, for the next job that must wait */
};

static void free_buffer(gpointer b) { g_string_free(b, TRUE); }

/* A job's buffer comes from the spares when there is one. Buffers are
 * handed back rather than freed: made and freed for every other job (the
 * one that is not the head), they spread holes through the threads' malloc
 * arenas, and a 500 MB run's peak RSS grew by half a megabyte over a 5 MB
 * run's. At most a few buffers are ever in use at once, so few are kept;
 * an outsized one is freed. Called with the lock held. */
static GString *buffer_take(Par *p, gsize n) {
  if (p->spare->len)
    return g_ptr_array_steal_index_fast(p->spare, p->spare->len - 1);
  return g_string_sized_new(MIN(n * 2, PENDING_MAX + n));
}

static void buffer_give(Par *p, GString *b) {
  if (b->allocated_len > SPARE_MAX || p->spare->len >= p->slots * N_STREAMS) {
    g_string_free(b, TRUE);
    return;
  }
  g_string_truncate(b, 0);
  g_ptr_array_add(p->spare, b);
}

static void emit(Par *p, int stream, const char *buf, gsize n) {
  if (!n)
    return;
  if (stream == S_ERR)
    g_printerr("%.*s", (int)n, buf); /* as the single-threaded run prints them */
  else
    fwrite(buf, 1, n, p->real[stream]);
}

/* Passes on what `j` buffered. Called with the lock held. */
static void flush_pending(Par *p, Job *j) {
  for (int s = 0; s < N_STREAMS; s++)
    if (j->pending[s]) {
      emit(p, s, j->pending[s]->str, j->pending[s]->len);
      buffer_give(p, j->pending[s]);
      j->pending[s] = NULL;
    }
}

static ssize_t cookie_write(void *data, const char *buf, size_t n) {
  Cookie *c = data;
  Job *j = c->job;
  Par *p = j->par;
  g_mutex_lock(&p->lock);
  while (!p->stopped && p->head != j->index && j->pending[c->stream] &&
         j->pending[c->stream]->len + n > PENDING_MAX)
    g_cond_wait(&p->turn, &p->lock);
  if (p->stopped) {
    /* dropped: an earlier input failed, and the run fails with it */
  } else if (p->head == j->index) {
    flush_pending(p, j);
    emit(p, c->stream, buf, n);
  } else {
    if (!j->pending[c->stream])
      j->pending[c->stream] = buffer_take(p, n);
    g_string_append_len(j->pending[c->stream], buf, (gssize)n);
  }
  g_mutex_unlock(&p->lock);
  return (ssize_t)n;
}

/* The stdio buffer of a job's row streams, one per thread and stream,
 * kept from job to job. As large as the real output's (output.c), so that
 * what the head passes on goes out with write() instead of being copied
 * into the real stream's buffer first, and cookie_write() takes the lock
 * once per 256 KiB instead of once per 8. */
#define JOB_BUFFER (256u << 10)
static GPrivate job_buffers = G_PRIVATE_INIT(g_free);

static FILE *job_stream(Job *j, int s) {
  static const cookie_io_functions_t io = {NULL, cookie_write, NULL, NULL};
  j->cookie[s] = (Cookie){j, s};
  FILE *fp = fopencookie(&j->cookie[s], "w", io);
  if (!fp)
    g_error("fopencookie: out of memory");
  if (s != S_ERR) {
    char *bufs = g_private_get(&job_buffers);
    if (!bufs) {
      bufs = g_malloc((gsize)JOB_BUFFER * S_ERR);
      g_private_set(&job_buffers, bufs);
    }
    setvbuf(fp, bufs + (gsize)JOB_BUFFER * s, _IOFBF, JOB_BUFFER);
  }
  return fp;
}

/* Marks `j` finished and moves the head past every finished job, passing
 * on their buffers and adding up their counts. */
static void finish(Par *p, Job *j) {
  g_mutex_lock(&p->lock);
  j->done = TRUE;
  for (Job *h; p->head < p->pushed && (h = &p->jobs[p->head % p->slots])->done; p->head++) {
    if (!p->stopped) {
      flush_pending(p, h);
      p->stats.files += h->stats.files;
      p->stats.articles += h->stats.articles;
      p->stats.rows += h->stats.rows;
      p->stats.warnings += h->stats.warnings;
      if (!h->ok) {
        p->stopped = TRUE;
        p->error = g_steal_pointer(&h->error);
      }
    }
    for (int s = 0; s < N_STREAMS; s++)
      if (h->pending[s]) {
        buffer_give(p, h->pending[s]);
        h->pending[s] = NULL;
      }
    g_clear_error(&h->error);
  }
  g_cond_broadcast(&p->turn);
  if (p->stopped || p->pushed - p->head <= p->slots / 2)
    g_cond_signal(&p->room);
  g_mutex_unlock(&p->lock);
}

static void run_job(gpointer data, gpointer user_data) {
  Job *j = data;
  Par *p = user_data;
  g_mutex_lock(&p->lock);
  gboolean skip = p->stopped;
  g_mutex_unlock(&p->lock);
  if (skip) {
    j->ok = TRUE; /* never reached: the run fails at an earlier input */
    finish(p, j);
    return;
  }
  FILE *out = job_stream(j, S_OUT), *err = job_stream(j, S_ERR);
  FILE *arts = p->real[S_ARTS] ? job_stream(j, S_ARTS) : NULL;
  j->ok = zs_pipeline_run_file(p->rules, j->file, out, arts, err, p->opts, &j->stats,
                               &j->error);
  /* As in zs_pipeline_run(): under --strict any warning ends the run. */
  if (p->opts->strict && j->stats.warnings > 0 && j->ok) {
    j->ok = FALSE;
    g_set_error(&j->error, ZS_ERROR, ZS_ERROR_INPUT, "%s: problems in the input (--strict)",
                j->file);
  }
  /* Closing flushes the streams' stdio buffers through cookie_write(). */
  fclose(out);
  if (arts)
    fclose(arts);
  fclose(err);
  finish(p, j);
}

gboolean zs_parallel_run(const ZsRules *rules, ZsWalk *walk, FILE *out, FILE *articles,
                         const ZsRunOptions *opts, ZsRunStats *stats, GError **error) {
  Par p = {.rules = rules, .opts = opts};
  p.spare = g_ptr_array_new_with_free_func(free_buffer);
  const char *env = g_getenv("ZHSTATS_PENDING_MAX");
  if (env && g_ascii_strtoull(env, NULL, 10) > 0)
    pending_max = g_ascii_strtoull(env, NULL, 10);
  g_mutex_init(&p.lock);
  g_cond_init(&p.turn);
  g_cond_init(&p.room);
  p.real[S_OUT] = out;
  p.real[S_ARTS] = articles;
  /* A window of jobs, reused in turn: memory does not grow with the number
   * of inputs. A few per thread keep every thread fed while the head's
   * successors wait. */
  p.slots = opts->jobs * 4;
  p.jobs = g_new0(Job, p.slots);
  /* The real streams' own buffers hold what was written before (the
   * header); from here on only the head writes to them, under the lock. */
  GThreadPool *pool = g_thread_pool_new(run_job, &p, (gint)opts->jobs, FALSE, NULL);
  GError *walk_error = NULL;
  g_mutex_lock(&p.lock);
  for (guint i = 0; !p.stopped; i++) {
    /* A full window is refilled once half of it is done, not a job at a
     * time: woken for every job, this thread took a core from the workers
     * thousands of times a second (-j 2 used 8% more CPU than -j 1). */
    if (i - p.head >= p.slots)
      while (i - p.head > p.slots / 2 && !p.stopped)
        g_cond_wait(&p.room, &p.lock);
    if (p.stopped)
      break;
    /* The walk reads directories: not under the lock. */
    g_mutex_unlock(&p.lock);
    char *file = zs_walk_next(walk, &walk_error);
    g_mutex_lock(&p.lock);
    if (!file)
      break;
    Job *j = &p.jobs[i % p.slots];
    g_free(j->file);
    *j = (Job){.par = &p, .index = i, .file = file};
    p.pushed = i + 1;
    g_thread_pool_push(pool, j, NULL);
  }
  g_mutex_unlock(&p.lock);
  g_thread_pool_free(pool, FALSE, TRUE);
  /* A directory that could not be read fails the run where it stood, after
   * the inputs before it, as in one thread. */
  if (walk_error && !p.stopped) {
    p.stopped = TRUE;
    p.error = g_steal_pointer(&walk_error);
  }
  g_clear_error(&walk_error);
  for (guint i = 0; i < p.slots; i++)
    g_free(p.jobs[i].file);

  stats->files += p.stats.files;
  stats->articles += p.stats.articles;
  stats->rows += p.stats.rows;
  stats->warnings += p.stats.warnings;
  gboolean ok = !p.stopped;
  if (p.error)
    g_propagate_error(error, p.error);
  g_free(p.jobs);
  g_ptr_array_unref(p.spare);
  g_mutex_clear(&p.lock);
  g_cond_clear(&p.turn);
  g_cond_clear(&p.room);
  return ok;
}
