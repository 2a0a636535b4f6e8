/* report.c: the HTML review page of --report (see report.h).
 *
 * Why two streams: the summary goes at the top of the page but needs
 * totals known only at the end, while the article sections must not wait in
 * memory (a corpus can be far larger than RAM). So each article's section
 * is written as it comes to an anonymous temporary file (made in $TMPDIR
 * and unlinked at once, so a crash or a signal leaves nothing behind), and
 * zs_report_finish() writes the head and the summary to the real output,
 * then copies the sections after them. The real output is the caller's
 * ZsOutput, so the page appears atomically like the CSV.
 *
 * What stays in memory: per metric a few counters and the first row links,
 * per series (metric, kind, unit) its distinct (period, value) pairs for
 * the chart, per input file a few counters. Never a sentence.
 *
 * Deterministic: hash tables are only read through sorted keys, colours
 * come from a fixed hash of the metric name, and numbers in the SVG are
 * formatted with g_ascii_formatd (no locale). The page has no script; a
 * Content-Security-Policy forbids any script or request in case escaping
 * ever failed, but the escaping is what keeps input text as text.
 */
#include "report.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "report_page.h"

static void metric_free(ZsReportMetric *m) {
  g_free(m->name);
  g_free(m);
}

static void series_free(ZsReportSeries *se) {
  g_free(se->metric);
  g_free(se->unit);
  for (guint i = 0; i < se->points->len; i++) {
    ZsReportPoint *p = &g_array_index(se->points, ZsReportPoint, i);
    g_free(p->period);
    g_free(p->value);
  }
  g_array_free(se->points, TRUE);
  g_hash_table_unref(se->seen);
  g_free(se);
}

static void file_free(ZsReportFile *f) {
  g_free(f->name);
  g_free(f);
}

ZsReport *zs_report_new(const ZsRules *rules, gboolean unclaimed_in_csv, GError **error) {
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp("zhstats-report-XXXXXX", &path, error);
  if (fd < 0)
    return NULL;
  g_unlink(path); /* anonymous from now on: nothing to clean up */
  ZsReport *r = g_new0(ZsReport, 1);
  r->body = fdopen(fd, "w+");
  if (!r->body) {
    close(fd);
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "report: %s", g_strerror(errno));
    g_free(r);
    return NULL;
  }
  r->rules = rules;
  r->unclaimed_in_csv = unclaimed_in_csv;
  r->metrics = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify)metric_free);
  r->series = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)series_free);
  r->files = g_ptr_array_new_with_free_func((GDestroyNotify)file_free);
  return r;
}

void zs_report_free(ZsReport *r) {
  if (!r)
    return;
  if (r->body)
    fclose(r->body);
  g_hash_table_unref(r->metrics);
  g_hash_table_unref(r->series);
  g_ptr_array_unref(r->files);
  g_free(r);
}

void zs_report_escape(FILE *fp, const char *text, gssize len) {
  gsize n = len < 0 ? strlen(text) : (gsize)len;
  gsize done = 0;
  for (gsize i = 0; i < n; i++) {
    const char *entity;
    switch (text[i]) {
    case '&': entity = "&amp;"; break;
    case '<': entity = "&lt;"; break;
    case '>': entity = "&gt;"; break;
    case '"': entity = "&quot;"; break;
    case '\'': entity = "&#39;"; break;
    default: continue;
    }
    fwrite(text + done, 1, i - done, fp);
    fputs(entity, fp);
    done = i + 1;
  }
  fwrite(text + done, 1, n - done, fp);
}

/* FNV-1a: fixed, unlike a seeded hash, so a metric keeps its colour. */
guint zs_report_hue(const char *metric) {
  guint32 h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)metric; *p; p++)
    h = (h ^ *p) * 16777619u;
  return h % 360;
}

void zs_report_file(ZsReport *r, const char *file) {
  ZsReportFile *f = g_new0(ZsReportFile, 1);
  f->name = g_strdup(file);
  g_ptr_array_add(r->files, f);
}

static ZsReportFile *current_file(ZsReport *r, const char *file) {
  if (r->files->len) {
    ZsReportFile *f = r->files->pdata[r->files->len - 1];
    if (strcmp(f->name, file) == 0)
      return f;
  }
  zs_report_file(r, file); /* a caller that did not announce the file */
  return r->files->pdata[r->files->len - 1];
}

/* One row placed in its sentence: the row and how the page names it. */
typedef struct {
  const ZsStat *st;
  guint row; /* CSV data row (1-based), or 0 when the CSV does not hold it */
  guint id;  /* the element's number: `row`, or the unclaimed count */
} Placed;

/* The kind of period: "2023" and "2019" are years, "2023Q4" a quarter.
 * A year's total and a quarter's are not points of one line. */
static const char *period_grain(const char *period) {
  g_autofree char *shape = g_strdup(period);
  for (char *c = shape; *c; c++)
    if (g_ascii_isdigit(*c))
      *c = '9';
  if (strcmp(shape, "9999") == 0)
    return "year";
  if (strcmp(shape, "9999Q9") == 0)
    return "quarter";
  if (strcmp(shape, "9999-99") == 0)
    return "month";
  if (strcmp(shape, "9999-99-99") == 0)
    return "day";
  return strchr(shape, '/') ? "span" : "other";
}

static void add_point(ZsReport *r, const ZsStat *st) {
  const char *grain = period_grain(st->period);
  g_autofree char *key = g_strdup_printf("%s\x1f%s\x1f%s\x1f%s", st->metric,
                                         zs_kind_name(st->kind), st->unit, grain);
  ZsReportSeries *se = g_hash_table_lookup(r->series, key);
  if (!se) {
    se = g_new0(ZsReportSeries, 1);
    se->metric = g_strdup(st->metric);
    se->unit = g_strdup(st->unit);
    se->kind = st->kind;
    se->grain = grain;
    se->points = g_array_new(FALSE, FALSE, sizeof(ZsReportPoint));
    se->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_insert(r->series, g_steal_pointer(&key), se);
  }
  char *pair = g_strconcat(st->period, "\x1f", st->value, NULL);
  if (!g_hash_table_add(se->seen, pair))
    return; /* the same figure restated */
  ZsReportPoint p = {g_strdup(st->period), g_strdup(st->value), se->points->len};
  g_array_append_val(se->points, p);
}

/* Counts a row in the summary and gives it its numbers. */
static Placed count_row(ZsReport *r, ZsReportFile *f, const ZsStat *st) {
  Placed p = {st, 0, 0};
  if (!*st->metric) {
    r->unclaimed++;
    f->unclaimed++;
    p.row = r->unclaimed_in_csv ? ++r->rows : 0;
    p.id = p.row ? p.row : r->unclaimed;
    return p;
  }
  p.row = p.id = ++r->rows;
  r->claimed++;
  f->rows++;
  ZsReportMetric *m = g_hash_table_lookup(r->metrics, st->metric);
  if (!m) {
    m = g_new0(ZsReportMetric, 1);
    m->name = g_strdup(st->metric);
    g_hash_table_insert(r->metrics, m->name, m);
  }
  m->rows++;
  if (m->last_article != r->articles) {
    m->last_article = r->articles;
    m->articles++;
  }
  if (m->n_links < ZS_REPORT_MAX_LINKS)
    m->links[m->n_links++] = p.row;
  if (*st->period)
    add_point(r, st);
  return p;
}

/* "FILE:LINE" of a rule without the directories: the page then does not
 * depend on where the rules were checked out. */
static const char *short_where(const char *where) {
  const char *slash = strrchr(where, '/');
  return slash ? slash + 1 : where;
}

static void write_mark(FILE *fp, const Placed *p, const char *text, gsize len,
                       gboolean aside) {
  const ZsStat *st = p->st;
  gboolean claimed = *st->metric != '\0';
  fprintf(fp, "<mark class=\"q%s%s\" id=\"%c%u\"", claimed ? "" : " u", aside ? " x" : "",
          p->row ? 'r' : 'u', p->id);
  if (p->row)
    fprintf(fp, " data-row=\"%u\"", p->row);
  if (claimed)
    fprintf(fp, " style=\"--h:%u\"", zs_report_hue(st->metric));
  const char *attrs[][2] = {{"metric", st->metric}, {"value", st->value}, {"unit", st->unit},
                            {"kind", zs_kind_name(st->kind)},
                            {"qualifier", zs_qualifier_name(st->qualifier)},
                            {"period", st->period}};
  for (guint i = 0; i < G_N_ELEMENTS(attrs); i++) {
    fprintf(fp, " data-%s=\"", attrs[i][0]);
    zs_report_escape(fp, attrs[i][1], -1);
    fputc('"', fp);
  }
  fputs(" title=\"", fp);
  zs_report_escape(fp, claimed ? st->metric : "unclaimed", -1);
  fputs(" = ", fp);
  zs_report_escape(fp, st->value, -1);
  fputc(' ', fp);
  zs_report_escape(fp, st->unit, -1);
  fprintf(fp, " · %s · %s", zs_kind_name(st->kind), zs_qualifier_name(st->qualifier));
  if (*st->period) {
    fputs(" · ", fp);
    zs_report_escape(fp, st->period, -1);
  }
  if (*st->rule) {
    fputs(" · ", fp);
    zs_report_escape(fp, short_where(st->rule), -1);
  }
  fputs("\">", fp);
  zs_report_escape(fp, text, (gssize)len);
  fputs("</mark>", fp);
}

/* The rows of a sentence, listed under it: the CSV's cells beside the text. */
static void write_row_list(FILE *fp, const Placed *placed, guint n) {
  fputs("<ul class=\"rows\">", fp);
  for (guint i = 0; i < n; i++) {
    const ZsStat *st = placed[i].st;
    const char *id = placed[i].row ? "r" : "u";
    if (*st->metric) {
      fprintf(fp, "<li><a class=\"rn\" href=\"#%s%u\">%u</a><a class=\"m\" href=\"#m-", id,
              placed[i].id, placed[i].id);
      zs_report_escape(fp, st->metric, -1);
      fprintf(fp, "\" style=\"--h:%u\">", zs_report_hue(st->metric));
      zs_report_escape(fp, st->metric, -1);
      fputs("</a>", fp);
    } else {
      fprintf(fp, "<li class=\"u\"><a class=\"rn\" href=\"#%s%u\">%s%u</a><span class=\"m\">"
              "unclaimed</span>", id, placed[i].id, placed[i].row ? "" : "u", placed[i].id);
    }
    fputs(" <b>", fp);
    zs_report_escape(fp, st->value, -1);
    fputs("</b> ", fp);
    zs_report_escape(fp, st->unit, -1);
    fprintf(fp, " <i>%s</i> <i>%s</i>", zs_kind_name(st->kind), zs_qualifier_name(st->qualifier));
    if (*st->period) {
      fputs(" <i>", fp);
      zs_report_escape(fp, st->period, -1);
      fputs("</i>", fp);
    }
    fputs("</li>", fp);
  }
  fputs("</ul>", fp);
}

/* Where the row's surface stands in `text`: at its offset (exact), else
 * its first occurrence from `from` (a defence against a row whose offset
 * does not fit the sentence), else G_MAXSIZE. */
static gsize locate(const char *text, gsize len, const ZsStat *st, gsize from) {
  gsize sl = strlen(st->surface);
  if (sl && st->offset + sl <= len && memcmp(text + st->offset, st->surface, sl) == 0)
    return st->offset;
  const char *hit = sl && from <= len ? strstr(text + from, st->surface) : NULL;
  return hit ? (gsize)(hit - text) : G_MAXSIZE;
}

static void write_sentence(FILE *fp, const ZsSentence *s, const Placed *placed, guint n) {
  fprintf(fp, "<div class=\"s%s\"><span class=\"ln\">%u</span><p>",
          s->kind == ZS_SENT_HEADLINE ? " h" : "", s->line);
  gsize len = strlen(s->text), cur = 0;
  for (guint i = 0; i < n; i++) {
    const ZsStat *st = placed[i].st;
    gsize at = locate(s->text, len, st, cur);
    gsize sl = strlen(st->surface);
    if (at == G_MAXSIZE || at < cur) {
      /* Overlaps the mark before it (or is not in the text): shown as a
       * small tag right there, so that the row still has its element. */
      write_mark(fp, &placed[i], st->surface, sl, TRUE);
      continue;
    }
    zs_report_escape(fp, s->text + cur, (gssize)(at - cur));
    write_mark(fp, &placed[i], s->text + at, sl, FALSE);
    cur = at + sl;
  }
  zs_report_escape(fp, s->text + cur, (gssize)(len - cur));
  fputs("</p>", fp);
  if (n)
    write_row_list(fp, placed, n);
  fputs("</div>\n", fp);
}

static gboolean in_sentence(const ZsStat *st, const ZsSentence *s) {
  return st->line == s->line && strcmp(st->sentence, s->text) == 0;
}

void zs_report_article(ZsReport *r, const char *file, const ZsArticle *a, GPtrArray *stats) {
  ZsReportFile *f = current_file(r, file);
  r->articles++;
  if (!f->articles++)
    f->first_article = r->articles;
  FILE *fp = r->body;
  fprintf(fp, "<section class=\"art\" id=\"a%u\">\n<h2><a class=\"an\" href=\"#a%u\">%u</a> ",
          r->articles, r->articles, r->articles);
  if (*a->headline)
    zs_report_escape(fp, a->headline, -1);
  else
    fputs("<i>(no headline)</i>", fp);
  fputs("</h2>\n<p class=\"meta\"><span class=\"file\">", fp);
  zs_report_escape(fp, file, -1);
  fprintf(fp, "</span> lines %u–%u · article %u of the file", a->first_line, a->last_line, a->no);
  if (*a->dateline) {
    fputs(" · <span class=\"dl\">", fp);
    zs_report_escape(fp, a->dateline, -1);
    fputs("</span>", fp);
  }
  if (*a->byline) {
    fputs(" · <span class=\"by\">", fp);
    zs_report_escape(fp, a->byline, -1);
    fputs("</span>", fp);
  }
  fputs("</p>\n", fp);

  /* Rows come in text order, so each sentence takes the run of rows that
   * follows: no lookup, and two equal sentences keep their own rows. */
  g_autofree Placed *placed = g_new(Placed, stats->len + 1);
  guint k = 0;
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *s = a->sentences->pdata[i];
    guint n = 0;
    for (; k < stats->len && in_sentence(stats->pdata[k], s); k++)
      placed[n++] = count_row(r, f, stats->pdata[k]);
    write_sentence(fp, s, placed, n);
  }
  if (k < stats->len) {
    /* Rows whose sentence is not the article's (a caller's mistake):
     * listed, so that no row goes missing from the page. */
    guint n = 0;
    for (; k < stats->len; k++)
      placed[n++] = count_row(r, f, stats->pdata[k]);
    fputs("<div class=\"s x\"><span class=\"ln\">?</span><p>Rows not found in a sentence: ",
          fp);
    for (guint i = 0; i < n; i++)
      write_mark(fp, &placed[i], placed[i].st->surface, strlen(placed[i].st->surface), TRUE);
    fputs("</p>", fp);
    write_row_list(fp, placed, n);
    fputs("</div>\n", fp);
  }
  fputs("</section>\n", fp);
}

gboolean zs_report_finish(ZsReport *r, FILE *out, GError **error) {
  zs_report_page_head(r, out);
  fputs("<main>\n", out);
  if (!r->articles)
    fputs("<p>No articles were found in the input.</p>\n", out);
  gboolean ok = fflush(r->body) == 0 && !ferror(r->body);
  if (ok && fseek(r->body, 0, SEEK_SET) != 0)
    ok = FALSE;
  char buf[1 << 16];
  size_t n;
  while (ok && (n = fread(buf, 1, sizeof buf, r->body)) > 0)
    if (fwrite(buf, 1, n, out) != n)
      ok = FALSE;
  if (ferror(r->body))
    ok = FALSE;
  zs_report_page_tail(out);
  if (!ok || fflush(out) != 0 || ferror(out)) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "report: cannot write the page: %s",
                g_strerror(errno));
    return FALSE;
  }
  return TRUE;
}
