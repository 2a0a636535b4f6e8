/* reflow.c: lines -> paragraphs, the second half of the normalizer (the
 * first, normalize.c, reads bytes into lines).
 *
 * A line continues into the next non-blank line when it does not end a
 * paragraph (see decide_join(); the rules are written at the top of
 * normalize.c). Lines are held back a few at a time: before the page's
 * column width is known, and as look-ahead for the topic-shift test. A
 * paragraph keeps a map from each byte offset back to its input line.
 */
#include "normalize_int.h"
#include "classify.h"
#include "lines.h"
#include "normtext.h"
#include "utf8.h"

#include <string.h>

/* ---- line classification ------------------------------------------------ */

/* The column width of the page, or 0 when the layout has no column (one
 * paragraph a line): the most common width (>= MIN_COLUMN), if >= 40% of
 * lines and at least MIN_COLUMN_LINES are within two columns of it. */
static double column_width(const ZsNormalizer *n) {
  guint best = n->hist_best;
  if (best < MIN_COLUMN || n->nonblank == 0)
    return 0;
  guint near = n->hist_near;
  return near >= MIN_COLUMN_LINES && near * 10 >= n->nonblank * 4 ? best : 0;
}

/* Lines within two columns of `best` (>= MIN_COLUMN). */
static guint near_count(const ZsNormalizer *n, guint best) {
  guint near = 0;
  for (guint i = best - 2; i <= best + 2 && i < HIST_MAX; i++)
    near += n->hist[i];
  return near;
}

/* Counts a line of `col` whole columns. The most common width is kept as
 * the counts grow instead of searched for on each join: counts only grow,
 * so the first width (in the order 0, MIN_COLUMN, ..., HIST_MAX - 1) with
 * the most lines changes only to the width just counted, when it has more
 * lines than the old one, or as many and comes first. */
static void count_width(ZsNormalizer *n, guint col) {
  n->hist[col]++;
  guint best = n->hist_best;
  /* hist_near follows the counts near the best width, counted again when
   * that changes (it is read only while the best is >= MIN_COLUMN) */
  if (col + 2 >= best && col <= best + 2)
    n->hist_near++;
  if (col != 0 && col < MIN_COLUMN)
    return;
  if (n->hist[col] > n->hist[best] || (n->hist[col] == n->hist[best] && col < best)) {
    n->hist_best = col;
    n->hist_near = col >= MIN_COLUMN ? near_count(n, col) : 0;
  }
}

/* A headline printed after its body (PDF pages) can fill a column line.
 * It is a first line without punctuation after a finished sentence that
 * restates the text before it (>= 2 and >= 20% of its bigrams occur
 * there) while the lines after it start another topic (< 10%, and under a
 * quarter of the line's own share). */
static gboolean headline_after_body(ZsNormalizer *n, const NormLine *a,
                                    const NormLine *b) {
  if (n->plen != 1 || !n->prev_ended || (a->punct & ZS_PUNCT_CLAUSE) ||
      a->width > LONG_LINE_WIDTH)
    return FALSE;
  /* the line, and the text after it: both shares from one read of the
   * window */
  GString *next = n->next;
  zs_gstring_clear(next);
  zs_gstring_append(next, b->norm, b->nlen);
  for (const NormLine *l = n->pending; l && next->len < LOOKAHEAD_TEXT; l = l->next)
    zs_gstring_append(next, l->norm, l->nlen);
  const char *qs[] = {a->norm, next->str};
  double share[2];
  guint hits[2];
  /* once the text after it shares 10%, the line is no headline (the
   * rest of the window need not be read) */
  if (zs_window_shares_upto(n->recent, 2, qs, 1, 0.1, share, hits))
    return FALSE;
  if (hits[0] < 2 || share[0] < 0.2)
    return FALSE;
  return share[1] < 0.1 && share[0] >= 4 * share[1];
}

/* zs_class_is_endnote(): an editor's note, （责任编辑：王震） or （完）. Its
 * pattern (classify.c) must match the whole line and ends in a closing
 * bracket, ） ) 】 ] ］ or 〕: a line ending otherwise is none (no line
 * here is empty), and the regular expression is spared. */
static gboolean is_endnote(const NormLine *l) {
  gunichar c = l->end.last;
  if (c - 0x3016u <= 0xFF08u - 0x3016u) /* none of them, as the ideographs */
    return FALSE;
  if (c != 0xFF09 && c != ')' && c != 0x3011 && c != ']' && c != 0xFF3D && c != 0x3015)
    return FALSE;
  return zs_class_is_endnote(l->norm, l->nlen);
}

static gboolean is_meta(NormLine *l) {
  if (l->meta < 0)
    l->meta = (gint8)(zs_line_may_be_meta_p(l->norm, l->first, l->punct) &&
                      zs_class_is_meta(l->norm));
  return l->meta;
}

/* What the shape of two lines says about joining them. */
typedef enum { SPLIT, JOIN, JOIN_UNLESS_HEADLINE } Layout;

static Layout layout(const ZsNormalizer *n, const NormLine *a, const NormLine *b) {
  /* No line of Chinese type starts with a closing mark (避头 rule): a
   * line that does continues the previous one, even after a sentence end. */
  if (zs_line_starts_closing(b->first))
    return JOIN;
  gboolean soft = zs_line_end_soft(a->norm, a->nlen, &a->end);
  if (soft || zs_line_end_sentence(&a->end))
    return soft && a->end.last == 0xFF1A && zs_line_starts_quote(b->first) ? JOIN
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
  /* (a title cut after its colon has a ：, as punct says without reading) */
  if (zs_line_end_open(&a->end) ||
      ((a->punct & ZS_PUNCT_COLON) && zs_line_end_colon_fragment(a->norm, &a->end)))
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
  if (a->heading || b->heading || a->cut ||
      (zs_line_is_dash(a->first) && zs_line_starts_subtitle(a->norm)))
    return FALSE;
  Layout how = layout(n, a, b);
  if (how == SPLIT)
    return FALSE;
  /* web page metadata (来源：…, 编辑：X) and editor's notes stand alone
   * (zs_class_is_meta() last: it costs the most) */
  if (zs_line_starts_block(b->norm, b->nlen, b->first) || is_endnote(b) || is_meta(a) ||
      is_meta(b))
    return FALSE;
  return how == JOIN || !headline_after_body(n, a, b);
}


/* ---- paragraphs --------------------------------------------------------- */

void zs_reflow_line_free(NormLine *l) {
  if (!l)
    return;
  g_string_free(l->raw, TRUE);
  g_string_free(l->nbuf, TRUE);
  g_free(l);
}

/* A new line for zs_reflow_line_new() (normalize_int.h), when none is
 * spare: reading a line costs no allocation once the first few are
 * made. */
NormLine *zs_reflow_line_make(void) {
  NormLine *l = g_new0(NormLine, 1);
  l->raw = g_string_sized_new(256);
  l->nbuf = g_string_sized_new(256);
  return l;
}

/* Gives `l` back for reuse; the buffers of an over-long line go. (Inline
 * here: the reflow gives back a line for every line it places.) */
static inline void recycle(ZsNormalizer *n, NormLine *l) {
  if (!l)
    return;
  if (G_UNLIKELY(l->raw->allocated_len > 65536 || l->nbuf->allocated_len > 65536)) {
    zs_reflow_line_free(l);
    return;
  }
  zs_gstring_clear(l->raw);
  zs_gstring_clear(l->nbuf);
  l->next = n->spare;
  n->spare = l;
}

void zs_reflow_line_recycle(ZsNormalizer *n, NormLine *l) {
  recycle(n, l);
}

static void emit_para(ZsNormalizer *n, GPtrArray *out) {
  if (!n->plast)
    return;
  guint nl = n->plen;
  gsize *marks = n->pmarks;
  /* (a plain line has no spaces: none for headline mode to keep, and no
   * byline of names; its own text is the paragraph's) */
  gboolean phrase = nl == 1 && !n->plast->plain &&
                    zs_line_headline_like_p(n->plast->punct, n->plast->width);
  const char *text;
  gsize tlen;
  g_autofree char *names = NULL;
  if (n->palone && !phrase) { /* the lines' own normalized texts */
    text = n->pnorm->str;
    tlen = n->pnorm->len;
    marks = n->pnmarks;
  } else {
    zs_normtext_into(n->ptmp, n->ptext->str, n->ptext->len, phrase, marks, nl, NULL);
    text = n->ptmp->str;
    tlen = n->ptmp->len;
    names = phrase ? zs_line_names(n->ptext->str) : NULL;
    if (names) {
      text = names;
      tlen = strlen(names);
      marks[0] = 0;
    }
  }
  /* One allocation: the paragraph, its line map (offsets first, for
   * their alignment) and its text (zs_para_free() knows it). */
  gsize map = nl > 1 ? nl * (sizeof(gsize) + sizeof(guint)) : 0;
  ZsPara *p = zs_norm_para_alloc(sizeof *p + map + tlen + 1);
  *p = (ZsPara){.text = (char *)(p + 1) + map,
                .len = tlen,
                .line = n->plines[0],
                .last_line = n->plast->lineno,
                .n_lines = nl,
                .markdown_heading = n->pheading};
  memcpy(p->text, text, tlen + 1);
  if (nl > 1) {
    p->line_offsets = (gsize *)(p + 1);
    p->line_numbers = (guint *)(p->line_offsets + nl);
    memcpy(p->line_offsets, marks, nl * sizeof(gsize));
    memcpy(p->line_numbers, n->plines, nl * sizeof(guint));
  }
  g_ptr_array_add(out, p);
  /* the lines' own texts end with the last line's, which was read: the
   * same end unless it has nothing but closing marks */
  n->prev_ended = text == n->pnorm->str && n->plast->end.core
                      ? zs_line_end_sentence(&n->plast->end)
                      : zs_line_ends_sentence(p->text, tlen);
  zs_window_append(n->recent, p->text, tlen);
  gsize rlen = zs_window_len(n->recent);
  if (rlen > 2 * RECENT_BYTES) {
    const char *recent = zs_window_text(n->recent);
    const char *cut = g_utf8_find_next_char(recent + rlen - RECENT_BYTES - 1, NULL);
    zs_window_cut(n->recent, cut - recent);
  }
  zs_gstring_clear(n->ptext);
  n->plen = 0;
  zs_gstring_clear(n->pnorm);
  recycle(n, g_steal_pointer(&n->plast));
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
  if (n->plen == n->pcap) {
    n->pcap = MAX(16, 2 * n->pcap);
    n->pmarks = g_renew(gsize, n->pmarks, n->pcap);
    n->plines = g_renew(guint, n->plines, n->pcap);
    n->pnmarks = g_renew(gsize, n->pnmarks, n->pcap);
  }
  guint at = n->plen++;
  n->pmarks[at] = off;
  n->plines[at] = l->lineno;
  /* A continuation line's indent is layout, not text: "107." + "　1万个"
   * is 107.1万个, with nothing between. (Its spaces are told by their
   * bytes: a line's first character is seldom one, and a Chinese one is
   * turned away by its lead byte, not decoded.) */
  const char *raw = l->raw->str, *end = raw + l->raw->len;
  for (guint k; off > 0 && raw < end &&
                (k = zs_normtext_space_len((const guchar *)raw, (const guchar *)end));)
    raw += k;
  /* no run of full-width forms across the joint (U+FF00-FFEF, led by
   * EF BC, EF BD, EF BE or EF BF, holds them all) */
  n->palone &= l->alone && !(off > 0 && end - raw >= 3 && off >= 3 &&
                             (guchar)raw[0] == 0xEF && (guchar)raw[1] >= 0xBC &&
                             (guchar)n->ptext->str[off - 3] == 0xEF &&
                             (guchar)n->ptext->str[off - 2] >= 0xBC);
  if (n->palone) {
    n->pnmarks[at] = n->pnorm->len;
    zs_gstring_append(n->pnorm, l->norm, l->nlen);
  }
  zs_gstring_append(n->ptext, raw, end - raw);
  if (l->heading)
    n->pheading = TRUE;
  recycle(n, n->plast);
  n->plast = l;
}

static void drain(ZsNormalizer *n, gboolean all, GPtrArray *out) {
  while (n->pending && (all || n->pending_bytes > WARMUP_BYTES ||
                        (n->n_pending > LOOKAHEAD && n->nonblank >= WARMUP_LINES))) {
    NormLine *l = n->pending;
    n->pending = l->next;
    n->n_pending--;
    n->pending_bytes -= l->raw->len;
    place_line(n, l, out);
  }
}

/* Queues line `l` (taken, its raw text filled in): `first` when it starts
 * an input line, `cut` when the input line goes on after it. */
void zs_reflow_add_line(ZsNormalizer *n, NormLine *l, guint lineno, gboolean first,
                     gboolean cut, GPtrArray *out) {
  l->cut = cut;
  /* the indent is read in the first 64 bytes, markers included */
  /* (a plain line has neither: both start with spaces or need one) */
  gboolean ask = first && !l->plain;
  /* (both told by the first byte on most lines, without a call: an indent
   * starts with a tab, a space, U+3000 (E3) or NBSP (C2), markers with
   * spaces or #) */
  guchar b0 = (guchar)l->raw->str[0];
  gboolean blank0 = b0 == ' ' || b0 == '\t';
  l->indent = ask && (blank0 || b0 == 0xE3 || b0 == 0xC2)
                  ? zs_line_indent(l->raw->str, MIN(l->raw->len, 64))
                  : 0;
  const char *h = ask && (blank0 || b0 == '#') ? zs_line_markdown_heading(l->raw->str) : NULL;
  if (h) {
    l->heading = TRUE;
    l->spaced = FALSE; /* its text, without the markers, normalized in full */
    if (l->halves >= 0) /* the markers and spaces are ASCII, a half each */
      l->halves -= h - l->raw->str;
    g_string_erase(l->raw, 0, h - l->raw->str);
  }
  if (l->plain) { /* most lines: norm is raw, and read, with its punct */
    l->alone = TRUE;
    l->norm = l->raw->str;
    l->nlen = l->raw->len;
  } else if (l->spaced) { /* the next most: only its spaces to take out */
    l->alone = l->spaced_ascii ? zs_normtext_spaced_ascii(l->nbuf, l->raw->str, l->raw->len)
                               : zs_normtext_spaced(l->nbuf, l->raw->str, l->raw->len);
    l->norm = l->nbuf->str;
    l->nlen = l->nbuf->len;
  } else {
    l->alone = zs_normtext_into(l->nbuf, l->raw->str, l->raw->len, FALSE, NULL, 0, &l->punct);
    l->norm = l->nbuf->str;
    l->nlen = l->nbuf->len;
  }
  if (!l->nlen) {
    recycle(n, l);
    return;
  }
  l->first = zs_utf8_at(l->norm);
  zs_line_end_read(l->norm, l->nlen, &l->end);
  l->lineno = lineno;
  /* a plain line has no spaces to take off its ends */
  l->width = l->plain         ? (double)l->halves / 2.0
             : l->halves >= 0 ? zs_line_width_of(l->raw->str, l->raw->len, (guint64)l->halves)
                              : zs_line_width(l->raw->str, l->raw->len);
  n->nonblank++;
  guint b = (guint)l->width;
  count_width(n, b < HIST_MAX ? b : HIST_MAX - 1);
  n->pending_bytes += l->raw->len;
  l->next = NULL;
  if (n->pending)
    n->pending_last->next = l;
  else
    n->pending = l;
  n->pending_last = l;
  n->n_pending++;
  drain(n, FALSE, out);
}

/* Takes the first `len` bytes at `s` (the line being read: n->cur, or the
 * input itself when it holds the whole line and n->cur is empty; all of it
 * unless `piece`) as a line: decoded, normalized, queued for reflow. A
 * piece is a part of an over-long line that ends at a sentence end (see
 * piece_end()), so a huge line never sits in memory whole; the pieces keep
 * its line number. */

void zs_reflow_finish(ZsNormalizer *n, GPtrArray *out) {
  drain(n, TRUE, out);
  emit_para(n, out);
}
