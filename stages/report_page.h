/* report_page.h: inside the report module, shared by its two files.
 *
 * report.c streams the article sections and keeps the counters declared
 * here; report_page.c writes what surrounds the sections (the head with
 * its style, the summary, the SVG charts) from those counters. Nothing
 * outside stages/report*.c includes this header.
 */
#ifndef ZS_REPORT_PAGE_H
#define ZS_REPORT_PAGE_H

#include <stdio.h>

#include "report.h"

/* Row links listed per metric in the summary; the rest are counted. */
#define ZS_REPORT_MAX_LINKS 40

typedef struct {
  char *name;
  guint rows, articles;
  guint last_article; /* the article that last counted, so each counts once */
  guint links[ZS_REPORT_MAX_LINKS]; /* its first CSV rows */
  guint n_links;
} ZsReportMetric;

typedef struct {
  char *period, *value;
  guint order; /* order of first appearance */
} ZsReportPoint;

/* One chart: the figures of a metric with the same kind, unit and grain of
 * period (year, quarter, month, day, span, other). */
typedef struct {
  char *metric, *unit;
  ZsKind kind;
  const char *grain; /* static */
  GArray *points;   /* ZsReportPoint, distinct (period, value) pairs */
  GHashTable *seen; /* "period\x1fvalue" set */
} ZsReportSeries;

typedef struct {
  char *name;
  guint articles, rows, unclaimed;
  guint first_article; /* its first article's number on the page, 0: none */
} ZsReportFile;

struct ZsReport {
  const ZsRules *rules;
  gboolean unclaimed_in_csv;
  FILE *body;            /* the article sections, anonymous temporary file */
  GHashTable *metrics;   /* name -> ZsReportMetric*; a metric is one rule's */
  GHashTable *series;    /* "metric\x1fkind\x1funit\x1fgrain" -> ZsReportSeries* */
  GPtrArray *files;      /* ZsReportFile*, in input order */
  guint articles;        /* articles so far: the last one's number */
  guint rows;            /* CSV data rows so far */
  guint claimed, unclaimed;
};

/* Writes the page up to the article sections: doctype, head, summary. */
void zs_report_page_head(const ZsReport *r, FILE *out);
/* Closes the page. */
void zs_report_page_tail(FILE *out);

#endif
