/* input.h: the reading layer: an input file as a stream of UTF-8 chunks.
 *
 * Most inputs are UTF-8 and pass through untouched (the normalizer repairs
 * what is invalid). A UTF-16 file, told by its byte order mark (FF FE or
 * FE FF) or, without one, by NUL bytes at every other position, is converted
 * to UTF-8 here with GLib's iconv wrapper, so the stages never see it.
 */
#ifndef ZS_INPUT_H
#define ZS_INPUT_H

#include "zhstats.h"

typedef struct ZsInput ZsInput;

/* Opens `file` for reading ("-": standard input, which is not closed).
 * Returns NULL with `error` set (ZS_ERROR_INPUT) when it cannot be read. */
ZsInput *zs_input_open(const char *file, GError **error);
void zs_input_close(ZsInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsInput, zs_input_close)

/* Reads the next chunk: sets `*data` to bytes owned by `in`, valid until
 * the next call, and returns their count; 0 at the end, -1 on a read error
 * (with `error` set). Problems in a UTF-16 input (a lone surrogate, an odd
 * last byte) become U+FFFD and a "FILE:LINE: ..." string in `warnings`. */
gssize zs_input_read(ZsInput *in, const char **data, GPtrArray *warnings, GError **error);

/* "UTF-8", "UTF-16LE" or "UTF-16BE": what the input was read as. Known
 * after the first zs_input_read(). */
const char *zs_input_encoding(const ZsInput *in);

#endif
