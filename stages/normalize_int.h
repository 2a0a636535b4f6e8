/* normalize_int.h: what the two halves of the normalizer share: the line
 * type and the normalizer's state. normalize.c reads bytes into lines
 * (decoding, over-long lines, HTML breaks); reflow.c joins the lines into
 * paragraphs. Not for other stages: they see normalize.h.
 */
#ifndef ZS_NORMALIZE_INT_H
#define ZS_NORMALIZE_INT_H

#include "lines.h"
#include "normalize.h"
#include "window.h"

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

/* Lines are recycled (see zs_reflow_line_new()): their two buffers are kept. */
typedef struct NormLine {
  GString *raw;     /* decoded line, valid UTF-8, markdown markers removed */
  GString *nbuf;    /* norm's bytes, when they are not raw's */
  const char *norm; /* zs_norm_text(raw), NUL-terminated: raw->str itself
                       for a plain line (most), else nbuf->str */
  gsize nlen;       /* its length */
  gboolean plain;   /* raw normalizes to itself, as reading it found (see
                       ZsCleanScan.plain); punct is then known */
  gboolean spaced;  /* ... or would but for its spaces (ZsCleanScan.spaced);
                       punct is known too */
  gboolean spaced_ascii; /* when spaced: all its spaces are ASCII
                            (ZsCleanScan.ascii_spaces) */
  guint lineno;
  double width;     /* display width in CJK columns, ASCII counts half */
  gint64 halves;    /* the width of all raw in half columns, when known
                       from reading it (take_line()), else -1 */
  gboolean heading;
  gboolean cut;     /* a piece of an over-long line: see take_line() */
  double indent;    /* leading spaces, in CJK columns (U+3000 is 1) */
  gint8 meta;       /* zs_class_is_meta(norm), or -1 before it is asked */
  gboolean alone;   /* norm reads the same after any text: zs_normtext_into() */
  guint punct;      /* the ZS_PUNCT_ marks norm has (normtext.h) */
  gunichar first;   /* norm's first character */
  ZsLineEnd end;    /* and its end, read once: the reflow asks about both
                       for most lines */
  struct NormLine *next; /* in ZsNormalizer.pending, or .spare */
} NormLine;

struct ZsNormalizer {
  char *file;
  GString *cur;       /* bytes of the physical line being read */
  gboolean pending_cr;
  guint64 offset;     /* input bytes consumed */
  guint64 line_off;   /* input offset of the start of `cur` */
  guint lineno;       /* number of lines completed */
  guint64 line_bytes; /* bytes of the current line taken as pieces */
  /* warm-up look-ahead: lines queued, first to last by NormLine.next (a
   * plain list, as GQueue costs a call per line to push, pop and ask) */
  NormLine *pending, *pending_last;
  guint n_pending;
  gsize pending_bytes;
  guint nonblank;
  guint hist[HIST_MAX]; /* widths of lines, by whole column */
  guint hist_best;      /* the first of 0, MIN_COLUMN.. HIST_MAX - 1 with the
                           most lines: see count_width() */
  guint hist_near;      /* lines within two columns of hist_best, when it
                           is >= MIN_COLUMN (column_width()) */
  /* paragraph under construction */
  GString *ptext;
  /* one entry per joined line, plen of them (room for pcap): plain arrays,
   * as appending to a GArray costs a call per line */
  gsize *pmarks;      /* raw offset of each joined line */
  guint *plines;      /* its input line */
  gsize *pnmarks;     /* offset of its norm in pnorm (while palone) */
  guint plen, pcap;
  NormLine *plast;    /* last line placed (owned) */
  /* While every line of the paragraph is `alone`, its normalized text is
   * the lines' own normalized texts end to end, and is not made again
   * (unless its phrase spaces count: zs_line_headline_like()). */
  gboolean palone;
  GString *pnorm;     /* the lines' norm, end to end */
  GString *ptmp;      /* scratch: the paragraph's text, made again */
  gboolean pheading;
  double pindent;     /* indent of its first line */
  gboolean prev_ended;  /* the previous paragraph ended a sentence */
  ZsWindow *recent;     /* the end of the text emitted so far */
  NormLine *spare;      /* recycled lines, a list by NormLine.next */
  GString *next;        /* scratch: the text after a line, headline_after_body() */
};

/* A block for a paragraph of `size` bytes (the struct, its map and its
 * text), freed with zs_para_free() (normalize.c). */
ZsPara *zs_norm_para_alloc(gsize size);

/* A line with empty buffers (a recycled one when there is one); give it
 * to zs_reflow_add_line(), or back with zs_reflow_line_recycle().
 * zs_reflow_line_make() makes a new one (reflow.c). Inline: the reader
 * asks for one a line, nearly always a recycled one.
 * Of a recycled line, only the fields that reading it may leave alone are
 * set back (a new line's are zero): zs_reflow_add_line() sets all the
 * others before they are read. (The whole struct set back compiled to a
 * `rep stos`, whose start-up took 2% of the stage.) */
NormLine *zs_reflow_line_make(void);
static inline NormLine *zs_reflow_line_new(ZsNormalizer *n) {
  NormLine *l = n->spare;
  if (G_LIKELY(l)) {
    n->spare = l->next;
    l->plain = l->spaced = l->heading = FALSE;
    l->punct = 0;
  } else {
    l = zs_reflow_line_make();
  }
  l->meta = -1;
  l->halves = -1;
  return l;
}
void zs_reflow_line_recycle(ZsNormalizer *n, NormLine *l);
void zs_reflow_line_free(NormLine *l);

/* Queues line `l` (taken, its raw text filled in): `first` when it starts
 * an input line, `cut` when the input line goes on after it. Paragraphs
 * completed meanwhile go to `out`. */
void zs_reflow_add_line(ZsNormalizer *n, NormLine *l, guint lineno, gboolean first,
                        gboolean cut, GPtrArray *out);

/* Places the lines held back and emits the last paragraph. */
void zs_reflow_finish(ZsNormalizer *n, GPtrArray *out);

#endif
