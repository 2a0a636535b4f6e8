/* segment_after.c: rule 2 of segment.c, a headline after its body (PDF
 * pages, and markdown headings that follow their text): whether the
 * furniture at the start of the block is the open article's headline, by
 * page convention or by what it restates, and closing the article with
 * it, split at its gap of least cohesion when it had a headline before it
 * already. Apart from segment.c because it is one decision with its own
 * tests; it shares the segmenter's state through segment_int.h.
 */
#include "segment_int.h"

/* Headline parts of a block run: items [i, j) are headline-like or
 * subtitles. */
static void set_headline(Art *a, GPtrArray *items, guint i, guint j) {
  for (guint k = i; k < j; k++) {
    Item *it = items->pdata[k];
    if (zs_art_subtitle_like(it) && a->headline) {
      if (!a->subtitle)
        a->subtitle = g_strdup(zs_class_strip_dashes(it->p->text));
      it->role = ZS_ROLE_SUB;
    } else {
      zs_art_append_str(&a->headline, it->p->text);
      it->role = ZS_ROLE_HEAD;
    }
  }
}

/* The block items [i, j) are the headline (and bylines) after the body of
 * the open article: close it, splitting its body when it had a headline
 * before it already. */
static void close_with_headline(ZsSegmenter *sg, guint i, guint j,
                                GPtrArray *out) {
  Art *a = sg->cur;
  if (a->head_before) {
    g_autoptr(GArray) body_idx = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint k = 0; k < a->items->len; k++)
      if (((Item *)a->items->pdata[k])->role == ZS_ROLE_BODY)
        g_array_append_val(body_idx, k);
    guint g = zs_art_cohesion_gap(a, body_idx);
    if (g < body_idx->len) {
      Art *b = zs_art_new(sg->win, sg->pool);
      guint from = g_array_index(body_idx, guint, g);
      for (guint k = from; k < a->items->len; k++) {
        Item *it = a->items->pdata[k];
        zs_art_add(b, it, it->role);
        a->items->pdata[k] = NULL;
      }
      g_ptr_array_set_size(a->items, from);
      a->n_body = g;
      zs_seg_emit(sg, out);
      sg->cur = b;
      a = b;
    }
  }
  sg->tail_heads |= !sg->lead_heads;
  set_headline(a, sg->block, i, j);
  for (guint k = i; k < sg->block->len; k++) {
    Item *it = sg->block->pdata[k];
    if (k >= j && it->kind != ZS_PK_BYLINE)
      break;
    if (it->kind == ZS_PK_BYLINE)
      zs_art_take_byline(a, it);
    zs_art_add(a, it, it->role == ZS_ROLE_BODY ? ZS_ROLE_SKIP : it->role);
    sg->block->pdata[k] = NULL;
  }
  zs_seg_emit(sg, out);
}

static gboolean is_noise(const Item *it) {
  return it->kind == ZS_PK_BYLINE || it->kind == ZS_PK_CREDIT ||
         it->kind == ZS_PK_CAPTION || it->kind == ZS_PK_MARKER;
}

guint zs_seg_after_body_headline(ZsSegmenter *sg, const Item *next, GPtrArray *out) {
  GPtrArray *b = sg->block;
  Art *a = sg->cur;
  if (!a || a->n_body == 0 || b->len == 0)
    return 0;
  gboolean opens = next && (next->kind == ZS_PK_DATELINE || next->kind == ZS_PK_CONT);
  /* markdown: a heading followed only by bylines and noise */
  for (guint i = 0; i < b->len; i++) {
    const Item *it = b->pdata[i];
    if (it->kind != ZS_PK_HEADING)
      continue;
    guint k = i + 1, bylines = 0;
    while (k < b->len && is_noise(b->pdata[k])) {
      bylines += ((Item *)b->pdata[k])->kind == ZS_PK_BYLINE;
      k++;
    }
    gboolean next_heading = k < b->len && ((Item *)b->pdata[k])->kind == ZS_PK_HEADING;
    if ((k == b->len && !next) || (next_heading && bylines) ||
        (k == b->len && opens && bylines)) {
      close_with_headline(sg, i, i + 1, out); /* what stood before it goes */
      return k;
    }
    break;
  }
  /* plain text: a short run without punctuation restating the body */
  guint i = 0;
  while (i < b->len && ((Item *)b->pdata[i])->kind == ZS_PK_BYLINE)
    i++;
  guint j = i, lines = 0;
  if (i < b->len && ((Item *)b->pdata[i])->kind == ZS_PK_HEADING) {
    /* a markdown heading right before the next heading or a dateline, with
     * no byline: only the overlap below can tell whose it is */
    j = i + 1;
    while (j < b->len && zs_art_subtitle_like(b->pdata[j]))
      j++;
    gboolean last = j == b->len;
    if (!(last && opens) && !(!last && ((Item *)b->pdata[j])->kind == ZS_PK_HEADING))
      return 0;
  }
  while (j < b->len && lines < 3 &&
         (zs_art_headline_like(b->pdata[j]) || (j > i && zs_art_subtitle_like(b->pdata[j])))) {
    lines++;
    j++;
  }
  if (j == i)
    return 0;
  GString *head = g_string_truncate(sg->head, 0);
  for (guint k = i; k < j; k++)
    g_string_append_len(head, ((Item *)b->pdata[k])->p->text, ((Item *)b->pdata[k])->len);
  g_autoptr(GArray) hs = zs_topic_keys(head->str, head->len);
  guint total = hs->len;
  /* the next paragraph may still be this article's: not the end, not a
   * dateline */
  gboolean can_continue = next && !opens;
  /* A page keeps one convention: where headlines follow their bodies, a
   * headline between a body that has none yet and the end or a dateline
   * (which opens the next body) is that body's, however little it
   * restates it. */
  guint k = j;
  while (k < b->len && ((Item *)b->pdata[k])->kind == ZS_PK_BYLINE)
    k++;
  gboolean convention = sg->tail_heads && !a->headline && !can_continue && k == b->len;
  /* where headlines stand over their bodies, one before a dateline is the
   * next article's, whatever it shares with the body before it */
  if (sg->lead_heads && opens && k == b->len)
    return 0;
  if (!convention) { /* the overlap tests, made only where they decide */
    /* A subhead announces the text after it; a headline restates the text
     * before it: when the next paragraph may be this article's, compare
     * the end of the body with it. (Asked first: it reads far less text
     * than the test below, and the run must pass both.) */
    if (can_continue) {
      gsize len = next->len;
      /* only whether the next paragraph has as many: its reading stops
       * there */
      guint recent = zs_art_recent_hits(a, hs);
      if (recent <= zs_topic_find_tail_upto(hs, next->p->text, len, len, NULL, recent))
        return 0;
    }
    /* the run restates the body: >= 2 and >= 20% of its bigrams occur
     * there */
    guint need = MAX(2, (total + 4) / 5);
    if (zs_art_body_hits(a, hs, need) < need)
      return 0;
  }

  /* leading closing bylines belong to the body */
  for (guint d = 0; d < i; d++) {
    Item *it = b->pdata[d];
    zs_art_take_byline(a, it);
    zs_art_add(a, it, ZS_ROLE_SKIP);
    b->pdata[d] = NULL;
  }
  close_with_headline(sg, i, j, out);
  while (j < b->len && ((Item *)b->pdata[j] == NULL ||
                        ((Item *)b->pdata[j])->kind == ZS_PK_BYLINE))
    j++;
  return j;
}
