/* zhstats.c: what the shared types of zhstats.h need at run time: the error
 * domain and the names of kinds, written in the CSV. */
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
