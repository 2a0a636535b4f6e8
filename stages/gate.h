/* gate.h: the literal text a PCRE2 pattern cannot match without.
 *
 * rules.c runs a rule's pattern on a sentence only when one of the
 * pattern's gate literals occurs in it (found for all rules at once by the
 * Aho-Corasick pass), so a thousand patterns do not cost a thousand regex
 * scans per sentence.
 */
#ifndef ZS_GATE_H
#define ZS_GATE_H

#include <glib.h>

/* The gate literals of `pattern` (PCRE2 syntax, compiled with PCRE2_UTF and
 * without PCRE2_CASELESS or PCRE2_EXTENDED): a NULL-terminated list, one
 * per top-level alternative, such that every match of the pattern contains
 * at least one of them. Returns NULL when no such list is found (an
 * alternative with no mandatory literal, or syntax this reader does not
 * follow: inline options, \Q...\E, verbs); the pattern must then always
 * run. Free with g_strfreev(). */
char **zs_gate_literals(const char *pattern);

/* zs_gate_literals(), but an alternative with no mandatory literal of its
 * own may give several: the literals of a group that is a mandatory choice
 * of them, as (?:新建|改扩建) in (?:新建|改扩建)[^，]{0,6}学校; every match
 * still contains at least one literal of the list. */
char **zs_gate_choices(const char *pattern);

/* zs_gate_choices(), and in *before (one a literal, in their order; free
 * with g_free()) the most bytes a match of the pattern can hold before an
 * occurrence of that literal it holds where the literal stands in the
 * pattern, G_MAXSIZE when not bounded (a quantifier without limit, a
 * group or escape this reader does not measure, \G anywhere). A search
 * may then start at the first occurrence of a literal less its bound:
 * no match starts before that. *before is set only when a list is
 * returned. */
char **zs_gate_choices_before(const char *pattern, gsize **before);

#endif
