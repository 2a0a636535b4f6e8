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

ZsStat *zs_stat_new_known(const ZsStat *fields, const gsize known[ZS_STAT_STRINGS]) {
  const char *const src[] = {fields->metric, fields->value,   fields->unit,
                             fields->sentence, fields->surface, fields->article,
                             fields->file,   fields->period,  fields->rule};
  G_STATIC_ASSERT(G_N_ELEMENTS(src) == ZS_STAT_STRINGS);
  gsize len[G_N_ELEMENTS(src)], total = sizeof(ZsStat);
  for (gsize i = 0; i < G_N_ELEMENTS(src); i++)
    total += (len[i] = !src[i] ? 0 : known[i] != ZS_STAT_UNKNOWN ? known[i] : strlen(src[i])) + 1;
  ZsStat *st = g_malloc(total);
  *st = *fields;
  char *at = (char *)(st + 1);
  char **dst[] = {&st->metric, &st->value,   &st->unit,   &st->sentence, &st->surface,
                  &st->article, &st->file,    &st->period, &st->rule};
  G_STATIC_ASSERT(G_N_ELEMENTS(dst) == G_N_ELEMENTS(src));
  for (gsize i = 0; i < G_N_ELEMENTS(src); i++) {
    *dst[i] = at;
    if (len[i])
      memcpy(at, src[i], len[i]);
    at[len[i]] = '\0';
    at += len[i] + 1;
    st->lengths[i] = len[i];
  }
  return st;
}

/* The strings of a row made by zs_stat_new() follow each other behind the
 * struct, each after its predecessor's NUL; a row whose pointers all sit
 * where its lengths say was made so (the strings are never changed in
 * place), and a row built otherwise fails at its first string. */
gboolean zs_stat_packed(const ZsStat *s) {
  const char *const at[] = {s->metric, s->value,   s->unit,   s->sentence, s->surface,
                            s->article, s->file,   s->period, s->rule};
  const char *p = (const char *)(s + 1);
  for (gsize i = 0; i < ZS_STAT_STRINGS; i++) {
    if (at[i] != p || p[s->lengths[i]] != '\0')
      return FALSE;
    p += s->lengths[i] + 1;
  }
  return TRUE;
}

void zs_stat_free(ZsStat *s) { g_free(s); }
