/* fuzz_numbers.c: the number reader, zs_num_scan() and zs_num_parse().
 *
 * Input is made valid UTF-8 without NUL first (what segment hands on).
 * Checks that every quantity's offsets lie inside the sentence and on
 * character boundaries, and that each value is a plain decimal.
 */
#include <string.h>

#include "fuzz.h"
#include "numbers.h"

static gboolean plain_decimal(const char *v) {
  if (!v || !*v)
    return FALSE;
  const char *p = v;
  while (g_ascii_isdigit(*p))
    p++;
  if (p == v)
    return FALSE;
  if (*p == '.') {
    p++;
    if (!g_ascii_isdigit(*p))
      return FALSE;
    while (g_ascii_isdigit(*p))
      p++;
  }
  return *p == '\0';
}

static gboolean boundary(const char *s, gsize at) {
  return (s[at] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  g_autofree char *text = fuzz_text(data, size);
  gsize len = strlen(text);
  g_autoptr(GPtrArray) qs = zs_num_scan(text);
  for (guint i = 0; i < qs->len; i++) {
    const ZsQuantity *q = qs->pdata[i];
    FUZZ_CHECK(q->start <= q->num_start && q->num_start <= q->num_end);
    FUZZ_CHECK(q->num_end <= q->end && q->end <= len);
    FUZZ_CHECK(boundary(text, q->start) && boundary(text, q->end));
    FUZZ_CHECK(plain_decimal(q->value));
    FUZZ_CHECK(q->unit != NULL);
  }
  g_autofree char *v = zs_num_parse(text);
  FUZZ_CHECK(!v || plain_decimal(v));
  if (v) {
    /* Shifting there and back is exact, and never refused: trailing zeros
     * stay in the exponent (regressions/numbers/shift-overflow, 9999999万亿,
     * was refused before). */
    g_autofree char *up = zs_num_shift(v, 3);
    g_autofree char *back = up ? zs_num_shift(up, -3) : NULL;
    FUZZ_CHECK(up && back && strcmp(back, v) == 0);
  }
  return 0;
}
