/* write.c: the CSV writer.
 *
 * libcsv's csv_write() does the quoting (embedded quotes doubled, the
 * field wrapped in quotes); this file decides when a field needs it, writes
 * the separators and the CRLF line ends of RFC 4180, and applies the
 * spreadsheet-safety prefix (OWASP "CSV injection").
 */
#include "write.h"

#include <csv.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

const char *const zs_write_stat_columns[] = {
  "metric", "value", "unit", "sentence", "kind", "qualifier", "surface",
  "article", "file", "line", "period", NULL,
};

const char *const zs_write_article_columns[] = {
  "file", "article", "headline", "dateline", "byline", "first_line", "last_line",
  "sentences", "first_sentence", "last_sentence", NULL,
};

/* A row is put together in a buffer on the stack and handed to stdio in
 * one call: a dozen fwrite() calls per row cost more than the copying. A
 * field that does not fit goes straight to the stream after the buffer. */
typedef struct {
  FILE *fp;
  gsize n;
  char data[4096];
} RowBuf;

/* Not b = {...}: that would clear the 4 KB on every row. */
static void row_init(RowBuf *b, FILE *fp) {
  b->fp = fp;
  b->n = 0;
}

static void row_flush(RowBuf *b) {
  fwrite_unlocked(b->data, 1, b->n, b->fp);
  b->n = 0;
}

static void row_put(RowBuf *b, const char *s, gsize len) {
  if (b->n + len > sizeof b->data) {
    row_flush(b);
    if (len > sizeof b->data) {
      fwrite_unlocked(s, 1, len, b->fp);
      return;
    }
  }
  memcpy(b->data + b->n, s, len);
  b->n += len;
}

/* libcsv quotes the field: its embedded quotes doubled, the whole wrapped
 * in quotes. A quoted field is at most twice its length plus two. */
static void row_put_quoted(RowBuf *b, const char *s, gsize len) {
  if (b->n + 2 * len + 2 > sizeof b->data) {
    row_flush(b);
    if (2 * len + 2 > sizeof b->data) {
      csv_fwrite(b->fp, s, len);
      return;
    }
  }
  b->n += csv_write(b->data + b->n, sizeof b->data - b->n, s, len);
}

/* A cell a spreadsheet would run as a formula starts with one of these. */
static gboolean formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Puts a field as it is, quoted if it needs to be. */
static void put_text(RowBuf *b, const char *text) {
  /* One pass finds both the length and whether a character needs quoting
   * (nearly always: none, and the pass reaches the end). */
  gsize len = strcspn(text, ",\"\r\n");
  gboolean quote = text[len] != '\0';
  if (quote)
    len += strlen(text + len);
  /* Readers that trim unquoted fields would lose edge spaces. */
  else if (len && (text[0] == ' ' || text[len - 1] == ' '))
    quote = TRUE;
  if (quote)
    row_put_quoted(b, text, len);
  else
    row_put(b, text, len);
}

/* Whether the len bytes at s hold a character that needs quoting (the
 * set of put_text()'s strcspn()), sixteen bytes at a time. The caller
 * promises that the sixteen bytes before s + len are readable even when
 * the string is shorter: a string of a row from zs_stat_new() lies behind
 * the struct, in the same allocation, so a short one is read together with
 * what precedes it and those bytes are masked off. */
#ifdef __SSE2__
/* The bytes among the 16 of v that need quoting, 0xFF each. */
static inline __m128i special_bytes(__m128i v) {
  return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
}

/* The bytes among the 16 at p that need quoting, one bit each. */
static inline unsigned special_mask(const char *p) {
  return (unsigned)_mm_movemask_epi8(special_bytes(_mm_loadu_si128((const __m128i *)p)));
}
#endif

static gboolean has_special(const char *s, gsize len) {
#ifdef __SSE2__
  if (len < 16) /* one block ending at s + len; the bytes before s shifted out */
    return len && special_mask(s + len - 16) >> (16 - len);
  /* The last block ends at s + len, overlapping the one before. */
  for (gsize i = 0; i + 16 < len; i += 16)
    if (special_mask(s + i))
      return TRUE;
  return special_mask(s + len - 16) != 0;
#else
  for (gsize i = 0; i < len; i++)
    if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
      return TRUE;
  return FALSE;
#endif
}

/* Copies the len bytes at s to d and says whether none needs quoting,
 * reading each block of sixteen once for both (a row's fields nearly
 * never need quoting, so the test is made once, at the end). What is
 * copied stays unused in a row buffer until its length is advanced, so a
 * field that needs quoting costs nothing but the copy. */
static gboolean copy_plain(char *d, const char *s, gsize len) {
#ifdef __SSE2__
  if (len >= 16) {
    __m128i acc = _mm_setzero_si128();
    /* The last block ends at s + len, overlapping the one before. */
    for (gsize i = 0; i + 16 < len; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
      _mm_storeu_si128((__m128i *)(d + i), v);
      acc = _mm_or_si128(acc, special_bytes(v));
    }
    __m128i v = _mm_loadu_si128((const __m128i *)(s + len - 16));
    _mm_storeu_si128((__m128i *)(d + len - 16), v);
    acc = _mm_or_si128(acc, special_bytes(v));
    return _mm_movemask_epi8(acc) == 0;
  }
#endif
  memcpy(d, s, len);
  return !has_special(s, len);
}

/* put_text() for a string of a row from zs_stat_new() (see has_special()). */
static void put_text_len(RowBuf *b, const char *text, gsize len) {
  if (has_special(text, len) || (len && (text[0] == ' ' || text[len - 1] == ' ')))
    row_put_quoted(b, text, len);
  else
    row_put(b, text, len);
}

/* The prefixed copy apart, so that the common field frees nothing. */
static void put_prefixed(RowBuf *b, const char *text) {
  g_autofree char *safe = g_strconcat("'", text, NULL);
  put_text(b, safe);
}

static void put_field(RowBuf *b, const char *text, gboolean numeric,
                      const ZsWriteOptions *opts) {
  if (!numeric && !opts->raw && formula_start(text[0]))
    put_prefixed(b, text);
  else
    put_text(b, text);
}

void zs_write_field(FILE *fp, const char *text, gboolean numeric, const ZsWriteOptions *opts) {
  flockfile(fp);
  RowBuf b;
  row_init(&b, fp);
  put_field(&b, text, numeric, opts);
  row_flush(&b);
  funlockfile(fp);
}

/* A row holds fp's lock once, not once per field. */
static void write_row(FILE *fp, const char *const *cells, const gboolean *numeric, guint n,
                      const ZsWriteOptions *opts) {
  RowBuf b;
  row_init(&b, fp);
  flockfile(fp);
  for (guint i = 0; i < n; i++) {
    if (i)
      row_put(&b, ",", 1);
    put_field(&b, cells[i], numeric && numeric[i], opts);
  }
  row_put(&b, "\r\n", 2);
  row_flush(&b);
  funlockfile(fp);
}

/* "%u" without printf's format parsing: the line number is on every row. */
static const char *format_uint(char buf[static 16], guint v) {
  char *p = buf + 15;
  *p = '\0';
  do
    *--p = (char)('0' + v % 10);
  while ((v /= 10));
  return p;
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

/* A field of a row from zs_stat_new(): its length known. */
static void put_known(RowBuf *b, const char *text, gsize len, const ZsWriteOptions *opts) {
  if (!opts->raw && formula_start(text[0]))
    put_prefixed(b, text);
  else
    put_text_len(b, text, len);
}

/* Puts a name or a number that needs neither quoting nor the prefix (the
 * kinds' and qualifiers' names are lowercase words, the line is digits). */
static void put_plain(RowBuf *b, const char *text) {
  row_put(b, text, strlen(text));
}

/* write_row() for a row from zs_stat_new(), whose lengths it knows (see
 * ZsStat.lengths): the columns of zs_write_stat_columns, put in b after
 * the rows before it (the caller flushes it and holds fp's lock). */
static void put_packed(RowBuf *b, const ZsStat *s, const ZsWriteOptions *opts) {
  const gsize *len = s->lengths; /* metric value unit sentence surface article file period rule */
  char buf[16];
  put_known(b, s->metric, len[0], opts);
  row_put(b, ",", 1);
  put_text_len(b, s->value, len[1]); /* numeric: never prefixed */
  row_put(b, ",", 1);
  put_known(b, s->unit, len[2], opts);
  row_put(b, ",", 1);
  put_known(b, s->sentence, len[3], opts);
  row_put(b, ",", 1);
  put_plain(b, zs_kind_name(s->kind));
  row_put(b, ",", 1);
  put_plain(b, zs_qualifier_name(s->qualifier));
  row_put(b, ",", 1);
  put_known(b, s->surface, len[4], opts);
  row_put(b, ",", 1);
  put_known(b, s->article, len[5], opts);
  row_put(b, ",", 1);
  put_known(b, s->file, len[6], opts);
  row_put(b, ",", 1);
  put_plain(b, format_uint(buf, s->line));
  row_put(b, ",", 1);
  put_known(b, s->period, len[7], opts);
  if (opts->explain) {
    row_put(b, ",", 1);
    put_known(b, s->rule, len[8], opts);
  }
  row_put(b, "\r\n", 2);
}

/* Whether a field of a packed row goes out as it is: no edge space (nor,
 * for a text field unless `raw`, a formula start); the quoting characters
 * are looked for over whole runs of fields by put_runs(). */
static inline gboolean plain_edges(const char *t, gsize len, gboolean formula) {
  if (!len || t[len - 1] == ' ')
    return !len;
  /* A space and every formula start lie below 'A': a field led by a letter
   * or by a Chinese character (nearly all) is told by one test. */
  guchar c = (guchar)t[0];
  return c >= 'A' || (c != ' ' && !(formula && formula_start((char)c)));
}

/* A kind's or qualifier's name as put_runs() copies it: padded to sixteen
 * bytes, so that it goes as one copy of a fixed size (plain moves, no
 * memcpy() call), with its length (no strlen() per row). */
typedef struct {
  char text[16];
  gsize len;
} PaddedName;

#define N_QUALIFIERS (ZS_QUAL_UNDER + 1)
typedef struct {
  PaddedName kind[ZS_KIND_COUNT], qual[N_QUALIFIERS];
} PaddedNames;

static void pad_name(PaddedName *n, const char *name) {
  n->len = strlen(name);
  g_assert(n->len < sizeof n->text);
  memcpy(n->text, name, n->len);
}

/* zs_kind_name() and zs_qualifier_name() of every kind and qualifier,
 * padded; made once. */
static const PaddedNames *padded_names(void) {
  static PaddedNames names; /* zeroed: the padding is NULs */
  static gsize done;
  if (g_once_init_enter(&done)) {
    for (guint k = 0; k < ZS_KIND_COUNT; k++)
      pad_name(&names.kind[k], zs_kind_name((ZsKind)k));
    for (guint q = 0; q < N_QUALIFIERS; q++)
      pad_name(&names.qual[q], zs_qualifier_name((ZsQualifier)q));
    g_once_init_leave(&done, 1);
  }
  return &names;
}

/* Stores the sixteen bytes at from at to. */
static inline void put16(char *to, const char *from) {
  memcpy(to, from, 16);
}

/* put_packed() for the common row, none of whose fields needs quoting or
 * the prefix, or FALSE (nothing put) for any other. Such a row's CSV is
 * its strings as they lie behind the struct, each NUL turned into a comma,
 * with the kind, qualifier and line put between runs of them: the metric
 * to the sentence, the surface to the file, the period (and rule) are each
 * copied in one piece, looked for quoting characters as they are copied. */
/* A row's line as put_runs() copies it, made once for the rows that
 * share it (the figures of one sentence follow each other). format_uint()
 * puts the digits at the end of buf's first 16 bytes; the 16 after them
 * are read (not used) by put16(), and set so that no byte the row's buffer
 * receives is undefined. */
typedef struct {
  gboolean made;
  guint line;
  const char *text;
  gsize len;
  char buf[32];
} LineText;

static inline void line_text(LineText *lt, guint line) {
  if (lt->made && lt->line == line)
    return;
  if (!lt->made)
    memset(lt->buf + 16, 0, 16);
  lt->made = TRUE;
  lt->line = line;
  lt->text = format_uint(lt->buf, line);
  lt->len = (gsize)(lt->buf + 15 - lt->text);
}

static gboolean put_runs(RowBuf *b, const ZsStat *s, const ZsWriteOptions *opts,
                         LineText *lt) {
  const gsize *len = s->lengths;
  gboolean f = !opts->raw;
  if ((guint)s->kind >= ZS_KIND_COUNT || (guint)s->qualifier >= N_QUALIFIERS)
    return FALSE; /* names of their own (zs_kind_name()'s fallback) */
  if (!plain_edges(s->metric, len[0], f) || !plain_edges(s->value, len[1], FALSE) ||
      !plain_edges(s->unit, len[2], f) || !plain_edges(s->sentence, len[3], f) ||
      !plain_edges(s->surface, len[4], f) || !plain_edges(s->article, len[5], f) ||
      !plain_edges(s->file, len[6], f) || !plain_edges(s->period, len[7], f) ||
      (opts->explain && !plain_edges(s->rule, len[8], f)))
    return FALSE;
  /* The runs, NULs between their strings (never quoting characters). */
  gsize n1 = len[0] + len[1] + len[2] + len[3] + 3;
  gsize n2 = len[4] + len[5] + len[6] + 2;
  gsize n3 = opts->explain ? len[7] + len[8] + 1 : len[7];
  const PaddedNames *names = padded_names();
  const PaddedName *kind = &names->kind[s->kind], *qual = &names->qual[s->qualifier];
  line_text(lt, s->line);
  const char *line = lt->text;
  gsize ln = lt->len;
  gsize total = n1 + 1 + kind->len + 1 + qual->len + 1 + n2 + 1 + ln + 1 + n3 + 2;
  /* The row is written left to right, each short piece as sixteen bytes
   * whose excess the next piece overwrites: the buffer keeps sixteen bytes
   * more than the row, which the last piece may write into, unused. */
  if (b->n + total + 16 > sizeof b->data) {
    row_flush(b);
    if (total + 16 > sizeof b->data)
      return FALSE;
  }
  char *d = b->data + b->n;
  if (!copy_plain(d, s->metric, n1))
    return FALSE;
  d[len[0]] = d[len[0] + 1 + len[1]] = d[len[0] + len[1] + len[2] + 2] = ',';
  d += n1;
  *d++ = ',';
  put16(d, kind->text);
  d += kind->len;
  *d++ = ',';
  put16(d, qual->text);
  d += qual->len;
  *d++ = ',';
  if (!copy_plain(d, s->surface, n2))
    return FALSE;
  d[len[4]] = d[len[4] + 1 + len[5]] = ',';
  d += n2;
  *d++ = ',';
  put16(d, line);
  d += ln;
  *d++ = ',';
  if (!copy_plain(d, s->period, n3))
    return FALSE;
  if (opts->explain)
    d[len[7]] = ',';
  d += n3;
  *d++ = '\r';
  *d++ = '\n';
  b->n = (gsize)(d - b->data);
  return TRUE;
}

void zs_write_stats(FILE *fp, GPtrArray *stats, const ZsWriteOptions *opts) {
  static const gboolean numeric[] = {FALSE, TRUE, FALSE, FALSE, FALSE, FALSE,
                                     FALSE, FALSE, FALSE, TRUE,  FALSE, FALSE};
  /* The rows from zs_stat_new() (all of them, but in tests) share one
   * buffer, handed to stdio when full (a row may span two writes). */
  RowBuf b;
  row_init(&b, fp);
  LineText lt;
  lt.made = FALSE;
  flockfile(fp);
  for (guint i = 0; i < stats->len; i++) {
    const ZsStat *s = stats->pdata[i];
    if (zs_stat_packed(s)) {
      if (!put_runs(&b, s, opts, &lt))
        put_packed(&b, s, opts);
      continue;
    }
    row_flush(&b); /* before a row written on its own */
    char buf[16];
    const char *line = format_uint(buf, s->line);
    const char *cells[] = {s->metric,  s->value,   s->unit,
                           s->sentence, zs_kind_name(s->kind),
                           zs_qualifier_name(s->qualifier),
                           s->surface, s->article, s->file,
                           line,       s->period,  s->rule};
    write_row(fp, cells, numeric, opts->explain ? 12 : 11, opts);
  }
  row_flush(&b);
  funlockfile(fp);
}

void zs_write_articles_begin(FILE *fp, const ZsWriteOptions *opts) {
  write_header(fp, zs_write_article_columns, FALSE, opts);
}

void zs_write_article(FILE *fp, const char *file, const ZsArticle *a, const ZsWriteOptions *opts) {
  static const gboolean numeric[] = {FALSE, TRUE, FALSE, FALSE, FALSE,
                                     TRUE,  TRUE, TRUE,  FALSE, FALSE};
  char bufs[4][16];
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
  const char *no = format_uint(bufs[0], a->no), *first = format_uint(bufs[1], a->first_line),
             *last = format_uint(bufs[2], a->last_line), *n = format_uint(bufs[3], body);
  const char *cells[] = {file,  no,   a->headline, a->dateline, a->byline,
                         first, last, n,           first_text,  last_text};
  write_row(fp, cells, numeric, 10, opts);
}
