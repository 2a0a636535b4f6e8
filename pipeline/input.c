/* input.c: reads an input in chunks and converts UTF-16 to UTF-8 (see
 * input.h). Kept out of normalize.c: the normalizer's contract is bytes
 * that are meant as UTF-8; deciding what a file's bytes are meant as is the
 * reading layer's job. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "perthread.h"

#define CHUNK (1 << 16)
/* Bytes looked at to tell UTF-16 without a byte order mark. */
#define SNIFF 4096

typedef enum { ENC_UNKNOWN, ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE } Encoding;

struct ZsInput {
  char *file;
  int fd;
  Encoding enc;
  GIConv cd;
  char *raw;           /* bytes read, not yet converted (a split unit) */
  gsize raw_len;
  GString *out;        /* converted chunk handed to the caller; UTF-16 only */
  guint64 consumed;    /* input bytes converted so far, for messages */
  guint lines;         /* newlines produced so far, for messages */
  guint bad;           /* invalid UTF-16 units met */
  gboolean eof;
};

/* A thread's reading buffer, kept from one input to the next: made and
 * freed for every file, a buffer this large makes malloc tidy its free
 * lists each time (a few percent of a run over many small files). */
static GPrivate spare_raw = G_PRIVATE_INIT(g_free);

ZsInput *zs_input_open(const char *file, GError **error) {
  int fd = strcmp(file, "-") == 0 ? 0 : g_open(file, O_RDONLY, 0);
  if (fd < 0) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: %s", file, g_strerror(errno));
    return NULL;
  }
  ZsInput *in = g_new0(ZsInput, 1);
  in->file = g_strdup(file);
  in->fd = fd;
  in->cd = (GIConv)-1;
  in->raw = zs_spare_take(&spare_raw);
  if (!in->raw)
    in->raw = g_malloc(CHUNK + 4);
  return in;
}

void zs_input_close(ZsInput *in) {
  if (!in)
    return;
  if (in->fd > 0)
    close(in->fd);
  if (in->cd != (GIConv)-1)
    g_iconv_close(in->cd);
  if (!zs_spare_keep(&spare_raw, in->raw))
    g_free(in->raw);
  if (in->out)
    g_string_free(in->out, TRUE);
  g_free(in->file);
  g_free(in);
}

const char *zs_input_encoding(const ZsInput *in) {
  static const char *names[] = {"UTF-8", "UTF-8", "UTF-16LE", "UTF-16BE"};
  return names[in->enc];
}

/* Fills in->raw after its first `in->raw_len` bytes up to `want` bytes, or
 * to the end of the input. Returns FALSE on a read error. */
static gboolean fill(ZsInput *in, gsize want, GError **error) {
  while (in->raw_len < want && !in->eof) {
    gssize n = read(in->fd, in->raw + in->raw_len, want - in->raw_len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: %s", in->file, g_strerror(errno));
      return FALSE;
    }
    if (n == 0)
      in->eof = TRUE;
    in->raw_len += (gsize)n;
  }
  return TRUE;
}

/* UTF-16 without a byte order mark: most code units of plain text in any
 * script but CJK have one zero byte, always on the same side; UTF-8 text has
 * no NUL at all. Demand both a real share of zeros on one side and almost
 * none on the other, so a UTF-8 file with a few stray NULs stays UTF-8. */
static Encoding sniff(const unsigned char *b, gsize len) {
  Encoding bom = len < 2                        ? ENC_UNKNOWN
                 : b[0] == 0xFF && b[1] == 0xFE ? ENC_UTF16LE
                 : b[0] == 0xFE && b[1] == 0xFF ? ENC_UTF16BE
                                                : ENC_UNKNOWN;
  if (bom != ENC_UNKNOWN) {
    /* FF FE is also how a UTF-8 file with two bad bytes starts. UTF-16 text
     * has NULs (every line break has one), or, all CJK, reads as UTF-8 with
     * about every other byte invalid; UTF-8 with some damage has few. */
    if (memchr(b, 0, MIN(len, SNIFF)))
      return bom;
    const char *p = (const char *)b, *end = p + MIN(len, SNIFF), *bad;
    gsize invalid = 0;
    while (p < end && !g_utf8_validate(p, end - p, &bad)) {
      invalid++;
      p = bad + 1;
    }
    return invalid * 10 > (gsize)(end - (const char *)b) ? bom : ENC_UTF8;
  }
  /* No NUL (nearly every input): neither test below can hold. */
  if (!memchr(b, 0, MIN(len, SNIFF)))
    return ENC_UTF8;
  gsize pairs = MIN(len, SNIFF) / 2, zero_even = 0, zero_odd = 0;
  for (gsize i = 0; i < pairs; i++) {
    zero_even += b[2 * i] == 0;
    zero_odd += b[2 * i + 1] == 0;
  }
  if (pairs < 4)
    return ENC_UTF8;
  if (zero_odd * 4 >= pairs && zero_even * 20 <= zero_odd)
    return ENC_UTF16LE;
  if (zero_even * 4 >= pairs && zero_odd * 20 <= zero_even)
    return ENC_UTF16BE;
  return ENC_UTF8;
}

static void count_lines(ZsInput *in, gsize from) {
  for (gsize i = from; i < in->out->len; i++)
    in->lines += in->out->str[i] == '\n';
}

static void bad_unit(ZsInput *in, const char *what, GPtrArray *warnings) {
  /* One warning per input: a file in the wrong encoding has thousands. */
  if (in->bad++ == 0 && warnings)
    g_ptr_array_add(warnings, g_strdup_printf("%s:%u: %s at byte %" G_GUINT64_FORMAT,
                                              in->file, in->lines + 1, what, in->consumed));
  g_string_append(in->out, "\xEF\xBF\xBD");
}

/* Converts in->raw to in->out; keeps an incomplete last unit for later. */
static void convert(ZsInput *in, GPtrArray *warnings) {
  g_string_truncate(in->out, 0);
  char *src = in->raw;
  gsize left = in->raw_len;
  while (left > 0) {
    gsize start = in->out->len;
    g_string_set_size(in->out, start + left * 2 + 4);
    char *dst = in->out->str + start;
    gsize room = left * 2 + 4;
    char *before = src;
    gsize r = g_iconv(in->cd, &src, &left, &dst, &room);
    int err = errno;
    g_string_set_size(in->out, (gsize)(dst - in->out->str));
    in->consumed += (guint64)(src - before);
    count_lines(in, start);
    if (r != (gsize)-1)
      break;
    if (err == EILSEQ) { /* a lone surrogate: skip one unit */
      gsize skip = MIN(left, 2);
      bad_unit(in, "invalid UTF-16", warnings);
      src += skip, left -= skip, in->consumed += skip;
    } else if (err == EINVAL) { /* a unit split by the chunk: wait for more */
      if (!in->eof)
        break;
      bad_unit(in, "truncated UTF-16", warnings);
      in->consumed += left;
      left = 0;
    } else if (err != E2BIG) {
      bad_unit(in, "cannot convert UTF-16", warnings);
      in->consumed += left;
      left = 0;
    }
  }
  memmove(in->raw, src, left);
  in->raw_len = left;
}

gssize zs_input_read(ZsInput *in, const char **data, GPtrArray *warnings, GError **error) {
  if (in->enc == ENC_UNKNOWN) {
    /* A whole chunk: UTF-8, the usual case, is handed on from it. */
    if (!fill(in, CHUNK, error))
      return -1;
    in->enc = sniff((const unsigned char *)in->raw, in->raw_len);
    if (in->enc != ENC_UTF8) {
      in->out = g_string_sized_new(CHUNK);
      in->cd = g_iconv_open("UTF-8", in->enc == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE");
      if (in->cd == (GIConv)-1) {
        g_set_error(error, ZS_ERROR, ZS_ERROR_INPUT, "%s: UTF-16 input, and no converter: %s",
                    in->file, g_strerror(errno));
        return -1;
      }
      /* The byte order mark is no text. */
      const guchar *b = (const guchar *)in->raw;
      if (in->raw_len >= 2 && ((in->enc == ENC_UTF16LE && b[0] == 0xFF && b[1] == 0xFE) ||
                               (in->enc == ENC_UTF16BE && b[0] == 0xFE && b[1] == 0xFF))) {
        memmove(in->raw, in->raw + 2, in->raw_len - 2);
        in->raw_len -= 2;
        in->consumed = 2;
      }
    }
  } else if (in->enc == ENC_UTF8) {
    in->raw_len = 0;
  }
  for (;;) {
    if ((in->raw_len == 0 || in->enc != ENC_UTF8) && !fill(in, CHUNK, error))
      return -1;
    if (in->enc == ENC_UTF8) {
      *data = in->raw;
      return (gssize)in->raw_len;
    }
    convert(in, warnings);
    if (in->out->len > 0 || (in->eof && in->raw_len == 0)) {
      *data = in->out->str;
      return (gssize)in->out->len;
    }
  }
}
