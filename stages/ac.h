/* ac.h: an Aho-Corasick automaton over bytes: every occurrence of every word
 * of a fixed set in one pass over a text.
 *
 * rules.c uses it to find all the rules' literal phrases (and the literals
 * that gate their patterns) at once, so the cost of a sentence hardly grows
 * with the number of rules. Occurrences overlap freely: "养老" and
 * "养老保险" are both reported in "养老保险".
 */
#ifndef ZS_AC_H
#define ZS_AC_H

#include <glib.h>

typedef struct ZsAc ZsAc;

/* A new, empty automaton. Free with zs_ac_free(). */
ZsAc *zs_ac_new(void);
void zs_ac_free(ZsAc *ac);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ZsAc, zs_ac_free)

/* Adds a word of `len` (> 0) bytes before zs_ac_build() and returns its id,
 * numbered from 0 in order of first addition; adding the same word again
 * returns the same id. */
guint zs_ac_add(ZsAc *ac, const char *word, gsize len);

/* Number of distinct words added. */
guint zs_ac_words(const ZsAc *ac);

/* Computes the failure links; call once, after the last zs_ac_add(). */
void zs_ac_build(ZsAc *ac);

/* An occurrence of word `word`: text[start, end). */
typedef struct {
  guint word;
  gsize start, end;
} ZsAcHit;

/* The occurrences a scan appends to: a plain array the caller keeps from
 * one scan to the next (setting len to 0 to reuse it, g_free(v) when
 * done), so that the scan stores each occurrence without a call. */
typedef struct {
  ZsAcHit *v;
  gsize len, cap;
} ZsAcHits;

/* Appends every occurrence in text[0, len) to *out, in order of their
 * end; among those ending at the same byte, the longest first. Read-only
 * on `ac`: safe from several threads at once. */
void zs_ac_scan(const ZsAc *ac, const char *text, gsize len, ZsAcHits *out);

/* zs_ac_scan() for `text` known to be valid UTF-8: the same occurrences in
 * the same order (every word starts with a lead byte, so in valid text an
 * occurrence starts and ends at character boundaries), found a character
 * at a time. */
void zs_ac_scan_utf8(const ZsAc *ac, const char *text, gsize len, ZsAcHits *out);

/* Length in bytes of word `id`. */
gsize zs_ac_word_len(const ZsAc *ac, guint id);

#endif
