/* classify_guard.h: the literal guards that run before each of
 * classify.c's patterns (classify_guard.c). Not for other stages: they see
 * classify.h.
 *
 * Each zs_class_may_be_X(t, n) returns FALSE only when pattern X cannot
 * match t (NUL-terminated; n is its length where the guard reads the end,
 * else 0 will do).
 */
#ifndef ZS_CLASSIFY_GUARD_H
#define ZS_CLASSIFY_GUARD_H

#include "classify.h"

#include <string.h>

/* (The first character of a Chinese prefix, three bytes, is compared
 * inline: most texts differ there, and a call to strncmp() costs more than
 * the rest of most guards. A byte of s is read only when those before it
 * matched the prefix's, which holds no NUL.) */
static inline gboolean zs_class_starts_with(const char *s, const char *prefix) {
  gsize n = strlen(prefix);
  for (gsize i = 0; i < n && i < 3; i++)
    if (s[i] != prefix[i])
      return FALSE;
  return n <= 3 || strncmp(s + 3, prefix + 3, n - 3) == 0;
}

/* A literal with its length, for lists of endings. */
typedef struct {
  const char *s;
  gsize n;
} ZsLit;
#define ZS_LIT(x) {x, sizeof(x) - 1}

/* A list of endings, with the bits (b % 64) of their last bytes, set on
 * first use: a text whose last byte's bit is clear ends in none of them,
 * without a look at each. */
typedef struct {
  const ZsLit *lits;
  guint n;
  GOnce once;
  guint64 last;
} ZsEnds;
#define ZS_ENDS(lits) {lits, G_N_ELEMENTS(lits), G_ONCE_INIT, 0}

/* Can `$` after one of `ends` match in t[0, n)? FALSE only when t ends in
 * none of them and not in a line break. */
gboolean zs_class_may_end_with(const char *t, gsize n, ZsEnds *ends);

/* Can t start with a news organization (本报, 新华社, 人民网, …客户端)?
 * Both dateline patterns but message's 【…】 form need one. */
gboolean zs_class_may_start_with_org(const char *t);
/* The literal parts of the dated and message guards, for a caller that has
 * already asked zs_class_may_start_with_org(): may_be_dated(t) is
 * org && dated_literals(t), may_be_message(t) is 【 || (org &&
 * message_literals(t)). */
gboolean zs_class_dated_literals(const char *t);
gboolean zs_class_message_literals(const char *t);

/* Has t a breadcrumb arrow (> » › ＞) where meta's breadcrumb branch can
 * have it (its first 88 bytes)? */
gboolean zs_class_has_arrow(const char *t);
/* Can meta's breadcrumb branch match t[0, n) (strlen(t))? An arrow where
 * it can be, and not a line ending in ，。！？ (zs_class_may_be_meta()
 * asks the same). */
gboolean zs_class_may_be_breadcrumb(const char *t, gsize n);

gboolean zs_class_may_be_dated(const char *t, gsize n);
gboolean zs_class_may_be_message(const char *t, gsize n);
gboolean zs_class_may_be_meta(const char *t, gsize n);
gboolean zs_class_may_be_datetime(const char *t, gsize n);
gboolean zs_class_may_be_endnote(const char *t, gsize n);
gboolean zs_class_may_be_names(const char *t, gsize n);
gboolean zs_class_may_be_byline(const char *t, gsize n);
gboolean zs_class_may_be_caption(const char *t, gsize n);
gboolean zs_class_may_be_rule(const char *t, gsize n);
gboolean zs_class_may_be_site(const char *t, gsize n);
gboolean zs_class_may_be_lead(const char *t, gsize n);
gboolean zs_class_may_be_section(const char *t, gsize n);

#endif
