/* fuzz_normalize.c: bytes -> paragraphs, fed in random splits.
 *
 * The first byte seeds the split sizes; the rest is the input. Checks what
 * the later stages rely on (every paragraph is valid UTF-8 without NUL or
 * line break, line numbers ordered) and that the split does not change the
 * result: feeding byte by chunk must equal feeding the whole buffer.
 */
#include <string.h>

#include "fuzz.h"
#include "normalize.h"

static GPtrArray *run_split(const uint8_t *data, size_t size, guint32 seed,
                            GPtrArray *warnings) {
  g_autoptr(ZsNormalizer) n = zs_norm_new("fuzz");
  GPtrArray *paras = g_ptr_array_new_with_free_func((GDestroyNotify)zs_para_free);
  size_t at = 0;
  while (at < size) {
    /* xorshift: sizes 1..64, so splits land inside UTF-8 sequences and CRLF. */
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    size_t k = seed ? 1 + seed % 64 : size;
    if (k > size - at)
      k = size - at;
    zs_norm_feed(n, (const char *)data + at, k, paras, warnings);
    at += k;
  }
  zs_norm_finish(n, paras, warnings);
  return paras;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  guint32 seed = 0x9E3779B9u * (data[0] + 1u);
  data++, size--;
  g_autoptr(GPtrArray) w1 = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) w2 = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(ZsDoc) whole = zs_norm_document("fuzz", (const char *)data, size, w1);
  g_autoptr(GPtrArray) split = run_split(data, size, seed, w2);

  FUZZ_CHECK(whole->paras->len == split->len);
  FUZZ_CHECK(w1->len == w2->len);
  guint last = 0;
  for (guint i = 0; i < split->len; i++) {
    const ZsPara *a = whole->paras->pdata[i], *b = split->pdata[i];
    FUZZ_CHECK(strcmp(a->text, b->text) == 0);
    FUZZ_CHECK(a->line == b->line && a->last_line == b->last_line);
    FUZZ_CHECK(g_utf8_validate(b->text, -1, NULL));
    FUZZ_CHECK(!strchr(b->text, '\n') && !strchr(b->text, '\r'));
    /* >=: a line read in pieces can end one paragraph and start the next. */
    FUZZ_CHECK(b->line >= 1 && b->line <= b->last_line && b->line >= last);
    last = b->last_line;
  }
  for (guint i = 0; i < w1->len; i++)
    FUZZ_CHECK(strcmp(w1->pdata[i], w2->pdata[i]) == 0);

  /* The character layer alone, on whatever valid text the bytes give. */
  g_autofree char *text = fuzz_text(data, size);
  g_autofree char *norm = zs_norm_text(text, -1);
  FUZZ_CHECK(g_utf8_validate(norm, -1, NULL));
  return 0;
}
