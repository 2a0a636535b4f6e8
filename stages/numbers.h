/* numbers.h: a sentence of normalized text -> the quantities a reader sees.
 *
 * Reads Arabic and Chinese numerals, 万/亿 scales, %, 成, 百分之, 个百分点,
 * 倍, qualifiers (近 约 超 余 多 以上 ...), ranges, and the unit or measure
 * word after the number; leaves out what is not a statistic (dates,
 * ordinals, set phrases, thresholds, a lone 一/两 before a measure word).
 * All arithmetic is exact decimal: no floating point anywhere.
 */
#ifndef ZS_NUMBERS_H
#define ZS_NUMBERS_H

#include "zhstats.h"

/* Every quantity in `sentence`, in text order (ZsQuantity*, new array).
 * `sentence` must be valid UTF-8, as every stage after the normalizer
 * hands on: it is decoded without checks. So must zs_num_parse()'s. */
GPtrArray *zs_num_scan(const char *sentence);

/* zs_num_scan() of a sentence of `len` bytes, appending to `out`, an array
 * that frees its elements with zs_quantity_free() (extract.c keeps one for
 * all its sentences). */
void zs_num_scan_into(const char *sentence, gsize len, GPtrArray *out);

/* Parses a whole numeral such as "1125.48万", "一千五百亿", "3万5千",
 * "1,234.5" into its exact plain-decimal value ("11254800"). Returns NULL
 * when `text` is not exactly one numeral. */
char *zs_num_parse(const char *text);

/* Multiplies plain decimal `value` by 10^shift exactly (shift may be
 * negative) and returns the new plain decimal. */
char *zs_num_shift(const char *value, int shift);

/* Is `unit` a base unit the reader can produce ("人次", "%", "pp")? */
gboolean zs_num_is_unit(const char *unit);

#endif
