/* gate.c: reads a PCRE2 pattern for the literals every match must contain.
 *
 * A deliberately small reader, and conservative where it does not follow:
 * it looks only at the top level of the pattern. In each top-level
 * alternative, a run of literal characters (non-ASCII, or ASCII letters and
 * digits) that no quantifier makes optional is text every match of that
 * alternative contains. Groups, classes, escapes, "." and anchors end a run
 * and are skipped whole; a quantifier takes its character out of the run.
 * The longest run of each alternative is its gate. Anything that could make
 * a literal mean something else (inline options such as (?i), \Q...\E, (*
 * verbs) gives up: the pattern then runs on every sentence, as before.
 *
 * zs_gate_choices() also accepts an alternative with no such run but a
 * mandatory choice: a group of plain literals, (?:退役军人|军属), with no
 * quantifier after it; every match holds one of them.
 *
 * zs_gate_choices_before() also measures, by the same walk, how many bytes
 * at most a match holds before each gate (NO_BOUND when the reader cannot
 * tell): rules_match.c then starts a search that far before the gate's
 * first occurrence instead of at the sentence's start. Where it is unsure,
 * it overestimates (a search starting too early finds the same match).
 */
#include "gate.h"

#include <string.h>

/* Skips a character class starting at p ('['); returns past its ']'. */
static const char *skip_class(const char *p) {
  p++;
  if (*p == '^')
    p++;
  if (*p == ']')
    p++; /* a leading ']' is literal */
  while (*p && *p != ']') {
    if (*p == '\\' && p[1])
      p = g_utf8_next_char(p + 1);
    else if (p[0] == '[' && p[1] == ':') {
      const char *end = strstr(p + 2, ":]");
      p = end ? end + 2 : p + 1;
    } else
      p = g_utf8_next_char(p);
  }
  return *p ? p + 1 : p;
}

/* Skips an escape starting at p ('\\'), with a braced argument (\p{Han},
 * \x{4e00}, \g{1}); returns past it. */
static const char *skip_escape(const char *p) {
  p++;
  if (!*p)
    return p;
  const char *q = g_utf8_next_char(p);
  if (strchr("pPxogkN", *p) && *q == '{') {
    const char *end = strchr(q, '}');
    return end ? end + 1 : q;
  }
  if (*p == 'k' && (*q == '<' || *q == '\'')) {
    const char *end = strchr(q, *q == '<' ? '>' : '\'');
    return end ? end + 1 : q;
  }
  return q;
}

/* Skips a group starting at p ('('); returns past its ')', or NULL when the
 * group is one this reader does not follow. */
static const char *skip_group(const char *p) {
  int depth = 0;
  while (*p) {
    if (*p == '\\') {
      p = skip_escape(p);
    } else if (*p == '[') {
      p = skip_class(p);
    } else if (*p == '(') {
      if (p[1] == '*')
        return NULL;
      if (p[1] == '?' && (g_ascii_isalpha(p[2]) || p[2] == '^' || p[2] == '-' || p[2] == '#'))
        return NULL; /* inline options change what a literal matches; a
                      * comment may hold unbalanced parentheses */
      depth++;
      p++;
    } else if (*p == ')') {
      p++;
      if (--depth == 0)
        return p;
    } else {
      p = g_utf8_next_char(p);
    }
  }
  return NULL;
}

/* ---- how far into a match a gate stands -------------------------------- */

/* A byte count that may be unbounded (NO_BOUND), added without wrapping. */
#define NO_BOUND G_MAXSIZE
static gsize add_bound(gsize a, gsize b) { return a == NO_BOUND || b == NO_BOUND ? NO_BOUND : a + b; }

/* The most bytes one character matches in UTF-8. */
#define CHAR_MAX_BYTES 4

/* The most bytes the escape at p ('\\') matches: one character for a
 * character or a class of them, none for an assertion, NO_BOUND for what
 * may match more (\X, back references). \G (a match at the start offset
 * only) sets *no_start: no search may then start anywhere but at 0. */
static gsize escape_max(const char *p, gboolean *no_start) {
  char e = p[1];
  if (e == 'G')
    *no_start = TRUE;
  if (e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'K' || e == 'G')
    return 0;
  if (e == 'X' || e == 'g' || e == 'k' || g_ascii_isdigit(e))
    return NO_BOUND;
  return CHAR_MAX_BYTES;
}

/* The most bytes the group at p ('(') matches: none for a lookaround, the
 * longest alternative of a group of plain literals (capturing or (?:),
 * else NO_BOUND. */
static gsize group_max(const char *p) {
  if (p[1] == '?' && (p[2] == '=' || p[2] == '!'))
    return 0;
  if (p[1] == '?' && p[2] == '<' && (p[3] == '=' || p[3] == '!'))
    return 0;
  if (p[1] == '?' && p[2] != ':')
    return NO_BOUND;
  gsize best = 0, cur = 0;
  for (p += p[1] == '?' ? 3 : 1;; p++) {
    if (*p == '|' || *p == ')') {
      best = MAX(best, cur);
      cur = 0;
      if (*p == ')')
        return best;
    } else if ((guchar)*p >= 0x80 || g_ascii_isalnum(*p)) {
      cur++; /* a byte of a literal */
    } else {
      return NO_BOUND;
    }
  }
}

typedef struct {
  GString *run, *best;
  gsize last; /* bytes of the run's last character, 0 when it is not the last atom */
  GPtrArray *choice; /* the alternative's first mandatory choice, or NULL */
  /* The most bytes the alternative matches up to here (NO_BOUND when not
   * bounded), that of its last atom (for a quantifier), and its value
   * where the run, the best run and the choice start. */
  gsize acc, atom, run_acc, best_acc, choice_acc;
  gboolean no_start; /* \G: searches start at 0 only */
} Reader;

/* An atom of at most `max` bytes read. */
static void atom(Reader *r, gsize max) {
  r->atom = max;
  r->acc = add_bound(r->acc, max);
}

/* A quantifier at p applies to the last atom; returns past it. */
static const char *quantify(Reader *r, const char *p) {
  if (*p == '*' || *p == '+') {
    r->acc = NO_BOUND;
    return p + 1;
  }
  if (*p == '?')
    return p + 1; /* the atom, counted once, at most once */
  /* {n} and {m,n}: n - 1 more of the atom. Anything else ({m,}, or a
   * brace PCRE2 reads as literal text) leaves no bound. */
  const char *end = strchr(p, '}');
  const char *q = p + 1, *hi = q;
  while (end && q < end && g_ascii_isdigit(*q))
    q++;
  if (end && q > p + 1 && *q == ',') {
    hi = ++q;
    while (q < end && g_ascii_isdigit(*q))
      q++;
  }
  if (!end || q != end || hi == end || end - hi > 5) {
    r->acc = NO_BOUND;
    return end ? end + 1 : p + 1;
  }
  guint64 n = g_ascii_strtoull(hi, NULL, 10);
  if (n > 0)
    r->acc = r->atom == NO_BOUND ? NO_BOUND : add_bound(r->acc, (gsize)(n - 1) * r->atom);
  return end + 1;
}

/* The literals of a group at p ('(' or "(?:") made of nothing but
 * alternatives of literal characters and followed by no quantifier, or
 * NULL. */
static GPtrArray *read_choice(const char *p) {
  p += p[1] == '?' ? (p[2] == ':' ? 3 : 0) : 1;
  if (*p == '(' || *p == '?')
    return NULL; /* a lookaround, a named group or another construct */
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  const char *from = p;
  for (;; p = g_utf8_next_char(p)) {
    if (*p == '|' || *p == ')') {
      if (p == from)
        break; /* an empty alternative */
      g_ptr_array_add(out, g_strndup(from, (gsize)(p - from)));
      if (*p == ')') {
        char q = p[1];
        if (q == '?' || q == '*' || q == '+' || q == '{')
          break;
        return out;
      }
      from = p + 1;
    } else if (!((guchar)*p >= 0x80 || g_ascii_isalnum(*p))) {
      break;
    }
  }
  g_ptr_array_free(out, TRUE);
  return NULL;
}

static void end_run(Reader *r) {
  if (r->run->len > r->best->len) {
    g_string_assign(r->best, r->run->str);
    r->best_acc = r->run_acc;
  }
  g_string_truncate(r->run, 0);
  r->last = 0;
}

static char **read_gates(const char *pattern, gboolean choices, gsize **before_out) {
  if (strstr(pattern, "\\Q") || strstr(pattern, "\\E"))
    return NULL;
  Reader r = {g_string_new(NULL), g_string_new(NULL), 0, NULL, 0, 0, 0, 0, 0, FALSE};
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  GArray *before = g_array_new(FALSE, FALSE, sizeof(gsize));
  const char *p = pattern;
  gboolean ok = TRUE;
  for (;;) {
    char c = *p;
    if (c == '\0' || c == '|') {
      end_run(&r);
      if (r.best->len) {
        g_ptr_array_add(out, g_strdup(r.best->str));
        g_array_append_val(before, r.best_acc);
      } else if (r.choice) {
        for (guint i = 0; i < r.choice->len; i++) {
          g_ptr_array_add(out, g_strdup(r.choice->pdata[i]));
          g_array_append_val(before, r.choice_acc);
        }
      } else {
        ok = FALSE;
        break;
      }
      g_string_truncate(r.best, 0);
      g_clear_pointer(&r.choice, g_ptr_array_unref);
      r.acc = r.atom = 0;
      if (!c)
        break;
      p++;
    } else if (c == '?' || c == '*' || c == '+' || c == '{') {
      /* The quantified atom may be absent or repeated: not part of a run.
       * For '+' it is required, but the run still ends after it. */
      if (r.last)
        g_string_truncate(r.run, r.run->len - r.last);
      end_run(&r);
      p = quantify(&r, p);
    } else if (c == '\\') {
      end_run(&r);
      atom(&r, escape_max(p, &r.no_start));
      p = skip_escape(p);
    } else if (c == '[') {
      end_run(&r);
      atom(&r, CHAR_MAX_BYTES);
      p = skip_class(p);
    } else if (c == '(') {
      end_run(&r);
      if (choices && !r.choice) {
        r.choice = read_choice(p);
        r.choice_acc = r.acc;
      }
      atom(&r, group_max(p));
      p = skip_group(p);
      if (!p) {
        ok = FALSE;
        break;
      }
    } else if ((guchar)c >= 0x80 || g_ascii_isalnum(c)) {
      const char *next = g_utf8_next_char(p);
      r.last = (gsize)(next - p);
      if (!r.run->len)
        r.run_acc = r.acc;
      g_string_append_len(r.run, p, (gssize)r.last);
      atom(&r, r.last);
      p = next;
    } else {
      end_run(&r); /* ., ^, $, spaces and other punctuation: not trusted */
      atom(&r, c == '.' ? CHAR_MAX_BYTES : c == '^' || c == '$' ? 0 : 1);
      p++;
    }
  }
  g_string_free(r.run, TRUE);
  g_string_free(r.best, TRUE);
  g_clear_pointer(&r.choice, g_ptr_array_unref);
  if (!ok || out->len == 0) {
    g_ptr_array_free(out, TRUE);
    g_array_free(before, TRUE);
    return NULL;
  }
  if (r.no_start)
    for (guint i = 0; i < before->len; i++)
      g_array_index(before, gsize, i) = NO_BOUND;
  if (before_out)
    *before_out = (gsize *)(void *)g_array_free(before, FALSE);
  else
    g_array_free(before, TRUE);
  g_ptr_array_add(out, NULL);
  return (char **)g_ptr_array_free(out, FALSE);
}

char **zs_gate_literals(const char *pattern) { return read_gates(pattern, FALSE, NULL); }

char **zs_gate_choices(const char *pattern) { return read_gates(pattern, TRUE, NULL); }

char **zs_gate_choices_before(const char *pattern, gsize **before) {
  return read_gates(pattern, TRUE, before);
}
