/* csvread.h: reads a CSV file into rows of named fields, for the tests.
 *
 * Parsed by libcsv in strict mode, so the tests also check that what the
 * writer produced is valid RFC 4180. Header-only: each test program is one
 * .c file. A row is a GHashTable column -> value; the table is owned by the
 * returned array.
 */
#ifndef ZS_TEST_CSVREAD_H
#define ZS_TEST_CSVREAD_H

#include <csv.h>
#include <glib.h>
#include <string.h>

typedef struct {
  GPtrArray *header; /* char* */
  GPtrArray *rows;   /* GHashTable* */
  GPtrArray *cur;    /* fields of the row being read */
} CsvRead;

static void csvread_field(void *s, size_t len, void *data) {
  CsvRead *r = data;
  g_ptr_array_add(r->cur, g_strndup(s ? s : "", len));
}

static void csvread_row(int c, void *data) {
  CsvRead *r = data;
  if (!r->header) {
    r->header = r->cur;
  } else {
    GHashTable *row = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < r->cur->len && i < r->header->len; i++)
      g_hash_table_insert(row, g_strdup(r->header->pdata[i]), g_strdup(r->cur->pdata[i]));
    g_ptr_array_add(r->rows, row);
    g_ptr_array_unref(r->cur);
  }
  r->cur = g_ptr_array_new_with_free_func(g_free);
  (void)c;
}

/* Rows of `text` (a whole CSV file, an optional UTF-8 BOM skipped), or NULL
 * when it is not valid CSV. */
static GPtrArray *csvread_text(const char *text, gsize len) {
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, len -= 3;
  struct csv_parser p;
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  CsvRead r = {NULL, g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref),
               g_ptr_array_new_with_free_func(g_free)};
  gboolean ok = csv_parse(&p, text, len, csvread_field, csvread_row, &r) == len &&
                csv_fini(&p, csvread_field, csvread_row, &r) == 0;
  csv_free(&p);
  g_ptr_array_unref(r.cur);
  if (r.header)
    g_ptr_array_unref(r.header);
  if (!ok) {
    g_ptr_array_unref(r.rows);
    return NULL;
  }
  return r.rows;
}

G_GNUC_UNUSED static GPtrArray *csvread_file(const char *path) {
  g_autofree char *text = NULL;
  gsize len;
  if (!g_file_get_contents(path, &text, &len, NULL))
    return NULL;
  return csvread_text(text, len);
}

G_GNUC_UNUSED static const char *csvread_get(GHashTable *row, const char *col) {
  const char *v = g_hash_table_lookup(row, col);
  return v ? v : "";
}

#endif
