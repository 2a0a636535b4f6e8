/* datapackage.c: writes datapackage.json (Frictionless Data Package v1,
 * tabular profile) for the CSV files of stages/write.c.
 *
 * The JSON is built by hand with a GString: the document has a fixed shape,
 * and a small emitter keeps the output's layout (and so its bytes) under our
 * control instead of a library's. The column list comes from write.c, the
 * kind and qualifier enums from zhstats.c, so the schema cannot drift from
 * what the writer produces; a column without a description here is a
 * programmer error caught by the first run.
 */
#include "datapackage.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a small JSON emitter, two-space indentation ------------------------ */

typedef struct {
  GString *s;
  guint depth;
  guint32 nonempty; /* bit d: the container at depth d has a member */
} Json;

static void j_string(GString *s, const char *text) {
  g_string_append_c(s, '"');
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    switch (*p) {
    case '"': g_string_append(s, "\\\""); break;
    case '\\': g_string_append(s, "\\\\"); break;
    case '\n': g_string_append(s, "\\n"); break;
    case '\r': g_string_append(s, "\\r"); break;
    case '\t': g_string_append(s, "\\t"); break;
    default:
      if (*p < 0x20)
        g_string_append_printf(s, "\\u%04x", *p);
      else
        g_string_append_c(s, (char)*p);
    }
  }
  g_string_append_c(s, '"');
}

static void j_newline(Json *j) {
  g_string_append_c(j->s, '\n');
  for (guint i = 0; i < j->depth; i++)
    g_string_append(j->s, "  ");
}

/* Before a member: the comma after the previous one, and its own line. */
static void j_sep(Json *j) {
  if (j->nonempty & (1u << j->depth))
    g_string_append_c(j->s, ',');
  j->nonempty |= 1u << j->depth;
  j_newline(j);
}

static void j_open(Json *j, char c) {
  g_string_append_c(j->s, c);
  j->depth++;
  j->nonempty &= ~(1u << j->depth);
}

static void j_close(Json *j, char c) {
  gboolean had = (j->nonempty & (1u << j->depth)) != 0;
  j->depth--;
  if (had)
    j_newline(j);
  g_string_append_c(j->s, c);
}

static void j_key(Json *j, const char *key) {
  j_sep(j);
  j_string(j->s, key);
  g_string_append(j->s, ": ");
}

static void j_kstr(Json *j, const char *key, const char *val) {
  j_key(j, key);
  j_string(j->s, val);
}

static void j_kraw(Json *j, const char *key, const char *literal) {
  j_key(j, key);
  g_string_append(j->s, literal);
}

/* A short array of strings, on one line. */
static void j_kstrv(Json *j, const char *key, const char *const *v) {
  j_key(j, key);
  g_string_append_c(j->s, '[');
  for (guint i = 0; v[i]; i++) {
    if (i)
      g_string_append(j->s, ", ");
    j_string(j->s, v[i]);
  }
  g_string_append_c(j->s, ']');
}

/* ---- the schemas ---------------------------------------------------------- */

enum { F_REQUIRED = 1, F_KIND = 2, F_QUALIFIER = 4, F_POSITIVE = 8, F_METRIC = 16 };

typedef struct {
  const char *name, *type, *description;
  guint flags;
} Field;

static const Field stat_fields[] = {
  {"metric", "string", "Name of the statistic: the section of the rules file whose rule "
   "claimed the number. Empty only with --all-quantities, for a quantity no rule claimed.",
   F_METRIC},
  {"value", "number", "The value, exact, in the base unit of the unit column, as a plain "
   "decimal: 1.29亿人次 is 129000000. A decrease written as a word (减少, 下降) is "
   "negative.", F_REQUIRED},
  {"unit", "string", "Base unit or measure word of the value (人, 人次, 元, 家, %, "
   "pp for percentage points, 倍, 平方米...); empty when the number has none.", 0},
  {"sentence", "string", "The sentence the number was read from, normalized (hard line "
   "breaks and stray spaces removed, dateline and byline cut off).", F_REQUIRED},
  {"kind", "string", "What the number states: level (an amount), change_pct (a change in "
   "percent), change_abs (a change in the unit), share (a part of a whole, in percent), "
   "ratio (a multiple), growth_multiple (grew by a multiple).", F_REQUIRED | F_KIND},
  {"qualifier", "string", "How exact the text says the number is: exact, approx (约, "
   "左右), nearly (近, 接近), over (超, 逾, 以上), under (不到, 不足, 以下).",
   F_REQUIRED | F_QUALIFIER},
  {"surface", "string", "The quantity as written in the sentence: qualifier, number and "
   "unit.", F_REQUIRED},
  {"article", "string", "Headline of the article the sentence belongs to (a subtitle "
   "follows after \" ——\"); empty when the page has none.", 0},
  {"file", "string", "The input file, as named on the command line (or found under a "
   "directory given there).", F_REQUIRED},
  {"line", "integer", "1-based line of the input file where the sentence starts.",
   F_REQUIRED | F_POSITIVE},
  {"period", "string", "The period the value refers to: a year (2023), a quarter "
   "(2023Q4), a month (2023-12), a day (2023-12-31), a span (2019/2023, 2014/..); empty when the text "
   "states none.", 0},
  {"rule", "string", "FILE:LINE of the rule that claimed the row (--explain).", 0},
};

static const Field article_fields[] = {
  {"file", "string", "The input file, as named on the command line.", F_REQUIRED},
  {"article", "integer", "1-based number of the article in reading order within the "
   "file.", F_REQUIRED | F_POSITIVE},
  {"headline", "string", "The headline on one line, a subtitle after \" ——\"; empty "
   "when the page has none.", 0},
  {"dateline", "string", "The dateline (本报北京1月30日电, 本报讯); empty when none.", 0},
  {"byline", "string", "The byline (记者 孙秀艳); empty when none.", 0},
  {"first_line", "integer", "First input line of the article (any part of it).",
   F_REQUIRED | F_POSITIVE},
  {"last_line", "integer", "Last input line of the article.", F_REQUIRED | F_POSITIVE},
  {"sentences", "integer", "Number of body sentences.", F_REQUIRED},
  {"first_sentence", "string", "The first body sentence, normalized.", 0},
  {"last_sentence", "string", "The last body sentence, normalized.", 0},
};

static const Field *find_field(const Field *fields, gsize n, const char *name) {
  for (gsize i = 0; i < n; i++)
    if (strcmp(fields[i].name, name) == 0)
      return &fields[i];
  g_error("datapackage: no schema for column '%s'", name);
}

static void write_field(Json *j, const Field *f, gboolean all_quantities) {
  j_sep(j);
  j_open(j, '{');
  j_kstr(j, "name", f->name);
  j_kstr(j, "type", f->type);
  if (strcmp(f->type, "number") == 0)
    j_kraw(j, "bareNumber", "true");
  j_kstr(j, "description", f->description);
  gboolean required = (f->flags & F_REQUIRED) || ((f->flags & F_METRIC) && !all_quantities);
  if (required || (f->flags & (F_KIND | F_QUALIFIER | F_POSITIVE))) {
    j_key(j, "constraints");
    j_open(j, '{');
    if (required)
      j_kraw(j, "required", "true");
    if (f->flags & F_POSITIVE)
      j_kraw(j, "minimum", "1");
    const char *names[ZS_KIND_COUNT + 1] = {0};
    if (f->flags & F_KIND)
      for (int k = 0; k < ZS_KIND_COUNT; k++)
        names[k] = zs_kind_name(k);
    if (f->flags & F_QUALIFIER)
      for (int q = ZS_QUAL_EXACT; q <= ZS_QUAL_UNDER; q++)
        names[q] = zs_qualifier_name(q);
    if (names[0])
      j_kstrv(j, "enum", names);
    j_close(j, '}');
  }
  j_close(j, '}');
}

static void write_resource(Json *j, const char *name, const char *title,
                           const char *description, const ZsDpResource *res,
                           const char *const *columns, gboolean explain, const Field *fields,
                           gsize n_fields, const char *const *primary_key,
                           const ZsWriteOptions *opts, gboolean all_quantities) {
  j_sep(j);
  j_open(j, '{');
  j_kstr(j, "profile", "tabular-data-resource");
  j_kstr(j, "name", name);
  j_kstr(j, "path", res->path);
  j_kstr(j, "title", title);
  g_autofree char *desc = g_strconcat(
      description,
      opts->raw ? ""
                : " Spreadsheet safety: a text cell that would start with = + - @, a tab "
                  "or a carriage return starts with ' instead, so that no spreadsheet runs "
                  "it as a formula; numeric cells are never altered.",
      NULL);
  j_kstr(j, "description", desc);
  j_kstr(j, "format", "csv");
  j_kstr(j, "mediatype", "text/csv");
  /* Python's codec name: readers that take it from here (pandas,
   * frictionless) then drop the byte order mark instead of keeping it in the
   * first column's name. */
  j_kstr(j, "encoding", opts->bom ? "utf-8-sig" : "utf-8");
  if (res->sha256) {
    g_autofree char *bytes = g_strdup_printf("%" G_GSIZE_FORMAT, res->bytes);
    g_autofree char *hash = g_strconcat("sha256:", res->sha256, NULL);
    j_kraw(j, "bytes", bytes);
    j_kstr(j, "hash", hash);
  }
  j_key(j, "dialect");
  j_open(j, '{');
  j_kraw(j, "csvddfVersion", "1.2");
  j_kstr(j, "delimiter", ",");
  j_kraw(j, "doubleQuote", "true");
  j_kstr(j, "lineTerminator", "\r\n");
  j_kstr(j, "quoteChar", "\"");
  j_kraw(j, "skipInitialSpace", "false");
  j_kraw(j, "header", opts->header ? "true" : "false");
  j_close(j, '}');
  j_key(j, "schema");
  j_open(j, '{');
  j_key(j, "fields");
  j_open(j, '[');
  for (guint i = 0; columns[i]; i++)
    write_field(j, find_field(fields, n_fields, columns[i]), all_quantities);
  if (explain)
    write_field(j, find_field(fields, n_fields, "rule"), all_quantities);
  j_close(j, ']');
  static const char *const missing[] = {"", NULL};
  j_kstrv(j, "missingValues", missing);
  if (primary_key)
    j_kstrv(j, "primaryKey", primary_key);
  j_close(j, '}');
  j_close(j, '}');
}

char *zs_dp_build(const ZsDpResource *stats, const ZsDpResource *articles,
                  const ZsWriteOptions *opts, gboolean all_quantities) {
  Json j = {g_string_new(NULL), 0, 0};
  j_open(&j, '{');
  j_kstr(&j, "profile", "tabular-data-package");
  j_kstr(&j, "name", "zhstats-dataset");
  j_kstr(&j, "title", "Statistics reported in Chinese news text");
  j_kstr(&j, "description",
         "Each row of the statistics resource is one figure that a news article states "
         "(a level, a change, a share...), read by zhstats with exact arithmetic and "
         "traced back to its sentence, article, file and line.");
  j_key(&j, "resources");
  j_open(&j, '[');
  write_resource(&j, "statistics", "Statistics",
                 "One row per occurrence of a statistic in the text, in input order.", stats,
                 zs_write_stat_columns, opts->explain, stat_fields, G_N_ELEMENTS(stat_fields),
                 NULL, opts, all_quantities);
  if (articles) {
    static const char *const key[] = {"file", "article", NULL};
    write_resource(&j, "articles", "Articles", "One row per article, in input order.",
                   articles, zs_write_article_columns, FALSE, article_fields,
                   G_N_ELEMENTS(article_fields), key, opts, all_quantities);
  }
  j_close(&j, ']');
  j_close(&j, '}');
  g_string_append_c(j.s, '\n');
  return g_string_free(j.s, FALSE);
}

/* ---- paths and digests ------------------------------------------------------ */

char *zs_dp_relative_path(const char *descriptor, const char *path, GError **error) {
  g_autofree char *abs_desc = g_canonicalize_filename(descriptor, NULL);
  g_autofree char *abs_path = g_canonicalize_filename(path, NULL);
  g_autofree char *dir = g_path_get_dirname(abs_desc);
  gsize n = strlen(dir);
  if (n == 1) /* the root directory */
    n = 0;
  if (strncmp(abs_path, dir, n) != 0 || abs_path[n] != '/' || !abs_path[n + 1]) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT,
                "%s must be in the directory of the datapackage (%s) or below it: the "
                "Data Package spec allows no absolute path and no '..'", path, dir);
    return NULL;
  }
  if (!g_utf8_validate(abs_path + n + 1, -1, NULL)) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: the name is not valid UTF-8", path);
    return NULL;
  }
  return g_strdup(abs_path + n + 1);
}

char *zs_dp_sha256(const char *data, gsize len) {
  return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
}

char *zs_dp_sha256_file(const char *path, gsize *bytes, GError **error) {
  struct stat st;
  if (g_stat(path, &st) == 0 && !S_ISREG(st.st_mode))
    return NULL;
  int fd = g_open(path, O_RDONLY, 0);
  if (fd < 0) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: %s", path, g_strerror(errno));
    return NULL;
  }
  g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
  g_autofree guchar *buf = g_malloc(1 << 16);
  gsize total = 0;
  for (;;) {
    gssize n = read(fd, buf, 1 << 16);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      g_set_error(error, ZS_ERROR, ZS_ERROR_OUTPUT, "%s: %s", path, g_strerror(errno));
      close(fd);
      return NULL;
    }
    if (n == 0)
      break;
    g_checksum_update(sum, buf, (gsize)n);
    total += (gsize)n;
  }
  close(fd);
  *bytes = total;
  return g_strdup(g_checksum_get_string(sum));
}
