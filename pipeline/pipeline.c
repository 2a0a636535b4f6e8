/* pipeline.c: the driver that runs the stages over each input. */
#include "pipeline.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "normalize.h"
#include "parallel.h"
#include "walk.h"
#include "segment.h"

#define CHUNK (1 << 16)

GPtrArray *zs_pipeline_inputs(char **args, GError **error) {
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
  static char *stdin_only[] = {"-", NULL};
  if (!args || !args[0])
    args = stdin_only;
  for (char **a = args; *a; a++) {
    if (strcmp(*a, "-") == 0) {
      g_ptr_array_add(out, g_strdup("-"));
    } else if (g_file_test(*a, G_FILE_TEST_IS_DIR)) {
      /* Opened once here, so that an unreadable one fails before any row. */
      g_autoptr(GDir) d = g_dir_open(*a, 0, error);
      if (!d)
        return NULL;
      g_ptr_array_add(out, g_strdup(*a));
    } else if (g_access(*a, R_OK) == 0) {
      g_ptr_array_add(out, g_strdup(*a));
    } else {
      g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: %s", *a, g_strerror(errno));
      return NULL;
    }
  }
  return g_steal_pointer(&out);
}

static void flush_warnings(GPtrArray *warnings, ZsRunStats *stats, FILE *err) {
  for (guint i = 0; i < warnings->len; i++)
    if (err) /* a worker of -j N: its stream keeps them in input order */
      fprintf(err, "zhstats: %s\n", (char *)warnings->pdata[i]);
    else
      g_printerr("zhstats: %s\n", (char *)warnings->pdata[i]);
  stats->warnings += warnings->len;
  g_ptr_array_set_size(warnings, 0);
}

static void print_segment(FILE *out, const char *file, const ZsArticle *a) {
  fprintf(out, "=== %s article %u (lines %u-%u)\n", file, a->no, a->first_line, a->last_line);
  fprintf(out, "headline: %s\ndateline: %s\nbyline: %s\n", a->headline, a->dateline, a->byline);
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *s = a->sentences->pdata[i];
    fprintf(out, "%5u %s %s\n", s->line, s->kind == ZS_SENT_HEADLINE ? "H" : "|", s->text);
  }
}

/* Everything one input needs while it streams through the stages. */
typedef struct {
  const ZsRules *rules;
  const ZsRunOptions *opts;
  const char *file;
  FILE *out, *articles;
  ZsRunStats *stats;
  GPtrArray *warnings;
  guint article_no;
  FILE *err; /* where warnings go; NULL: g_printerr() */
} Run;

static void emit_articles(Run *r, GPtrArray *arts) {
  for (guint i = 0; i < arts->len; i++) {
    const ZsArticle *a = arts->pdata[i];
    r->stats->articles++;
    if (r->opts->stage == ZS_STAGE_SEGMENT) {
      print_segment(r->out, r->file, a);
      continue;
    }
    if (r->articles)
      zs_write_article(r->articles, r->file, a, &r->opts->write);
    /* --coverage and --report see the unclaimed quantities too; the CSV
     * keeps them only under --all-quantities, and is otherwise the same. */
    ZsExtractOptions eo = r->opts->extract;
    eo.all_quantities |= r->opts->coverage != NULL || r->opts->report != NULL;
    g_autoptr(GPtrArray) stats = zs_extract_article(r->rules, r->file, a, &eo, r->warnings);
    if (r->opts->coverage)
      zs_coverage_add(r->opts->coverage, stats);
    if (r->opts->report)
      zs_report_article(r->opts->report, r->file, a, stats);
    if (eo.all_quantities && !r->opts->extract.all_quantities) {
      for (guint k = stats->len; k-- > 0;)
        if (!*((ZsStat *)stats->pdata[k])->metric)
          g_ptr_array_remove_index(stats, k);
    }
    zs_write_stats(r->out, stats, &r->opts->write);
    r->stats->rows += stats->len;
  }
  g_ptr_array_set_size(arts, 0);
}

static void emit_paras(Run *r, ZsSegmenter *seg, GPtrArray *paras, GPtrArray *arts) {
  for (guint i = 0; i < paras->len; i++) {
    ZsPara *p = paras->pdata[i];
    if (r->opts->stage == ZS_STAGE_NORMALIZE) {
      fprintf(r->out, "%s\n", p->text);
      continue;
    }
    paras->pdata[i] = NULL; /* the segmenter takes it */
    zs_seg_push(seg, p, arts);
  }
  g_ptr_array_set_size(paras, 0);
  emit_articles(r, arts);
}

static gboolean run_one(Run *r, GError **error) {
  /* The reading layer (input.c) opens the file and hands on UTF-8 chunks,
   * converting a UTF-16 input. */
  g_autoptr(ZsInput) in = zs_input_open(r->file, error);
  if (!in)
    return FALSE;
  g_autoptr(ZsNormalizer) norm = zs_norm_new(r->file);
  g_autoptr(ZsSegmenter) seg = zs_seg_new(r->file);
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  g_autoptr(GPtrArray) arts = g_ptr_array_new_with_free_func((GDestroyNotify)zs_article_free);
  const char *buf;
  gssize n;
  while ((n = zs_input_read(in, &buf, r->warnings, error)) > 0) {
    zs_norm_feed(norm, buf, (gsize)n, paras, r->warnings);
    emit_paras(r, seg, paras, arts);
    flush_warnings(r->warnings, r->stats, r->err);
  }
  if (n < 0)
    return FALSE;
  zs_norm_finish(norm, paras, r->warnings);
  emit_paras(r, seg, paras, arts);
  if (r->opts->stage != ZS_STAGE_NORMALIZE) {
    zs_seg_finish(seg, arts);
    emit_articles(r, arts);
  }
  guint before = r->stats->warnings;
  flush_warnings(r->warnings, r->stats, r->err);
  r->stats->files++;
  if (r->opts->strict && r->stats->warnings > before) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: problems in the input (--strict)",
                r->file);
    return FALSE;
  }
  return TRUE;
}

gboolean zs_pipeline_run_file(const ZsRules *rules, const char *file, FILE *out,
                              FILE *articles, FILE *err, const ZsRunOptions *opts,
                              ZsRunStats *stats, GError **error) {
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
  Run r = {rules, opts, file, out, articles, stats, warnings, 0, err};
  return run_one(&r, error);
}

gboolean zs_pipeline_run(const ZsRules *rules, GPtrArray *inputs, FILE *out, FILE *articles,
                         const ZsRunOptions *opts, ZsRunStats *stats, GError **error) {
  memset(stats, 0, sizeof *stats);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
  if (opts->stage == ZS_STAGE_ALL) {
    zs_write_stats_begin(out, &opts->write);
    if (articles)
      zs_write_articles_begin(articles, &opts->write);
  }
  /* Files one at a time, in path order (walk.h). */
  g_autoptr(ZsWalk) walk = zs_walk_new(inputs);
  /* --coverage and --report keep one shared state: they run in this thread. */
  if (opts->jobs > 1 && !opts->coverage && !opts->report)
    return zs_parallel_run(rules, walk, out, articles, opts, stats, error);
  for (;;) {
    g_autoptr(GError) werr = NULL;
    g_autofree char *file = zs_walk_next(walk, &werr);
    if (!file) {
      if (!werr)
        return TRUE;
      g_propagate_error(error, g_steal_pointer(&werr));
      return FALSE;
    }
    Run r = {rules, opts, file, out, articles, stats, warnings, 0, NULL};
    if (opts->report && opts->stage == ZS_STAGE_ALL)
      zs_report_file(opts->report, r.file);
    guint before = stats->warnings;
    if (!run_one(&r, error))
      return FALSE;
    if (opts->strict && stats->warnings > before) {
      /* run_one() only sees the warnings of its last chunk; name the file. */
      g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: problems in the input (--strict)",
                  r.file);
      return FALSE;
    }
  }
}
