/* write.h: statistics and articles -> CSV (RFC 4180, UTF-8, libcsv quoting).
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + -
 * @, a tab or a carriage return) get a leading ' unless `raw` is set; the
 * numeric cells (value, line) are never altered.
 */
#ifndef ZS_WRITE_H
#define ZS_WRITE_H

#include <stdio.h>

#include "zhstats.h"

typedef struct {
  gboolean header;  /* write the header row */
  gboolean bom;     /* a UTF-8 byte order mark first, for Excel */
  gboolean raw;     /* no spreadsheet-safety prefix */
  gboolean explain; /* add the `rule` column */
} ZsWriteOptions;

/* The statistics columns, in order (without `rule`). */
extern const char *const zs_write_stat_columns[];
/* The articles columns, in order. */
extern const char *const zs_write_article_columns[];

/* Writes the header row (and the BOM) if the options ask for them. */
void zs_write_stats_begin(FILE *fp, const ZsWriteOptions *opts);
/* Writes one row per statistic. */
void zs_write_stats(FILE *fp, GPtrArray *stats, const ZsWriteOptions *opts);

void zs_write_articles_begin(FILE *fp, const ZsWriteOptions *opts);
/* One row for an article of input `file`. */
void zs_write_article(FILE *fp, const char *file, const ZsArticle *a, const ZsWriteOptions *opts);

/* Writes one CSV field: quoted by libcsv only when it needs quoting. */
void zs_write_field(FILE *fp, const char *text, gboolean numeric, const ZsWriteOptions *opts);

#endif
