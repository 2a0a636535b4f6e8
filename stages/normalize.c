/* normalize.c: bytes -> paragraphs of clean text, streaming.
 *
 * Two layers. zs_norm_text() (normtext.c) is the character-level convention
 * (full-width forms, ASCII punctuation between Chinese characters, spaces);
 * it is the whole of what "normalized" means for a single string, and other
 * stages use it. The normalizer around it decodes bytes into lines, repairs encoding
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
 *   - Scraped HTML (htmltext.c): entities decoded, <br> </p> end a line.
 *   - Reflow (see decide_join): a line continues into the next non-blank line
 *     when it does not end a paragraph: no sentence end, no trailing ……, ——
 *     or ：, and it is either a full column line (PDF), a long line (> 40
 *     columns, markdown-like) or ends inside a clause (，、；). Headings,
 *     datelines, subtitles and section markers always start a paragraph.
 */
#include "normalize.h"
#include "classify.h"
#include "normtext.h"
#include "htmltext.h"
#include "lines.h"
#include "utf8.h"
#include "window.h"

#include <string.h>

/* Lines held back before the column width is known. */
#define WARMUP_LINES 32
#define WARMUP_BYTES (1u << 20)
/* A line is read in pieces of about this size, cut at sentence ends, and
 * cut anywhere past PIECE_MAX with no sentence end. */
#ifndef PIECE_BYTES /* the fuzz build (make fuzz) makes them small */
#define PIECE_BYTES (1u << 20)
#endif
#ifndef PIECE_MAX
#define PIECE_MAX (4u << 20)
#endif
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

/* Lines are recycled (see line_new()): their two buffers are kept. */
typedef struct {
  GString *raw;     /* decoded line, valid UTF-8, markdown markers removed;
                       emptied once the line is placed */
  GString *norm;    /* zs_norm_text(raw) */
  guint lineno;
  double width;     /* display width in CJK columns, ASCII counts half */
  gboolean heading;
  gboolean cut;     /* a piece of an over-long line: see take_line() */
  double indent;    /* leading spaces, in CJK columns (U+3000 is 1) */
  gint8 meta;       /* zs_class_is_meta(norm), or -1 before it is asked */
  gboolean alone;   /* norm reads the same after any text: zs_normtext_into() */
  GList link;       /* in ZsNormalizer.pending, data = the line: no allocation */
} NormLine;

struct ZsNormalizer {
  char *file;
  GString *cur;       /* bytes of the physical line being read */
  gboolean pending_cr;
  guint64 offset;     /* input bytes consumed */
  guint64 line_off;   /* input offset of the start of `cur` */
  guint lineno;       /* number of lines completed */
  guint64 line_bytes; /* bytes of the current line taken as pieces */
  GQueue pending;     /* NormLine*, warm-up look-ahead */
  gsize pending_bytes;
  guint nonblank;
  guint hist[HIST_MAX]; /* widths of lines, by whole column */
  guint hist_best;      /* the first of 0, MIN_COLUMN.. HIST_MAX - 1 with the
                           most lines: see count_width() */
  /* paragraph under construction */
  GString *ptext;
  GArray *pmarks;     /* gsize: raw offset of each joined line */
  GArray *plines;     /* guint: its input line */
  NormLine *plast;    /* last line placed (owned) */
  /* While every line of the paragraph is `alone`, its normalized text is
   * the lines' own normalized texts end to end, and is not made again
   * (unless its phrase spaces count: zs_line_headline_like()). */
  gboolean palone;
  GString *pnorm;     /* the lines' norm, end to end */
  GArray *pnmarks;    /* gsize: offset of each in pnorm */
  gboolean pheading;
  double pindent;     /* indent of its first line */
  gboolean prev_ended;  /* the previous paragraph ended a sentence */
  ZsWindow *recent;     /* the end of the text emitted so far */
  GPtrArray *spare;     /* NormLine*, recycled */
  GString *next;        /* scratch: the text after a line, headline_after_body() */
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

/* ---- line classification ------------------------------------------------ */

/* The column width of the page, or 0 when the layout has no column (one
 * paragraph a line): the most common width (>= MIN_COLUMN), if >= 40% of
 * lines and at least MIN_COLUMN_LINES are within two columns of it. */
static double column_width(const ZsNormalizer *n) {
  guint best = n->hist_best;
  if (best < MIN_COLUMN || n->nonblank == 0)
    return 0;
  guint near = 0;
  for (guint i = best - 2; i <= best + 2 && i < HIST_MAX; i++)
    near += n->hist[i];
  return near >= MIN_COLUMN_LINES && near * 10 >= n->nonblank * 4 ? best : 0;
}

/* Counts a line of `col` whole columns. The most common width is kept as
 * the counts grow instead of searched for on each join: counts only grow,
 * so the first width (in the order 0, MIN_COLUMN, ..., HIST_MAX - 1) with
 * the most lines changes only to the width just counted, when it has more
 * lines than the old one, or as many and comes first. */
static void count_width(ZsNormalizer *n, guint col) {
  n->hist[col]++;
  if (col != 0 && col < MIN_COLUMN)
    return;
  guint best = n->hist_best;
  if (n->hist[col] > n->hist[best] || (n->hist[col] == n->hist[best] && col < best))
    n->hist_best = col;
}

/* A headline printed after its body (PDF pages) can fill a column line.
 * It is a first line without punctuation after a finished sentence that
 * restates the text before it (>= 2 and >= 20% of its bigrams occur
 * there) while the lines after it start another topic (< 10%, and under a
 * quarter of the line's own share). */
static gboolean headline_after_body(ZsNormalizer *n, const NormLine *a,
                                    const NormLine *b) {
  if (n->plines->len != 1 || !n->prev_ended || zs_line_has_clause_punct(a->norm->str) ||
      a->width > LONG_LINE_WIDTH)
    return FALSE;
  /* the line, and the text after it: both shares from one read of the
   * window */
  GString *next = n->next;
  g_string_assign(next, b->norm->str);
  for (GList *l = n->pending.head; l && next->len < LOOKAHEAD_TEXT; l = l->next)
    g_string_append_len(next, ((NormLine *)l->data)->norm->str,
                        ((NormLine *)l->data)->norm->len);
  const char *qs[] = {a->norm->str, next->str};
  double share[2];
  guint hits[2];
  zs_window_shares(n->recent, 2, qs, share, hits);
  if (hits[0] < 2 || share[0] < 0.2)
    return FALSE;
  return share[1] < 0.1 && share[0] >= 4 * share[1];
}

/* zs_class_is_endnote(): an editor's note, （责任编辑：王震） or （完）. Its
 * pattern (classify.c) must match the whole line and ends in a closing
 * bracket, ） ) 】 ] ］ or 〕: a line ending otherwise is none (an empty
 * one aside, which no line here is), and the regular expression is
 * spared. */
static gboolean is_endnote(const NormLine *l) {
  const char *s = l->norm->str, *last = s + l->norm->len;
  if (last > s) {
    do
      last--;
    while (last > s && ((guchar)*last & 0xC0) == 0x80);
    gunichar c = zs_utf8_next(&last);
    if (c != 0xFF09 && c != ')' && c != 0x3011 && c != ']' && c != 0xFF3D && c != 0x3015)
      return FALSE;
  }
  return zs_class_is_endnote(l->norm->str, l->norm->len);
}

static gboolean is_meta(NormLine *l) {
  if (l->meta < 0)
    l->meta = (gint8)zs_class_is_meta(l->norm->str);
  return l->meta;
}

/* What the shape of two lines says about joining them. */
typedef enum { SPLIT, JOIN, JOIN_UNLESS_HEADLINE } Layout;

static Layout layout(const ZsNormalizer *n, const NormLine *a, const NormLine *b) {
  const char *an = a->norm->str, *bn = b->norm->str;
  /* No line of Chinese type starts with a closing mark (避头 rule): a
   * line that does continues the previous one, even after a sentence end. */
  if (zs_line_starts_closing(bn))
    return JOIN;
  if (zs_line_ends_sentence(an) || zs_line_ends_soft(an))
    return zs_line_ends_soft(an) && g_str_has_suffix(an, "：") && zs_line_starts_quote(bn)
               ? JOIN
               : SPLIT;
  /* An indented line starts a paragraph: deeper than the line before, or,
   * in a free layout (no column), indented at all (web pages indent each
   * paragraph with U+3000). In a column, not after a full line that stops
   * mid-sentence: that indent is extraction noise, and the sentence goes on. */
  double col = column_width(n);
  if ((b->indent >= a->indent + 1 && !(col > 0 && a->width >= col * 0.8)) ||
      (col == 0 && b->indent >= 1 && b->indent >= a->indent))
    return SPLIT;
  /* ...and goes on over the lines not indented, to a sentence end */
  if (n->pindent >= 1 && b->indent < 1)
    return JOIN;
  if (zs_line_ends_open(an) || zs_line_colon_fragment(an))
    return JOIN;
  if (a->width < LONG_LINE_WIDTH && !(col > 0 && a->width >= col * 0.8))
    return SPLIT;
  return JOIN_UNLESS_HEADLINE;
}

/* Does line A continue into line B (the next non-blank line)? Every test
 * here is a pure function of the lines and the page, so the costly ones
 * (regular expressions, the topic window) come last, and only when the
 * cheap ones would join. */
static gboolean decide_join(ZsNormalizer *n, NormLine *a, NormLine *b) {
  /* a paragraph stops growing past PIECE_MAX, as a line does */
  if (n->ptext->len > PIECE_MAX)
    return FALSE;
  /* A subtitle (leading dash run) is a paragraph of its own. */
  if (a->heading || b->heading || a->cut || zs_line_starts_subtitle(a->norm->str))
    return FALSE;
  Layout how = layout(n, a, b);
  if (how == SPLIT)
    return FALSE;
  /* web page metadata (来源：…, 编辑：X) and editor's notes stand alone
   * (zs_class_is_meta() last: it costs the most) */
  if (zs_line_starts_block(b->norm->str) || is_endnote(b) || is_meta(a) || is_meta(b))
    return FALSE;
  return how == JOIN || !headline_after_body(n, a, b);
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

/* Valid UTF-8 from a raw line into `o` (emptied first): invalid bytes
 * become U+FFFD, NULs go. One warning of each kind per line. */
static void sanitize_line(const ZsNormalizer *n, const char *s, gsize len, guint lineno,
                          guint64 base, GPtrArray *w, GString *o) {
  g_string_truncate(o, 0);
  if (zs_normtext_clean(s, len)) { /* most lines */
    g_string_append_len(o, s, len);
    return;
  }
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
}

static void line_free(NormLine *l) {
  if (!l)
    return;
  g_string_free(l->raw, TRUE);
  g_string_free(l->norm, TRUE);
  g_free(l);
}

/* A line with empty buffers: a recycled one, so that reading a line costs
 * no allocation once the first few are made. */
static NormLine *line_new(ZsNormalizer *n) {
  NormLine *l;
  if (n->spare->len) {
    l = g_ptr_array_steal_index_fast(n->spare, n->spare->len - 1);
    GString *raw = l->raw, *norm = l->norm;
    *l = (NormLine){.raw = raw, .norm = norm};
  } else {
    l = g_new0(NormLine, 1);
    l->raw = g_string_sized_new(256);
    l->norm = g_string_sized_new(256);
  }
  l->meta = -1;
  return l;
}

/* Gives `l` back for reuse; the buffers of an over-long line go. */
static void line_recycle(ZsNormalizer *n, NormLine *l) {
  if (!l)
    return;
  if (l->raw->allocated_len > 65536 || l->norm->allocated_len > 65536) {
    line_free(l);
    return;
  }
  g_string_truncate(l->raw, 0);
  g_string_truncate(l->norm, 0);
  g_ptr_array_add(n->spare, l);
}

static void emit_para(ZsNormalizer *n, GPtrArray *out) {
  if (!n->plast)
    return;
  guint nl = n->plines->len;
  gsize *marks = (gsize *)(void *)n->pmarks->data;
  gboolean phrase = nl == 1 && zs_line_headline_like(n->plast->norm->str, n->plast->width);
  GString *t;
  if (n->palone && !phrase) {
    t = g_string_new_len(n->pnorm->str, n->pnorm->len);
    memcpy(marks, n->pnmarks->data, nl * sizeof *marks);
  } else {
    t = zs_normtext_run(n->ptext->str, n->ptext->len, phrase, marks, nl);
  }
  g_autofree char *names = phrase ? zs_line_names(n->ptext->str) : NULL;
  if (names) {
    g_string_assign(t, names);
    marks[0] = 0;
  }
  ZsPara *p = g_new0(ZsPara, 1);
  p->line = g_array_index(n->plines, guint, 0);
  p->last_line = n->plast->lineno;
  p->n_lines = nl;
  p->markdown_heading = n->pheading;
  gsize tlen = t->len;
  p->text = g_string_free(t, FALSE);
  if (nl > 1) {
    p->line_offsets = g_array_copy(n->pmarks);
    p->line_numbers = g_array_copy(n->plines);
  }
  g_ptr_array_add(out, p);
  n->prev_ended = zs_line_ends_sentence(p->text);
  zs_window_append(n->recent, p->text, tlen);
  gsize rlen = zs_window_len(n->recent);
  if (rlen > 2 * RECENT_BYTES) {
    const char *text = zs_window_text(n->recent);
    const char *cut = g_utf8_find_next_char(text + rlen - RECENT_BYTES - 1, NULL);
    zs_window_cut(n->recent, cut - text);
  }
  g_string_truncate(n->ptext, 0);
  g_array_set_size(n->pmarks, 0);
  g_array_set_size(n->plines, 0);
  g_string_truncate(n->pnorm, 0);
  g_array_set_size(n->pnmarks, 0);
  line_recycle(n, g_steal_pointer(&n->plast));
  n->pheading = FALSE;
}

/* Places line `l` (taken) into the current paragraph or a new one. */
static void place_line(ZsNormalizer *n, NormLine *l, GPtrArray *out) {
  if (n->plast && !decide_join(n, n->plast, l))
    emit_para(n, out);
  gsize off = n->ptext->len;
  if (off == 0) {
    n->pindent = l->indent;
    n->palone = TRUE;
  }
  g_array_append_val(n->pmarks, off);
  g_array_append_val(n->plines, l->lineno);
  /* A continuation line's indent is layout, not text: "107." + "　1万个"
   * is 107.1万个, with nothing between. */
  const char *raw = l->raw->str, *end = raw + l->raw->len;
  if (off > 0)
    while (*raw && zs_normtext_is_space(g_utf8_get_char(raw)))
      raw = g_utf8_next_char(raw);
  /* no run of full-width forms across the joint (U+FF00-FFEF, led by
   * EF BC, EF BD, EF BE or EF BF, holds them all) */
  n->palone &= l->alone && !(off > 0 && end - raw >= 3 && off >= 3 &&
                             (guchar)raw[0] == 0xEF && (guchar)raw[1] >= 0xBC &&
                             (guchar)n->ptext->str[off - 3] == 0xEF &&
                             (guchar)n->ptext->str[off - 2] >= 0xBC);
  if (n->palone) {
    gsize noff = n->pnorm->len;
    g_array_append_val(n->pnmarks, noff);
    g_string_append_len(n->pnorm, l->norm->str, l->norm->len);
  }
  g_string_append_len(n->ptext, raw, end - raw);
  if (l->heading)
    n->pheading = TRUE;
  line_recycle(n, n->plast);
  g_string_truncate(l->raw, 0);
  n->plast = l;
}

static void drain(ZsNormalizer *n, gboolean all, GPtrArray *out) {
  while (!g_queue_is_empty(&n->pending) &&
         (all || n->pending_bytes > WARMUP_BYTES ||
          (n->pending.length > LOOKAHEAD && n->nonblank >= WARMUP_LINES))) {
    NormLine *l = g_queue_pop_head_link(&n->pending)->data;
    n->pending_bytes -= l->raw->len;
    place_line(n, l, out);
  }
}

/* Queues line `l` (taken, its raw text filled in): `first` when it starts
 * an input line, `cut` when the input line goes on after it. */
static void add_line(ZsNormalizer *n, NormLine *l, guint lineno, gboolean first,
                     gboolean cut, GPtrArray *out) {
  l->cut = cut;
  /* the indent is read in the first 64 bytes, markers included */
  l->indent = first ? zs_line_indent(l->raw->str, MIN(l->raw->len, 64)) : 0;
  const char *h = first ? zs_line_markdown_heading(l->raw->str) : NULL;
  if (h) {
    l->heading = TRUE;
    g_string_erase(l->raw, 0, h - l->raw->str);
  }
  l->alone = zs_normtext_into(l->norm, l->raw->str, l->raw->len, FALSE, NULL, 0);
  if (!l->norm->len) {
    line_recycle(n, l);
    return;
  }
  l->lineno = lineno;
  l->width = zs_line_width(l->raw->str, l->raw->len);
  n->nonblank++;
  guint b = (guint)l->width;
  count_width(n, b < HIST_MAX ? b : HIST_MAX - 1);
  n->pending_bytes += l->raw->len;
  l->link.data = l;
  g_queue_push_tail_link(&n->pending, &l->link);
  drain(n, FALSE, out);
}

/* Takes the first `len` bytes at `s` (the line being read: n->cur, or the
 * input itself when it holds the whole line and n->cur is empty; all of it
 * unless `piece`) as a line: decoded, normalized, queued for reflow. A
 * piece is a part of an over-long line that ends at a sentence end (see
 * piece_end()), so a huge line never sits in memory whole; the pieces keep
 * its line number. */
static void take_line(ZsNormalizer *n, const char *s, gsize len, gboolean piece,
                      GPtrArray *out, GPtrArray *w) {
  guint lineno = n->lineno + 1;
  gboolean first = n->line_bytes == 0;
  gsize skip = 0;
  if (lineno == 1 && first && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  if (piece && first)
    warn(w, n, lineno, "line longer than %u bytes: read in pieces", (guint)PIECE_BYTES);
  n->line_bytes += len;
  if (!piece) {
    n->lineno++;
    n->line_bytes = 0;
  }
  NormLine *l = line_new(n);
  sanitize_line(n, s + skip, len - skip, lineno, n->line_off + skip, w, l->raw);
  if (piece) {
    g_string_erase(n->cur, 0, len);
    n->line_off += len;
  } else {
    g_string_truncate(n->cur, 0);
  }
  /* scraped HTML: entities decoded, a <br> ends a line */
  const char *raw = l->raw->str;
  if (memchr(raw, '&', l->raw->len) || memchr(raw, '<', l->raw->len)) {
    g_auto(GStrv) html = zs_html_pieces(raw);
    for (guint i = 0; html[i]; i++) {
      NormLine *hl = line_new(n);
      g_string_assign(hl->raw, html[i]);
      add_line(n, hl, lineno, first || i > 0, piece && html[i + 1] == NULL, out);
    }
    line_recycle(n, l);
    return;
  }
  add_line(n, l, lineno, first, piece, out);
}

static void end_line(ZsNormalizer *n, GPtrArray *out, GPtrArray *w) {
  take_line(n, n->cur->str, n->cur->len, FALSE, out, w);
}

/* Where the line being read can be cut: after its last sentence end
 * (。！？ and the closing marks after it) that is followed by more text,
 * or 0. Past PIECE_MAX bytes without one, at the last character boundary:
 * the only case where a sentence is cut in two. */
static gsize piece_end(const GString *cur) {
  const char *s = cur->str, *e = s + cur->len;
  const char *p = e;
  while (p > s) {
    p = g_utf8_find_prev_char(s, p);
    if (!p)
      break;
    if (e - p > (gssize)PIECE_BYTES)
      break;
    gunichar c = g_utf8_get_char_validated(p, e - p);
    if (c != 0x3002 && c != 0xFF01 && c != 0xFF1F)
      continue;
    const char *q = g_utf8_next_char(p);
    while (q < e) {
      gunichar d = g_utf8_get_char_validated(q, e - q);
      if (d == (gunichar)-2 || d == (gunichar)-1 ||
          !(zs_line_is_closer(d) || zs_line_is_stop(d)))
        break;
      q = g_utf8_next_char(q);
    }
    if (q < e && g_utf8_get_char_validated(q, e - q) < 0x110000)
      return q - s;
  }
  if (cur->len <= PIECE_MAX)
    return 0;
  p = g_utf8_find_prev_char(s, e);
  return p && p > s ? (gsize)(p - s) : 0;
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
  n->recent = zs_window_new();
  n->spare = g_ptr_array_new_with_free_func((GDestroyNotify)line_free);
  n->next = g_string_new(NULL);
  n->pnorm = g_string_new(NULL);
  n->pnmarks = g_array_new(FALSE, FALSE, sizeof(gsize));
  return n;
}

void zs_norm_free(ZsNormalizer *n) {
  if (!n)
    return;
  g_free(n->file);
  g_string_free(n->cur, TRUE);
  while (!g_queue_is_empty(&n->pending))
    line_free(g_queue_pop_head_link(&n->pending)->data);
  g_string_free(n->ptext, TRUE);
  g_array_unref(n->pmarks);
  g_array_unref(n->plines);
  line_free(n->plast);
  zs_window_free(n->recent);
  g_ptr_array_unref(n->spare);
  g_string_free(n->next, TRUE);
  g_string_free(n->pnorm, TRUE);
  g_array_unref(n->pnmarks);
  g_free(n);
}

void zs_norm_feed(ZsNormalizer *n, const char *data, gsize len,
                  GPtrArray *out, GPtrArray *warnings) {
  const char *p = data, *end = data + len;
  const char *lf = NULL; /* the next \n at or after p, or end: a cache */
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
    if (!lf || lf < p) {
      lf = memchr(p, '\n', end - p);
      if (!lf)
        lf = end;
    }
    const char *nl = memchr(p, '\r', lf - p);
    if (!nl)
      nl = lf;
    if (n->cur->len == 0 && nl < end && (gsize)(nl - p) <= PIECE_BYTES) {
      /* The whole line is in this chunk and too short to be cut in pieces:
       * read from the chunk itself, not copied into n->cur first. */
      n->offset += nl - p + 1;
      if (*nl == '\r')
        n->pending_cr = TRUE;
      take_line(n, p, nl - p, FALSE, out, warnings);
      n->line_off = n->offset;
      p = nl + 1;
      continue;
    }
    /* a piece at a time, so cutting pieces off the front stays linear */
    for (const char *q = p; q < nl;) {
      gsize step = MIN((gsize)(nl - q), PIECE_BYTES);
      g_string_append_len(n->cur, q, step);
      q += step;
      while (n->cur->len > PIECE_BYTES) {
        gsize cut = piece_end(n->cur);
        if (!cut)
          break;
        take_line(n, n->cur->str, cut, TRUE, out, warnings);
      }
    }
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
