/* zhstats.c: what the shared types of zhstats.h need at run time: the error
 * domain, the names of kinds written in the CSV, and the making of a row. */
#include "zhstats.h"

#include <string.h>

G_DEFINE_QUARK(zhstats-error-quark, zs_error)

static const char *kind_names[ZS_KIND_COUNT] = {
  "level", "change_pct", "change_abs", "share", "ratio", "growth_multiple",
};

const char *zs_kind_name(ZsKind k) { return k < ZS_KIND_COUNT ? kind_names[k] : "level"; }

gboolean zs_kind_from_name(const char *name, ZsKind *out) {
  for (int k = 0; k < ZS_KIND_COUNT; k++)
    if (strcmp(name, kind_names[k]) == 0) {
      *out = (ZsKind)k;
      return TRUE;
    }
  return FALSE;
}


gboolean zs_jit_enabled(void) { return g_getenv("ZHSTATS_NO_JIT") == NULL; }

/* A row's strings are copied behind the struct, in the same allocation:
 * the write stage reads a dozen strings per row, and a dozen allocations
 * and frees per row cost more than the rest of making it. */
ZsStat *zs_stat_new(const ZsStat *fields) {
  static const gsize unknown[ZS_STAT_STRINGS] = {
    ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN,
    ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN, ZS_STAT_UNKNOWN,
  };
  return zs_stat_new_known(fields, unknown);
}

/* strlen() of s, told (known) or measured; 0 for NULL. */
static inline gsize measure(const char *s, gsize known) {
  return !s ? 0 : known != ZS_STAT_UNKNOWN ? known : strlen(s);
}

/* Copies the len bytes at src to `at` as the row's string *field, NUL
 * ended, and returns where the next string goes. */
static inline char *place(char *at, char **field, const char *src, gsize len) {
  *field = at;
  if (len)
    memcpy(at, src, len);
  at[len] = '\0';
  return at + len + 1;
}

/* Written out string by string, not as loops over arrays of the fields'
 * addresses: a row is made for every figure written. */
ZsStat *zs_stat_new_known(const ZsStat *fields, const gsize known[ZS_STAT_STRINGS]) {
  gsize len[ZS_STAT_STRINGS] = {
    measure(fields->metric, known[0]),  measure(fields->value, known[1]),
    measure(fields->unit, known[2]),    measure(fields->sentence, known[3]),
    measure(fields->surface, known[4]), measure(fields->article, known[5]),
    measure(fields->file, known[6]),    measure(fields->period, known[7]),
    measure(fields->rule, known[8]),
  };
  gsize total = sizeof(ZsStat) + ZS_STAT_STRINGS + len[0] + len[1] + len[2] + len[3] + len[4] +
                len[5] + len[6] + len[7] + len[8];
  ZsStat *st = g_malloc(total);
  *st = *fields;
  memcpy(st->lengths, len, sizeof len);
  char *at = (char *)(st + 1);
  at = place(at, &st->metric, fields->metric, len[0]);
  at = place(at, &st->value, fields->value, len[1]);
  at = place(at, &st->unit, fields->unit, len[2]);
  at = place(at, &st->sentence, fields->sentence, len[3]);
  at = place(at, &st->surface, fields->surface, len[4]);
  at = place(at, &st->article, fields->article, len[5]);
  at = place(at, &st->file, fields->file, len[6]);
  at = place(at, &st->period, fields->period, len[7]);
  place(at, &st->rule, fields->rule, len[8]);
  return st;
}

/* Whether the string str of len bytes starts at *p, where it is moved past
 * the string's NUL. */
static inline gboolean lies_at(const char *str, gsize len, const char **p) {
  if (str != *p || str[len] != '\0')
    return FALSE;
  *p += len + 1;
  return TRUE;
}

/* The strings of a row made by zs_stat_new() follow each other behind the
 * struct, each after its predecessor's NUL; a row whose pointers all sit
 * where its lengths say was made so (the strings are never changed in
 * place), and a row built otherwise fails at its first string. */
gboolean zs_stat_packed(const ZsStat *s) {
  const char *p = (const char *)(s + 1);
  const gsize *len = s->lengths;
  return lies_at(s->metric, len[0], &p) && lies_at(s->value, len[1], &p) &&
         lies_at(s->unit, len[2], &p) && lies_at(s->sentence, len[3], &p) &&
         lies_at(s->surface, len[4], &p) && lies_at(s->article, len[5], &p) &&
         lies_at(s->file, len[6], &p) && lies_at(s->period, len[7], &p) &&
         lies_at(s->rule, len[8], &p);
}

void zs_stat_free(ZsStat *s) { g_free(s); }
