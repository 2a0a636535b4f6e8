/* normalize.c: bytes -> paragraphs of clean text, streaming.
 *
 * Two layers. zs_norm_text() (normtext.c) is the character-level convention
 * (full-width forms, ASCII punctuation between Chinese characters, spaces);
 * it is the whole of what "normalized" means for a single string, and other
 * stages use it. The normalizer around it decodes bytes into lines, repairs encoding
 * problems (this file), and rejoins hard-wrapped lines into paragraphs
 * (reflow.c), keeping a map from each paragraph byte offset back to its
 * input line.
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
 *   - Reflow (see decide_join() in reflow.c): a line continues into the next non-blank line
 *     when it does not end a paragraph: no sentence end, no trailing ……, ——
 *     or ：, and it is either a full column line (PDF), a long line (> 40
 *     columns, markdown-like) or ends inside a clause (，、；). Headings,
 *     datelines, subtitles and section markers always start a paragraph.
 */
#include "normalize_int.h"
#include "htmltext.h"
#include "lines.h"
#include "normtext.h"
#include "perthread.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- paragraph line maps ------------------------------------------------ */

guint zs_norm_para_line_at(const ZsPara *p, gsize offset) {
  if (!p->line_offsets || p->n_lines == 0)
    return p->line;
  /* The last joined line starting at or before offset. */
  guint lo = 0, hi = p->n_lines;
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (p->line_offsets[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return p->line_numbers[lo];
}

/* The normalizer makes a paragraph in one block: the struct, its line map
 * and its text (emit_para() in reflow.c). A page's paragraphs are made and
 * freed by the hundred, of every size, and malloc() keeps only seven
 * freed blocks of a size at hand: most went through its slower paths,
 * a tenth of the stage's instructions. So freed blocks are kept on the
 * thread that frees them, for its next paragraphs: by size class, powers
 * of two from 128 bytes to 8 KiB, up to 64 KiB of each (larger blocks go
 * back to malloc()). A block starts with a header that holds its class.
 * (Under AddressSanitizer every block goes back, so that a paragraph used
 * after it was freed is still caught.) */
#define PARA_HEAD 16 /* the header; ZsPara after it stays 16-byte aligned */
#define PARA_MIN_SHIFT 7
#define PARA_CLASSES 7
#define PARA_KEEP(k) ((64u << 10) >> ((k) + PARA_MIN_SHIFT)) /* 64 KiB a class */
#define PARA_CACHE_ON ZS_POOLS

typedef struct ParaBlock {
  struct ParaBlock *next;
} ParaBlock;

typedef struct {
  ParaBlock *free[PARA_CLASSES];
  guint n[PARA_CLASSES];
} ParaCache;

/* The thread's cache (perthread.h): made when it first frees a block. */
static _Thread_local ParaCache *para_cache_here;

static void para_cache_free(ParaCache *c) {
  if (para_cache_here == c)
    para_cache_here = NULL;
  for (guint k = 0; k < PARA_CLASSES; k++)
    while (c->free[k]) {
      ParaBlock *b = c->free[k];
      c->free[k] = b->next;
      g_free(b);
    }
  g_free(c);
}

static GPrivate para_cache = G_PRIVATE_INIT((GDestroyNotify)para_cache_free);

ZsPara *zs_norm_para_alloc(gsize size) {
  gsize total = size + PARA_HEAD;
  guint k = total <= (1u << PARA_MIN_SHIFT) ? 0 : g_bit_storage(total - 1) - PARA_MIN_SHIFT;
  char *b = NULL;
  if (PARA_CACHE_ON && k < PARA_CLASSES) {
    ParaCache *c = para_cache_here;
    if (c && c->free[k]) {
      ParaBlock *f = c->free[k];
      c->free[k] = f->next;
      c->n[k]--;
      b = (char *)f;
    } else {
      b = g_malloc((gsize)1 << (k + PARA_MIN_SHIFT));
    }
  } else {
    k = PARA_CLASSES;
    b = g_malloc(total);
  }
  *(guint *)b = k;
  return (ZsPara *)(b + PARA_HEAD);
}

void zs_para_free(ZsPara *p) {
  if (!p)
    return;
  char *b = (char *)p - PARA_HEAD;
  guint k = *(guint *)b;
  if (k < PARA_CLASSES) {
    ParaCache *c = ZS_THREAD_OWN(para_cache_here, &para_cache, g_new0(ParaCache, 1));
    if (c->n[k] < PARA_KEEP(k)) {
      ParaBlock *f = (ParaBlock *)b;
      f->next = c->free[k];
      c->free[k] = f;
      c->n[k]++;
      return;
    }
  }
  g_free(b);
}

void zs_doc_free(ZsDoc *doc) {
  if (!doc)
    return;
  g_free(doc->file);
  if (doc->paras)
    g_ptr_array_unref(doc->paras);
  g_free(doc);
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

/* Valid UTF-8 from a raw line into l->raw (emptied first): invalid bytes
 * become U+FFFD, NULs go. One warning of each kind per line. Returns
 * whether it may have markup (a & or a <); l->halves is its width in half
 * columns (see ZsCleanScan), or -1 when not counted, and l->plain,
 * l->spaced and l->punct what reading it found. */
static gboolean sanitize_line(const ZsNormalizer *n, const char *s, gsize len, guint lineno,
                              guint64 base, GPtrArray *w, NormLine *l) {
  GString *o = l->raw;
  zs_gstring_clear(o);
  ZsCleanScan scan;
  if (zs_normtext_clean(s, len, &scan)) { /* most lines */
    zs_gstring_append(o, s, len);
    l->halves = (gint64)scan.halves;
    l->plain = scan.plain;
    l->spaced = scan.spaced;
    l->spaced_ascii = scan.ascii_spaces;
    l->punct = scan.punct;
    return scan.markup;
  }
  l->halves = -1;
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
  return memchr(o->str, '&', o->len) || memchr(o->str, '<', o->len);
}

static void take_line(ZsNormalizer *n, const char *s, gsize len, gboolean piece,
                      GPtrArray *out, GPtrArray *w) {
  if (!len && !piece) { /* a blank line (a line in four): nothing to queue */
    n->lineno++;
    n->line_bytes = 0;
    zs_gstring_clear(n->cur);
    return;
  }
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
  NormLine *l = zs_reflow_line_new(n);
  gboolean markup =
      sanitize_line(n, s + skip, len - skip, lineno, n->line_off + skip, w, l);
  if (piece) {
    g_string_erase(n->cur, 0, len);
    n->line_off += len;
  } else {
    zs_gstring_clear(n->cur);
  }
  /* scraped HTML: entities decoded, a <br> ends a line */
  if (markup) {
    g_auto(GStrv) html = zs_html_pieces(l->raw->str);
    for (guint i = 0; html[i]; i++) {
      NormLine *hl = zs_reflow_line_new(n);
      g_string_assign(hl->raw, html[i]);
      zs_reflow_add_line(n, hl, lineno, first || i > 0, piece && html[i + 1] == NULL, out);
    }
    zs_reflow_line_recycle(n, l);
    return;
  }
  zs_reflow_add_line(n, l, lineno, first, piece, out);
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

/* The first \n or \r at or after p, or end: both asked of sixteen bytes at
 * a time, inline (most lines are short: two calls to memchr() a line cost
 * more than the search). */
static inline const char *line_end(const char *p, const char *end) {
#ifdef __SSE2__
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    if (m)
      return p + __builtin_ctz(m);
    p += 16;
  }
#endif
  while (p < end && *p != '\n' && *p != '\r')
    p++;
  return p;
}

/* ---- public API --------------------------------------------------------- */

/* The last normalizer freed on this thread, kept for the next one: the
 * pipeline makes one per input file, and on a corpus of small files making
 * its buffers and some forty lines again for each file cost a tenth of the
 * stage. Only its buffers carry over (norm_reset() clears the rest), so a
 * kept normalizer reads the same as a new one. */
static void norm_destroy(ZsNormalizer *n);
static GPrivate kept = G_PRIVATE_INIT((GDestroyNotify)norm_destroy);

/* Empties `n` for the next input: every field back to zero except the
 * buffers, which are emptied; its lines go to its spares. */
static void norm_reset(ZsNormalizer *n) {
  while (n->pending) {
    NormLine *l = n->pending;
    n->pending = l->next;
    zs_reflow_line_recycle(n, l);
  }
  zs_reflow_line_recycle(n, n->plast);
  ZsNormalizer keep = {.cur = n->cur,
                       .ptext = n->ptext,
                       .pmarks = n->pmarks,
                       .plines = n->plines,
                       .pnmarks = n->pnmarks,
                       .pcap = n->pcap,
                       .pnorm = n->pnorm,
                       .ptmp = n->ptmp,
                       .recent = n->recent,
                       .spare = n->spare,
                       .next = n->next};
  g_free(n->file);
  *n = keep;
  zs_gstring_clear(n->cur);
  zs_gstring_clear(n->ptext);
  zs_gstring_clear(n->pnorm);
  zs_gstring_clear(n->ptmp);
  zs_gstring_clear(n->next);
  zs_window_clear(n->recent);
}

ZsNormalizer *zs_norm_new(const char *file) {
  ZsNormalizer *n = zs_spare_take(&kept);
  if (!n) {
    n = g_new0(ZsNormalizer, 1);
    n->cur = g_string_new(NULL);
    n->ptext = g_string_new(NULL);
    n->recent = zs_window_new();
    n->next = g_string_new(NULL);
    n->pnorm = g_string_new(NULL);
    n->ptmp = g_string_new(NULL);
  }
  n->file = g_strdup(file ? file : "-");
  return n;
}

static void norm_destroy(ZsNormalizer *n) {
  if (!n)
    return;
  g_free(n->file);
  g_string_free(n->cur, TRUE);
  while (n->pending) {
    NormLine *l = n->pending;
    n->pending = l->next;
    zs_reflow_line_free(l);
  }
  g_string_free(n->ptext, TRUE);
  g_free(n->pmarks);
  g_free(n->plines);
  g_free(n->pnmarks);
  zs_reflow_line_free(n->plast);
  zs_window_free(n->recent);
  while (n->spare) {
    NormLine *l = n->spare;
    n->spare = l->next;
    zs_reflow_line_free(l);
  }
  g_string_free(n->next, TRUE);
  g_string_free(n->pnorm, TRUE);
  g_string_free(n->ptmp, TRUE);
  g_free(n);
}

/* Kept for the next normalizer of this thread when none is (the buffers
 * of an over-long input go, as their lines' do). */
void zs_norm_free(ZsNormalizer *n) {
  if (!n)
    return;
  if (n->cur->allocated_len > 65536 || n->ptext->allocated_len > 65536 ||
      n->pnorm->allocated_len > 65536 || n->ptmp->allocated_len > 65536 || n->pcap > 4096) {
    norm_destroy(n);
    return;
  }
  norm_reset(n);
  if (!zs_spare_keep(&kept, n))
    norm_destroy(n);
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
    const char *nl = line_end(p, end);
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
  zs_reflow_finish(n, out);
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
