/* normalize.h: bytes -> paragraphs of clean text (ZsPara), streaming.
 *
 * The convention (what becomes plain, what stays full-width, which spaces go,
 * which line breaks are rejoined) is written at the top of normalize.c.
 */
#ifndef ZS_NORMALIZE_H
#define ZS_NORMALIZE_H

#include "zhstats.h"

typedef struct ZsNormalizer ZsNormalizer;

/* A new normalizer for one input named `file` (used in messages).
 * Free with zs_norm_free(). */
ZsNormalizer *zs_norm_new(const char *file);
void zs_norm_free(ZsNormalizer *n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsNormalizer, zs_norm_free)

/* Feeds the next `len` bytes of the input (any split, even inside a UTF-8
 * sequence or a line). Completed paragraphs are appended to `out` (ZsPara*,
 * owned by `out`'s free function). The normalizer holds back at most a
 * bounded number of lines as look-ahead, so memory does not grow with the
 * input. Problems (invalid UTF-8, NUL bytes, over-long lines) are appended
 * to `warnings` as "FILE:LINE: message" strings, which the caller owns. */
void zs_norm_feed(ZsNormalizer *n, const char *data, gsize len,
                  GPtrArray *out, GPtrArray *warnings);

/* Ends the input: flushes the remaining paragraphs to `out`. */
void zs_norm_finish(ZsNormalizer *n, GPtrArray *out, GPtrArray *warnings);

/* The input line of byte `offset` of `p`'s text (the last joined line that
 * starts at or before it). */
guint zs_norm_para_line_at(const ZsPara *p, gsize offset);

/* Convenience: normalizes a whole buffer into a ZsDoc. */
ZsDoc *zs_norm_document(const char *file, const char *data, gsize len,
                        GPtrArray *warnings);

/* Character-level normalization of one line of valid UTF-8 (full-width
 * forms, punctuation, spaces), without any reflow. Returns a new string. */
char *zs_norm_text(const char *s, gssize len);

#endif
