/* write.c: the CSV writer.
 *
 * libcsv's csv_fwrite() does the quoting (embedded quotes doubled, the
 * field wrapped in quotes); this file decides when a field needs it, writes
 * the separators and the CRLF line ends of RFC 4180, and applies the
 * spreadsheet-safety prefix (OWASP "CSV injection").
 */
#include "write.h"

#include <csv.h>
#include <string.h>

const char *const zs_write_stat_columns[] = {
  "metric", "value", "unit", "sentence", "kind", "qualifier", "surface",
  "article", "file", "line", "period", NULL,
};

const char *const zs_write_article_columns[] = {
  "file", "article", "headline", "dateline", "byline", "first_line", "last_line",
  "sentences", "first_sentence", "last_sentence", NULL,
};

static gboolean needs_quotes(const char *s, gsize len) {
  if (!len)
    return FALSE;
  if (s[0] == ' ' || s[len - 1] == ' ')
    return TRUE; /* readers that trim unquoted fields would lose them */
  return strpbrk(s, ",\"\r\n") != NULL;
}

/* One field, with the caller holding fp's lock: a row of a dozen fields
 * takes the lock once, not once per call (the sentence is written on
 * every row). */
static void write_field_locked(FILE *fp, const char *text, gboolean numeric,
                               const ZsWriteOptions *opts) {
  g_autofree char *safe = NULL;
  if (!numeric && !opts->raw && text[0] && strchr("=+-@\t\r", text[0]))
    text = safe = g_strconcat("'", text, NULL);
  gsize len = strlen(text);
  if (needs_quotes(text, len))
    csv_fwrite(fp, text, len);
  else
    fwrite_unlocked(text, 1, len, fp);
}

void zs_write_field(FILE *fp, const char *text, gboolean numeric, const ZsWriteOptions *opts) {
  flockfile(fp);
  write_field_locked(fp, text, numeric, opts);
  funlockfile(fp);
}

static void write_row(FILE *fp, const char *const *cells, const gboolean *numeric, guint n,
                      const ZsWriteOptions *opts) {
  flockfile(fp);
  for (guint i = 0; i < n; i++) {
    if (i)
      putc_unlocked(',', fp);
    write_field_locked(fp, cells[i], numeric && numeric[i], opts);
  }
  fwrite_unlocked("\r\n", 1, 2, fp);
  funlockfile(fp);
}

static void write_header(FILE *fp, const char *const *cols, gboolean explain,
                         const ZsWriteOptions *opts) {
  if (opts->bom)
    fputs("\xEF\xBB\xBF", fp);
  if (!opts->header)
    return;
  guint n = g_strv_length((char **)cols);
  g_autofree const char **cells = g_new0(const char *, n + 2);
  for (guint i = 0; i < n; i++)
    cells[i] = cols[i];
  if (explain)
    cells[n++] = "rule";
  write_row(fp, cells, NULL, n, opts);
}

void zs_write_stats_begin(FILE *fp, const ZsWriteOptions *opts) {
  write_header(fp, zs_write_stat_columns, opts->explain, opts);
}

void zs_write_stats(FILE *fp, GPtrArray *stats, const ZsWriteOptions *opts) {
  static const gboolean numeric[] = {FALSE, TRUE, FALSE, FALSE, FALSE, FALSE,
                                     FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE};
  for (guint i = 0; i < stats->len; i++) {
    const ZsStat *s = stats->pdata[i];
    char line[16];
    g_snprintf(line, sizeof line, "%u", s->line);
    const char *cells[] = {s->metric,  s->value,   s->unit,
                           s->sentence, zs_kind_name(s->kind),
                           zs_qualifier_name(s->qualifier),
                           s->surface, s->article, s->file,
                           line,       s->period,  s->rule};
    write_row(fp, cells, numeric, opts->explain ? 12 : 11, opts);
  }
}

void zs_write_articles_begin(FILE *fp, const ZsWriteOptions *opts) {
  write_header(fp, zs_write_article_columns, FALSE, opts);
}

void zs_write_article(FILE *fp, const char *file, const ZsArticle *a, const ZsWriteOptions *opts) {
  static const gboolean numeric[] = {FALSE, TRUE, FALSE, FALSE, FALSE,
                                     TRUE,  TRUE, TRUE,  FALSE, FALSE};
  char no[16], first[16], last[16], n[16];
  guint body = 0;
  const char *first_text = "", *last_text = "";
  for (guint i = 0; i < a->sentences->len; i++) {
    const ZsSentence *s = a->sentences->pdata[i];
    if (s->kind != ZS_SENT_BODY)
      continue;
    if (!body++)
      first_text = s->text;
    last_text = s->text;
  }
  g_snprintf(no, sizeof no, "%u", a->no);
  g_snprintf(first, sizeof first, "%u", a->first_line);
  g_snprintf(last, sizeof last, "%u", a->last_line);
  g_snprintf(n, sizeof n, "%u", body);
  const char *cells[] = {file,  no,   a->headline, a->dateline, a->byline,
                         first, last, n,           first_text,  last_text};
  write_row(fp, cells, numeric, 10, opts);
}
