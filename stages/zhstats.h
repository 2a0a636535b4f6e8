/* zhstats.h: the types that flow between the stages of the pipeline.
 *
 *   bytes --normalize--> ZsDoc --segment--> ZsArticle[] --extract--> ZsStat[]
 *         --write--> CSV
 *
 * Read this file first: every stage takes the previous stage's type declared
 * here and returns the next one, and no stage looks inside another's module.
 *
 * Ownership, once for the whole program: a struct owns every pointer it
 * holds, and is freed with its own zs_*_free() function (also usable with
 * g_autoptr). Functions that return a new object give it to the caller.
 * `const char *` parameters are borrowed for the duration of the call only.
 * Any function that breaks this rule says so above its declaration.
 */
#ifndef ZHSTATS_H
#define ZHSTATS_H

#include <glib.h>
#include <string.h>

#define ZS_VERSION "0.1.0"

/* Exit codes, documented in --help and README.md. */
enum {
  ZS_EXIT_OK = 0,
  ZS_EXIT_INPUT = 1, /* unreadable input, or a problem under --strict */
  ZS_EXIT_USAGE = 2, /* bad options or a broken rules file */
};

/* Errors of the zhstats domain, for GError. */
#define ZS_ERROR (zs_error_quark())
GQuark zs_error_quark(void);
typedef enum {
  ZS_ERROR_INPUT,   /* input file missing, unreadable or malformed */
  ZS_ERROR_RULES,   /* rules file unreadable or invalid */
  ZS_ERROR_OUTPUT,  /* output cannot be written */
  ZS_ERROR_LIMIT,   /* a resource limit was hit */
} ZsErrorCode;

/* ---- normalize: bytes -> ZsDoc ---------------------------------------- */

/* One paragraph of normalized text: the hard line breaks inside it removed,
 * spaces and full-width forms normalized (see stages/normalize.c). */
typedef struct {
  char *text;      /* normalized UTF-8, no newline */
  /* strlen(text), set by the normalizer (reflow.c emit_para()); 0 in a
   * paragraph made by hand means not measured (zs_para_len()). */
  gsize len;
  guint line;      /* 1-based input line where the paragraph starts */
  guint last_line; /* 1-based input line where it ends */
  guint n_lines;   /* physical (non-blank) input lines joined into it */
  gboolean markdown_heading; /* the input line started with "#" markers */
  /* Where each of the n_lines joined input lines starts in `text`: byte
   * offsets (ascending) and their input lines; NULL for a one-line
   * paragraph. zs_norm_para_line_at() reads them. */
  gsize *line_offsets;
  guint *line_numbers;
} ZsPara;

typedef struct {
  char *file;        /* the input's name as given (a path, or "-") */
  GPtrArray *paras;  /* ZsPara*, in input order */
} ZsDoc;

void zs_para_free(ZsPara *p);
/* The length of p->text: its len, or strlen() for one made without it. */
static inline gsize zs_para_len(const ZsPara *p) {
  return p->len ? p->len : strlen(p->text);
}
void zs_doc_free(ZsDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsDoc, zs_doc_free)

/* ---- segment: ZsDoc -> ZsArticle[] ------------------------------------ */

typedef enum {
  ZS_SENT_BODY = 0,  /* a sentence of the article's body */
  ZS_SENT_HEADLINE,  /* the headline or a subtitle, as one sentence */
} ZsSentKind;

/* A sentence and its text are one block (zs_sentence_new()), or part of
 * its article's block (ZsArticle.block), so `text` is never replaced. */
typedef struct {
  char *text;      /* the sentence, normalized, dateline and byline removed */
  guint line;      /* 1-based input line where the sentence starts */
  ZsSentKind kind;
  guint para;      /* index of the paragraph within the article, from 0 */
} ZsSentence;

typedef struct {
  guint no;           /* 1-based article number in reading order, per file */
  char *headline;     /* headline, " ——subtitle" appended; "" when none */
  char *dateline;     /* "本报北京1月30日电" or "本报讯", "" when none */
  char *byline;       /* "记者 孙秀艳", "" when none */
  guint first_line;   /* first input line of the article (any part) */
  guint last_line;    /* last input line of the article */
  GPtrArray *sentences; /* ZsSentence*: headline sentences first, then body */
  /* The segmenter's articles keep all their sentences (structs and texts)
   * in this one block, freed with the article, and `sentences` then frees
   * none; an article built otherwise (NULL here) gives `sentences` a free
   * function, e.g. zs_sentence_free() for zs_sentence_new()'s. */
  gpointer block;
} ZsArticle;

/* A new sentence whose text is text[0, len), copied. */
ZsSentence *zs_sentence_new(const char *text, gsize len, guint line, ZsSentKind kind,
                            guint para);
void zs_sentence_free(ZsSentence *s);
void zs_article_free(ZsArticle *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsArticle, zs_article_free)

/* ---- numbers: a span of text -> exact quantities ----------------------- */

typedef enum {
  ZS_QUAL_EXACT = 0,
  ZS_QUAL_APPROX,  /* 约 左右 上下 大约 */
  ZS_QUAL_NEARLY,  /* 近 将近 接近 */
  ZS_QUAL_OVER,    /* 超 超过 逾 余 多 以上 突破 不低于 十几 */
  ZS_QUAL_UNDER,   /* 不到 不足 以下 */
} ZsQualifier;

const char *zs_qualifier_name(ZsQualifier q);

/* A quantity found in a sentence. Offsets are byte offsets into the
 * sentence; [start, end) is the surface, as the gold's README defines it.
 * The number reader makes it in one block with its strings (numbers.c), so
 * `value` and `unit` are never replaced. */
typedef struct {
  gsize start, end;    /* surface */
  gsize num_start, num_end; /* the number itself, without qualifier and unit */
  char *value;         /* exact base value, plain decimal ("11254800") */
  char *unit;          /* base unit ("人次", "%", "pp", "倍"); "" when none */
  ZsQualifier qualifier;
  gboolean is_chinese; /* written with Chinese numerals */
  gboolean range_low;  /* low bound of a range; its unit is the high bound's */
} ZsQuantity;

void zs_quantity_free(ZsQuantity *q);

/* ---- extract: sentence + rules -> ZsStat[] ---------------------------- */

typedef enum {
  ZS_KIND_LEVEL = 0,
  ZS_KIND_CHANGE_PCT,
  ZS_KIND_CHANGE_ABS,
  ZS_KIND_SHARE,
  ZS_KIND_RATIO,
  ZS_KIND_GROWTH_MULTIPLE,
  ZS_KIND_COUNT
} ZsKind;

const char *zs_kind_name(ZsKind k);

/* Whether regular expressions may be JIT-compiled: not when the environment
 * sets ZHSTATS_NO_JIT (make check-valgrind does: valgrind cannot follow JIT
 * code, whose wide reads past a subject's end it reports as errors). */
gboolean zs_jit_enabled(void);
gboolean zs_kind_from_name(const char *name, ZsKind *out);

/* One row of the dataset. Its strings live in the same allocation as the
 * struct (zs_stat_new()), so no field is ever assigned on its own: to
 * change one, make a new row from a copy of the fields. */
#define ZS_STAT_STRINGS 9
typedef struct {
  char *metric;     /* "" for a quantity no rule claimed (--all-quantities) */
  char *value;      /* exact base value */
  char *unit;
  char *sentence;
  ZsKind kind;
  ZsQualifier qualifier;
  char *surface;
  char *article;    /* the article's headline */
  guint article_no;
  char *file;
  guint line;
  char *period;     /* "2023", "2023Q4", "2023-12-31", "2019/2023", or "" */
  char *rule;       /* "FILE:LINE" of the rule that claimed it, or "" */
  gsize offset;     /* byte offset of the surface in the sentence */
  /* Set by zs_stat_new() (ignored in `fields`): the lengths of the nine
   * strings in the order they lie behind the struct (metric, value, unit,
   * sentence, surface, article, file, period, rule), so that the writer
   * need not measure them again. A reader trusts them only after
   * zs_stat_packed() has checked that the strings are where zs_stat_new()
   * put them (a row built by hand, or a copy with a field changed, is not). */
  gsize lengths[ZS_STAT_STRINGS];
} ZsStat;

/* A new row with the fields of `fields`, its strings copied (a NULL
 * string becomes ""). */
ZsStat *zs_stat_new(const ZsStat *fields);
/* zs_stat_new() told some of the strings' lengths: known[i] (in the order
 * of ZsStat.lengths) is the length of that string, or ZS_STAT_UNKNOWN to
 * have it measured. A told string is copied for that many bytes, which
 * hold no NUL: it need not end there (a surface is read in its sentence). */
#define ZS_STAT_UNKNOWN G_MAXSIZE
ZsStat *zs_stat_new_known(const ZsStat *fields, const gsize known[ZS_STAT_STRINGS]);
void zs_stat_free(ZsStat *s);
/* Whether s->lengths describe s's strings (see ZsStat). */
gboolean zs_stat_packed(const ZsStat *s);

#endif
