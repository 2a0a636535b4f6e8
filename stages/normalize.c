/* normalize.c: bytes -> paragraphs of clean text, streaming.
 *
 * Two layers. zs_norm_text() is the character-level convention (full-width
 * forms, ASCII punctuation between Chinese characters, spaces); it is the
 * whole of what "normalized" means for a single string, and other stages use
 * it. The normalizer around it decodes bytes into lines, repairs encoding
 * problems, and rejoins hard-wrapped lines into paragraphs (reflow), keeping
 * a map from each paragraph byte offset back to its input line.
 *
 * The convention is written out in stages/README.md; in short:
 *   - U+FF10-FF19, FF21-FF3A, FF41-FF5A, ％ ＋ become ASCII (NFKC on those
 *     spans only); － and ． only between digits. Other full-width
 *     punctuation (，。：；！？（） ...) stays: GB/T 15834.
 *   - ASCII , ; : ? ! ( ) next to a Chinese character and not next to an
 *     ASCII letter or digit become ，；：？！（）. 1,234  3.5  10:30 stay.
 *   - Spaces (ASCII, U+3000, NBSP, tab) are removed, except one space between
 *     two ASCII graphic characters (PM2.5 monitoring). In a headline-like
 *     one-line paragraph a space between two runs of >= 2 ideographs stays.
 *   - Reflow (see decide_join): a line continues into the next non-blank line
 *     when it does not end a paragraph: no sentence end, no trailing ……, ——
 *     or ：, and it is either a full column line (PDF), a long line (> 40
 *     columns, markdown-like) or ends inside a clause (，、；). Headings,
 *     datelines, subtitles and section markers always start a paragraph.
 */
#include "normalize.h"

#include <string.h>

/* Lines held back before the column width is known. */
#define WARMUP_LINES 32
#define WARMUP_BYTES (1u << 20)
#define LONG_LINE_BYTES (16u << 20)
/* A line this wide (in CJK columns) is a paragraph line of a free layout. */
#define LONG_LINE_WIDTH 40.0
#define HIST_MAX 48
/* A news column is at least this wide, and a page has this many lines near
 * its width before it counts as a column layout. */
#define MIN_COLUMN 10
#define MIN_COLUMN_LINES 8
/* Lines held after the next one, for the topic-shift test, and how much of
 * their text it reads (bytes, about 80 characters). */
#define LOOKAHEAD 8
#define LOOKAHEAD_TEXT 240
/* Recent text kept for the topic-shift test, in bytes. */
#define RECENT_BYTES 1800

typedef struct {
  char *raw;        /* decoded line, valid UTF-8, markdown markers removed */
  char *norm;       /* zs_norm_text(raw) */
  guint lineno;
  double width;     /* display width in CJK columns, ASCII counts half */
  gboolean heading;
} NormLine;

struct ZsNormalizer {
  char *file;
  GString *cur;       /* bytes of the physical line being read */
  gboolean pending_cr;
  guint64 offset;     /* input bytes consumed */
  guint64 line_off;   /* input offset of the start of `cur` */
  guint lineno;       /* number of lines completed */
  GQueue pending;     /* NormLine*, warm-up look-ahead */
  gsize pending_bytes;
  guint nonblank;
  guint hist[HIST_MAX]; /* widths of lines, by whole column */
  /* paragraph under construction */
  GString *ptext;
  GArray *pmarks;     /* gsize: raw offset of each joined line */
  GArray *plines;     /* guint: its input line */
  NormLine *plast;    /* last line placed (owned) */
  gboolean pheading;
  gboolean prev_ended;  /* the previous paragraph ended a sentence */
  GString *recent;      /* the end of the text emitted so far */
};

/* ---- paragraph line maps ------------------------------------------------ */

guint zs_norm_para_line_at(const ZsPara *p, gsize offset) {
  if (!p->line_offsets || p->line_offsets->len == 0)
    return p->line;
  /* The last joined line starting at or before offset. */
  guint lo = 0, hi = p->line_offsets->len;
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (g_array_index(p->line_offsets, gsize, mid) <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return g_array_index(p->line_numbers, guint, lo);
}

void zs_para_free(ZsPara *p) {
  if (!p)
    return;
  if (p->line_offsets)
    g_array_unref(p->line_offsets);
  if (p->line_numbers)
    g_array_unref(p->line_numbers);
  g_free(p->text);
  g_free(p);
}

void zs_doc_free(ZsDoc *doc) {
  if (!doc)
    return;
  g_free(doc->file);
  if (doc->paras)
    g_ptr_array_unref(doc->paras);
  g_free(doc);
}

/* ---- character classes -------------------------------------------------- */

static gboolean is_ideo(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007;
}

/* Chinese text: ideographs, CJK punctuation, full-width forms, and the
 * quotes, dashes and ellipsis Chinese text borrows from general punctuation. */
static gboolean is_chinese(gunichar c) {
  return is_ideo(c) || (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x2014 && c <= 0x2026) ||
         c == 0x00B7;
}

static gboolean is_space(gunichar c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 ||
         c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

static gboolean is_ascii_alnum(gunichar c) {
  return c < 0x80 && g_ascii_isalnum((char)c);
}

static gboolean is_ascii_graph(gunichar c) {
  return c > 0x20 && c < 0x7F;
}

static gboolean is_ascii_digit_like(gunichar c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Full-width forms that always become ASCII. */
static gboolean fw_plain(gunichar c) {
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF05 || c == 0xFF0B;
}

static gunichar ascii_to_fullwidth_punct(gunichar c) {
  switch (c) {
  case ',': return 0xFF0C;
  case ';': return 0xFF1B;
  case ':': return 0xFF1A;
  case '?': return 0xFF1F;
  case '!': return 0xFF01;
  case '(': return 0xFF08;
  case ')': return 0xFF09;
  default: return 0;
  }
}

/* After full-width conversion, what a character will read as. */
static gunichar plain_of(gunichar c) {
  return fw_plain(c) ? c - 0xFEE0 : c;
}

/* ---- zs_norm_text ------------------------------------------------------- */

static gunichar last_cp(const GString *o) {
  if (o->len == 0)
    return 0;
  const char *p = g_utf8_find_prev_char(o->str, o->str + o->len);
  return p ? g_utf8_get_char(p) : 0;
}

static gunichar second_last_cp(const GString *o) {
  if (o->len == 0)
    return 0;
  const char *p = g_utf8_find_prev_char(o->str, o->str + o->len);
  if (!p)
    return 0;
  p = g_utf8_find_prev_char(o->str, p);
  return p ? g_utf8_get_char(p) : 0;
}

/* Characters that vanish: NUL, zero-width space, BOM, C0 controls. */
static gboolean is_dropped(gunichar c) {
  return c == 0x200B || c == 0xFEFF || (c < 0x20 && !is_space(c));
}

/* Next character at or after `p` that is neither a space nor dropped, or 0. */
static gunichar next_nonspace(const char *p, const char *end) {
  while (p < end) {
    gunichar c = g_utf8_get_char(p);
    if (!is_space(c) && !is_dropped(c))
      return c;
    p = g_utf8_next_char(p);
  }
  return 0;
}

/* The first character after the run of convertible ASCII punctuation that
 * starts at `q` (spaces and dropped characters skipped), or 0. A run such
 * as "?(" is decided as a whole, so a second pass sees the same thing. */
static gunichar after_punct_run(const char *q, const char *end) {
  for (; q < end; q = g_utf8_next_char(q)) {
    gunichar c = g_utf8_get_char(q);
    if (!is_space(c) && !is_dropped(c) && !ascii_to_fullwidth_punct(c))
      return c;
  }
  return 0;
}

/* The output's last character that is not a space. */
static gunichar last_nonspace_cp(const GString *o) {
  gsize n = o->len;
  while (n > 0 && o->str[n - 1] == ' ')
    n--;
  if (n == 0)
    return 0;
  const char *p = g_utf8_find_prev_char(o->str, o->str + n);
  return p ? g_utf8_get_char(p) : 0;
}

/* An ASCII , ; : ? ! ( ) between `prev` (the output so far, spaces
 * dropped) and `next` (the first character after its punctuation run)
 * becomes full-width when it touches Chinese text and no ASCII letter or
 * digit. */
static gboolean punct_goes_fullwidth(gunichar prev, gunichar next) {
  next = plain_of(next);
  if (is_ascii_alnum(prev) || is_ascii_alnum(next))
    return FALSE;
  return is_chinese(prev) || is_chinese(next);
}

/* How the character at `q` (the first after a run of spaces that follows
 * `prev`) will read in the output, or 0 at the end. */
static gunichar final_form(gunichar prev, const char *q, const char *end) {
  if (q >= end)
    return 0;
  gunichar c = g_utf8_get_char(q);
  if (ascii_to_fullwidth_punct(c) &&
      punct_goes_fullwidth(prev, after_punct_run(g_utf8_next_char(q), end)))
    return ascii_to_fullwidth_punct(c);
  if ((c == 0xFF0D || c == 0xFF0E) && prev >= '0' && prev <= '9' &&
      is_ascii_digit_like(next_nonspace(g_utf8_next_char(q), end)))
    return c == 0xFF0D ? '-' : '.';
  return plain_of(c);
}

/* The character-level normalization. `marks` (n ascending byte offsets into
 * s, may be NULL) are rewritten in place into offsets of the result.
 * keep_phrase_space: one-line headline mode (see the convention above). */
static GString *norm_text_impl(const char *s, gsize len,
                               gboolean keep_phrase_space, gsize *marks,
                               guint n_marks) {
  GString *o = g_string_sized_new(len + 8);
  const char *p = s, *end = s + len;
  guint mi = 0;
  while (p < end) {
    while (mi < n_marks && marks[mi] <= (gsize)(p - s))
      marks[mi++] = o->len;
    gunichar c = g_utf8_get_char(p);
    const char *next = g_utf8_next_char(p);
    if (is_dropped(c)) {
      p = next;
      continue;
    }
    if (is_space(c)) {
      /* A run of spaces: at most one stays, between two ASCII graphic
       * characters as they will finally read. */
      const char *q = next;
      while (q < end && (is_space(g_utf8_get_char(q)) || is_dropped(g_utf8_get_char(q))))
        q = g_utf8_next_char(q);
      gunichar prev = last_cp(o), nx = final_form(prev, q, end);
      gboolean keep = is_ascii_graph(prev) && is_ascii_graph(nx);
      if (!keep && keep_phrase_space && is_ideo(prev) &&
          is_ideo(second_last_cp(o)) && q < end && is_ideo(nx)) {
        const char *q2 = g_utf8_next_char(q);
        keep = q2 < end && is_ideo(g_utf8_get_char(q2));
      }
      if (keep)
        g_string_append_c(o, ' ');
      p = q;
      continue;
    }
    if (fw_plain(c)) {
      /* A span of full-width letters and digits: NFKC on the span only. */
      const char *q = next;
      while (q < end && fw_plain(g_utf8_get_char(q)))
        q = g_utf8_next_char(q);
      while (mi < n_marks && marks[mi] < (gsize)(q - s))
        marks[mi++] = o->len;
      g_autofree char *nf = g_utf8_normalize(p, q - p, G_NORMALIZE_NFKC);
      if (nf)
        g_string_append(o, nf);
      else
        g_string_append_len(o, p, q - p);
      p = q;
      continue;
    }
    if (c == 0xFF0D || c == 0xFF0E) { /* － ． between digits */
      gunichar prev = last_cp(o), nx = next_nonspace(next, end);
      if (prev >= '0' && prev <= '9' && is_ascii_digit_like(nx)) {
        g_string_append_c(o, c == 0xFF0D ? '-' : '.');
        p = next;
        continue;
      }
    }
    gunichar fw = ascii_to_fullwidth_punct(c);
    if (fw && punct_goes_fullwidth(last_nonspace_cp(o), after_punct_run(next, end))) {
      g_string_append_unichar(o, fw);
      p = next;
      continue;
    }
    g_string_append_len(o, p, next - p);
    p = next;
  }
  while (mi < n_marks)
    marks[mi++] = o->len;
  return o;
}

char *zs_norm_text(const char *s, gssize len) {
  g_return_val_if_fail(s != NULL, NULL);
  gsize n = len < 0 ? strlen(s) : (gsize)len;
  if (!g_utf8_validate(s, n, NULL)) { /* never read past a broken tail */
    g_autofree char *valid = g_utf8_make_valid(s, n);
    return g_string_free(norm_text_impl(valid, strlen(valid), FALSE, NULL, 0), FALSE);
  }
  return g_string_free(norm_text_impl(s, n, FALSE, NULL, 0), FALSE);
}

/* ---- line classification ------------------------------------------------ */

static double display_width(const char *s) {
  double w = 0, trail = 0;
  gboolean started = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    double cw = (c < 0x80 || c == 0x00A0) ? 0.5 : 1.0;
    if (is_space(c)) {
      if (started)
        trail += cw;
      continue;
    }
    started = TRUE;
    w += trail + cw;
    trail = 0;
  }
  return w;
}

static gboolean is_closer(gunichar c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x300B || c == 0x3011 || c == '"' || c == '\'' ||
         c == ')';
}

static gboolean is_sentence_end(gunichar c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

static gboolean is_dash(gunichar c) {
  return c == 0x2014 || c == 0x2015 || c == 0x2500;
}

/* Last character of `s` before any closing quotes or brackets; *closers
 * tells whether there were some. */
static gunichar last_core(const char *s, gunichar *last) {
  const char *e = s + strlen(s);
  *last = 0;
  gunichar c = 0;
  while (e > s) {
    e = g_utf8_find_prev_char(s, e);
    c = g_utf8_get_char(e);
    if (!*last)
      *last = c;
    if (!is_closer(c))
      return c;
  }
  return 0;
}

static gboolean ends_sentence(const char *norm) {
  gunichar last;
  return is_sentence_end(last_core(norm, &last));
}

/* Ends in ……, a dash run, or a colon: the page closes paragraphs there. */
static gboolean ends_soft(const char *norm) {
  gsize n = strlen(norm);
  if (n < 3)
    return FALSE;
  const char *e = g_utf8_find_prev_char(norm, norm + n);
  gunichar c = g_utf8_get_char(e);
  if (c == 0x2026 || c == 0xFF1A || c == ':')
    return TRUE;
  if (is_dash(c) && e > norm) {
    const char *e2 = g_utf8_find_prev_char(norm, e);
    return e2 && is_dash(g_utf8_get_char(e2));
  }
  return FALSE;
}

/* Ends inside a clause: a paragraph never ends on these. */
static gboolean ends_open(const char *norm) {
  gsize n = strlen(norm);
  if (!n)
    return FALSE;
  gunichar c = g_utf8_get_char(g_utf8_find_prev_char(norm, norm + n));
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0x201C ||
         c == 0x2018 || c == 0xFF08 || c == 0x300A || c == 0x300C ||
         c == 0x300E || c == 0x3010;
}

static gboolean starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* 本报讯, 本报北京1月30日电, 新华社…电: a news dateline opens a paragraph. */
static gboolean starts_dateline(const char *norm) {
  if (starts_with(norm, "本报讯"))
    return TRUE;
  if (!starts_with(norm, "本报") && !starts_with(norm, "新华社") &&
      !starts_with(norm, "中新社") && !starts_with(norm, "新华网"))
    return FALSE;
  guint n = 0;
  for (const char *p = norm; *p && n < 24; p = g_utf8_next_char(p), n++) {
    if (starts_with(p, "日电"))
      return TRUE;
    gunichar c = g_utf8_get_char(p);
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF08)
      return FALSE;
  }
  return FALSE;
}

static gboolean starts_subtitle(const char *norm) {
  const char *p = norm;
  guint dashes = 0;
  while (*p && is_dash(g_utf8_get_char(p))) {
    dashes++;
    p = g_utf8_next_char(p);
  }
  return dashes >= 2 && !strstr(p, "，") && !strstr(p, "。");
}

static gboolean starts_block(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  if (starts_dateline(norm) || starts_with(norm, "（上接") ||
      starts_with(norm, "（接上") || starts_with(norm, "本报记者") ||
      starts_with(norm, "本报通讯员") || starts_with(norm, "本报特约") ||
      starts_with(norm, "（记者") || starts_with(norm, "（本报记者"))
    return TRUE;
  /* section markers ■ □ ● ◆ ◇ ▲ △ ★ ☆ ▶ */
  if ((c >= 0x25A0 && c <= 0x25FF) || c == 0x2605 || c == 0x2606)
    return TRUE;
  return starts_subtitle(norm);
}

static gboolean starts_quote(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E ||
         c == 0x300A || c == '"';
}

static gboolean starts_closing(const char *norm) {
  gunichar c = g_utf8_get_char(norm);
  return is_closer(c) || is_sentence_end(c) || c == 0xFF0C || c == 0x3001 ||
         c == 0xFF1B || c == 0xFF1A || c == 0x2026;
}

/* The column width of the page, or 0 when the layout has no column (one
 * paragraph a line): the most common width (>= MIN_COLUMN), if >= 40% of
 * lines and at least MIN_COLUMN_LINES are within two columns of it. */
static double column_width(const ZsNormalizer *n) {
  guint best = 0;
  for (guint i = MIN_COLUMN; i < HIST_MAX; i++)
    if (n->hist[i] > n->hist[best])
      best = i;
  if (best < MIN_COLUMN || n->nonblank == 0)
    return 0;
  guint near = 0;
  for (guint i = best - 2; i <= best + 2 && i < HIST_MAX; i++)
    near += n->hist[i];
  return near >= MIN_COLUMN_LINES && near * 10 >= n->nonblank * 4 ? best : 0;
}

static gboolean is_word_char(gunichar c) {
  return is_ideo(c) || is_ascii_alnum(c);
}

static void add_bigrams(GHashTable *set, const char *s) {
  gunichar prev = 0;
  for (const char *p = s; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!is_word_char(c)) {
      prev = 0;
      continue;
    }
    if (prev) {
      guint64 *k = g_new(guint64, 1);
      *k = ((guint64)prev << 32) | c;
      g_hash_table_add(set, k);
    }
    prev = c;
  }
}

/* Share of the bigrams of `s` that occur in `text`; *hits gets their count. */
static double bigram_share(const char *s, const char *text, guint *hits) {
  g_autoptr(GHashTable) a = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) b = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  add_bigrams(a, s);
  add_bigrams(b, text);
  guint h = 0;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, a);
  while (g_hash_table_iter_next(&it, &k, NULL))
    h += g_hash_table_contains(b, k);
  if (hits)
    *hits = h;
  guint n = g_hash_table_size(a);
  return n ? (double)h / n : 0;
}

static gboolean has_clause_punct(const char *norm) {
  static const char *const punct[] = {"，", "。", "！", "？", "；", "：", "、", "…"};
  for (guint i = 0; i < G_N_ELEMENTS(punct); i++)
    if (strstr(norm, punct[i]))
      return TRUE;
  return FALSE;
}

/* A headline printed after its body (PDF pages) can fill a column line.
 * It is a first line without punctuation after a finished sentence that
 * restates the text before it (>= 2 and >= 20% of its bigrams occur
 * there) while the lines after it start another topic (< 10%, and under a
 * quarter of the line's own share). */
static gboolean headline_after_body(const ZsNormalizer *n, const NormLine *a,
                                    const NormLine *b) {
  if (n->plines->len != 1 || !n->prev_ended || has_clause_punct(a->norm) ||
      a->width > LONG_LINE_WIDTH)
    return FALSE;
  guint hits;
  double share = bigram_share(a->norm, n->recent->str, &hits);
  if (hits < 2 || share < 0.2)
    return FALSE;
  g_autoptr(GString) next = g_string_new(b->norm);
  for (GList *l = n->pending.head; l && next->len < LOOKAHEAD_TEXT; l = l->next)
    g_string_append(next, ((NormLine *)l->data)->norm);
  double next_share = bigram_share(next->str, n->recent->str, NULL);
  return next_share < 0.1 && share >= 4 * next_share;
}

/* Does line A continue into line B (the next non-blank line)? */
static gboolean decide_join(const ZsNormalizer *n, const NormLine *a,
                            const NormLine *b) {
  /* A subtitle (leading dash run) is a paragraph of its own. */
  if (a->heading || b->heading || starts_block(b->norm) ||
      starts_subtitle(a->norm))
    return FALSE;
  /* No line of Chinese type starts with a closing mark (避头 rule): a
   * line that does continues the previous one, even after a sentence end. */
  if (starts_closing(b->norm))
    return TRUE;
  if (ends_sentence(a->norm) || ends_soft(a->norm))
    return ends_soft(a->norm) && g_str_has_suffix(a->norm, "：") &&
           starts_quote(b->norm);
  if (ends_open(a->norm))
    return TRUE;
  double col = column_width(n);
  if (a->width < LONG_LINE_WIDTH && !(col > 0 && a->width >= col * 0.8))
    return FALSE;
  return !headline_after_body(n, a, b);
}

/* ---- decoding ---------------------------------------------------------- */

static void warn(GPtrArray *w, const ZsNormalizer *n, guint line,
                 const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static void warn(GPtrArray *w, const ZsNormalizer *n, guint line,
                 const char *fmt, ...) {
  if (!w)
    return;
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_ptr_array_add(w, g_strdup_printf("%s:%u: %s", n->file, line, msg));
}

/* Valid UTF-8 from a raw line: invalid bytes become U+FFFD, NULs go.
 * One warning of each kind per line. */
static char *sanitize_line(const ZsNormalizer *n, const char *s, gsize len,
                           guint lineno, guint64 base, GPtrArray *w) {
  GString *o = g_string_sized_new(len);
  gboolean warned_utf8 = FALSE, warned_nul = FALSE;
  const char *p = s, *end = s + len;
  while (p < end) {
    const char *bad;
    if (g_utf8_validate(p, end - p, &bad)) {
      g_string_append_len(o, p, end - p);
      break;
    }
    g_string_append_len(o, p, bad - p);
    if (*bad == '\0') {
      if (!warned_nul)
        warn(w, n, lineno, "NUL byte dropped at byte %" G_GUINT64_FORMAT,
             base + (guint64)(bad - s));
      warned_nul = TRUE;
    } else {
      if (!warned_utf8)
        warn(w, n, lineno, "invalid UTF-8 at byte %" G_GUINT64_FORMAT,
             base + (guint64)(bad - s));
      warned_utf8 = TRUE;
      g_string_append(o, "\xEF\xBF\xBD");
    }
    p = bad + 1;
  }
  return g_string_free(o, FALSE);
}

static void norm_line_free(NormLine *l) {
  if (!l)
    return;
  g_free(l->raw);
  g_free(l->norm);
  g_free(l);
}

/* A one-line paragraph that reads as a headline: phrase spaces stay. */
static gboolean headline_like(const char *norm, double width) {
  static const char *const punct[] = {"，", "。", "！", "？", "；", "：", "、"};
  if (width > 30)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS(punct); i++)
    if (strstr(norm, punct[i]))
      return FALSE;
  return TRUE;
}

static void emit_para(ZsNormalizer *n, GPtrArray *out) {
  if (!n->plast)
    return;
  guint nl = n->plines->len;
  gsize *marks = (gsize *)(void *)n->pmarks->data;
  gboolean phrase = nl == 1 && headline_like(n->plast->norm, n->plast->width);
  GString *t = norm_text_impl(n->ptext->str, n->ptext->len, phrase, marks, nl);
  ZsPara *p = g_new0(ZsPara, 1);
  p->line = g_array_index(n->plines, guint, 0);
  p->last_line = n->plast->lineno;
  p->n_lines = nl;
  p->markdown_heading = n->pheading;
  p->text = g_string_free(t, FALSE);
  if (nl > 1) {
    p->line_offsets = g_array_copy(n->pmarks);
    p->line_numbers = g_array_copy(n->plines);
  }
  g_ptr_array_add(out, p);
  n->prev_ended = ends_sentence(p->text);
  g_string_append(n->recent, p->text);
  if (n->recent->len > 2 * RECENT_BYTES) {
    const char *cut = g_utf8_find_next_char(
        n->recent->str + n->recent->len - RECENT_BYTES - 1, NULL);
    g_string_erase(n->recent, 0, cut - n->recent->str);
  }
  g_string_truncate(n->ptext, 0);
  g_array_set_size(n->pmarks, 0);
  g_array_set_size(n->plines, 0);
  g_clear_pointer(&n->plast, norm_line_free);
  n->pheading = FALSE;
}

/* Places line `l` (taken) into the current paragraph or a new one. */
static void place_line(ZsNormalizer *n, NormLine *l, GPtrArray *out) {
  if (n->plast && !decide_join(n, n->plast, l))
    emit_para(n, out);
  gsize off = n->ptext->len;
  g_array_append_val(n->pmarks, off);
  g_array_append_val(n->plines, l->lineno);
  g_string_append(n->ptext, l->raw);
  if (l->heading)
    n->pheading = TRUE;
  norm_line_free(n->plast);
  g_free(l->raw);
  l->raw = NULL;
  n->plast = l;
}

static void drain(ZsNormalizer *n, gboolean all, GPtrArray *out) {
  while (!g_queue_is_empty(&n->pending) &&
         (all || n->pending_bytes > WARMUP_BYTES ||
          (n->pending.length > LOOKAHEAD && n->nonblank >= WARMUP_LINES))) {
    NormLine *l = g_queue_pop_head(&n->pending);
    n->pending_bytes -= strlen(l->raw);
    place_line(n, l, out);
  }
}

/* "## text": the heading's text without the markers, or NULL. */
static const char *markdown_heading(const char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  guint k = 0;
  while (s[k] == '#')
    k++;
  if (k < 1 || k > 6 || (s[k] != ' ' && s[k] != '\t'))
    return NULL;
  return s + k;
}

static void end_line(ZsNormalizer *n, GPtrArray *out, GPtrArray *w) {
  guint lineno = ++n->lineno;
  const char *s = n->cur->str;
  gsize len = n->cur->len;
  if (lineno == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    len -= 3;
  }
  if (len > LONG_LINE_BYTES)
    warn(w, n, lineno, "line of %" G_GSIZE_FORMAT " bytes", len);
  char *raw = sanitize_line(n, s, len, lineno, n->line_off, w);
  g_string_truncate(n->cur, 0);
  NormLine *l = g_new0(NormLine, 1);
  const char *h = markdown_heading(raw);
  if (h) {
    l->heading = TRUE;
    l->raw = g_strdup(h);
    g_free(raw);
  } else {
    l->raw = raw;
  }
  l->norm = zs_norm_text(l->raw, -1);
  if (!*l->norm) {
    norm_line_free(l);
    return;
  }
  l->lineno = lineno;
  l->width = display_width(l->raw);
  n->nonblank++;
  guint b = (guint)l->width;
  n->hist[b < HIST_MAX ? b : HIST_MAX - 1]++;
  n->pending_bytes += strlen(l->raw);
  g_queue_push_tail(&n->pending, l);
  drain(n, FALSE, out);
}

/* ---- public API --------------------------------------------------------- */

ZsNormalizer *zs_norm_new(const char *file) {
  ZsNormalizer *n = g_new0(ZsNormalizer, 1);
  n->file = g_strdup(file ? file : "-");
  n->cur = g_string_new(NULL);
  g_queue_init(&n->pending);
  n->ptext = g_string_new(NULL);
  n->pmarks = g_array_new(FALSE, FALSE, sizeof(gsize));
  n->plines = g_array_new(FALSE, FALSE, sizeof(guint));
  n->recent = g_string_new(NULL);
  return n;
}

void zs_norm_free(ZsNormalizer *n) {
  if (!n)
    return;
  g_free(n->file);
  g_string_free(n->cur, TRUE);
  g_queue_clear_full(&n->pending, (GDestroyNotify)norm_line_free);
  g_string_free(n->ptext, TRUE);
  g_array_unref(n->pmarks);
  g_array_unref(n->plines);
  norm_line_free(n->plast);
  g_string_free(n->recent, TRUE);
  g_free(n);
}

void zs_norm_feed(ZsNormalizer *n, const char *data, gsize len,
                  GPtrArray *out, GPtrArray *warnings) {
  const char *p = data, *end = data + len;
  while (p < end) {
    if (n->pending_cr) {
      n->pending_cr = FALSE;
      if (*p == '\n') {
        p++;
        n->offset++;
        n->line_off = n->offset;
        continue;
      }
    }
    const char *nl = p;
    while (nl < end && *nl != '\n' && *nl != '\r')
      nl++;
    g_string_append_len(n->cur, p, nl - p);
    n->offset += nl - p;
    if (nl == end)
      break;
    if (*nl == '\r')
      n->pending_cr = TRUE;
    n->offset++;
    end_line(n, out, warnings);
    n->line_off = n->offset;
    p = nl + 1;
  }
}

void zs_norm_finish(ZsNormalizer *n, GPtrArray *out, GPtrArray *warnings) {
  if (n->cur->len)
    end_line(n, out, warnings);
  drain(n, TRUE, out);
  emit_para(n, out);
}

ZsDoc *zs_norm_document(const char *file, const char *data, gsize len,
                        GPtrArray *warnings) {
  g_autoptr(ZsNormalizer) n = zs_norm_new(file);
  ZsDoc *doc = g_new0(ZsDoc, 1);
  doc->file = g_strdup(file ? file : "-");
  doc->paras = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  zs_norm_feed(n, data, len, doc->paras, warnings);
  zs_norm_finish(n, doc->paras, warnings);
  return doc;
}
