/* report.h: articles + statistics -> one self-contained HTML review page.
 *
 * `zhstats --report FILE.html` writes a page on which a reviewer reads the
 * dataset against the text: every article's sentences with each reported
 * number highlighted (coloured by metric), the quantities no rule claimed
 * marked apart, and on top a summary (rows per metric, files, rules that
 * matched nothing) with a small SVG chart per series of periods.
 *
 * The page streams like the CSV: each article is written out as it comes
 * and only per-metric counters and (period, value) pairs stay in memory.
 * The page is the same bytes for the same inputs and rules, has no script,
 * makes no request, and escapes every piece of input text.
 */
#ifndef ZS_REPORT_H
#define ZS_REPORT_H

#include <stdio.h>

#include "rules.h"
#include "zhstats.h"

typedef struct ZsReport ZsReport;

/* Starts a report over `rules` (borrowed: it must outlive the report; it
 * lists the rules that matched nothing; NULL: no rules to list). `unclaimed_in_csv` says whether
 * the CSV also holds the unclaimed quantities (--all-quantities), so that
 * the page numbers its rows exactly as the CSV does. Returns NULL with
 * `error` set when the temporary file for the article sections cannot be
 * made. Free with zs_report_free(). */
ZsReport *zs_report_new(const ZsRules *rules, gboolean unclaimed_in_csv, GError **error);
void zs_report_free(ZsReport *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsReport, zs_report_free)

/* An input begins: listed in the summary even when it has no article. */
void zs_report_file(ZsReport *r, const char *file);

/* One article of input `file` and all its rows in text order, as
 * zs_extract_article() gives them with all_quantities set: rows whose
 * metric is "" are the unclaimed quantities. Call in CSV order. */
void zs_report_article(ZsReport *r, const char *file, const ZsArticle *a, GPtrArray *stats);

/* Writes the whole page to `out`: head, summary, then the article sections.
 * Returns FALSE with `error` set when a write fails. */
gboolean zs_report_finish(ZsReport *r, FILE *out, GError **error);

/* Writes `len` bytes of `text` (-1: up to its NUL) with & < > " ' escaped,
 * fit for HTML text and quoted attribute values. */
void zs_report_escape(FILE *fp, const char *text, gssize len);

/* The hue (0-359) that colours `metric`: a hash, the same on every run. */
guint zs_report_hue(const char *metric);

#endif
