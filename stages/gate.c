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

typedef struct {
  GString *run, *best;
  gsize last; /* bytes of the run's last character, 0 when it is not the last atom */
  GPtrArray *choice; /* the alternative's first mandatory choice, or NULL */
} Reader;

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
  if (r->run->len > r->best->len)
    g_string_assign(r->best, r->run->str);
  g_string_truncate(r->run, 0);
  r->last = 0;
}

static char **read_gates(const char *pattern, gboolean choices) {
  if (strstr(pattern, "\\Q") || strstr(pattern, "\\E"))
    return NULL;
  Reader r = {g_string_new(NULL), g_string_new(NULL), 0, NULL};
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  const char *p = pattern;
  gboolean ok = TRUE;
  for (;;) {
    char c = *p;
    if (c == '\0' || c == '|') {
      end_run(&r);
      if (r.best->len) {
        g_ptr_array_add(out, g_strdup(r.best->str));
      } else if (r.choice) {
        for (guint i = 0; i < r.choice->len; i++)
          g_ptr_array_add(out, g_strdup(r.choice->pdata[i]));
      } else {
        ok = FALSE;
        break;
      }
      g_string_truncate(r.best, 0);
      g_clear_pointer(&r.choice, g_ptr_array_unref);
      if (!c)
        break;
      p++;
    } else if (c == '?' || c == '*' || c == '+' || c == '{') {
      /* The quantified atom may be absent or repeated: not part of a run.
       * For '+' it is required, but the run still ends after it. */
      if (r.last)
        g_string_truncate(r.run, r.run->len - r.last);
      end_run(&r);
      if (c == '{') {
        const char *end = strchr(p, '}');
        p = end ? end + 1 : p + 1;
      } else {
        p++;
      }
    } else if (c == '\\') {
      end_run(&r);
      p = skip_escape(p);
    } else if (c == '[') {
      end_run(&r);
      p = skip_class(p);
    } else if (c == '(') {
      end_run(&r);
      if (choices && !r.choice)
        r.choice = read_choice(p);
      p = skip_group(p);
      if (!p) {
        ok = FALSE;
        break;
      }
    } else if ((guchar)c >= 0x80 || g_ascii_isalnum(c)) {
      const char *next = g_utf8_next_char(p);
      r.last = (gsize)(next - p);
      g_string_append_len(r.run, p, (gssize)r.last);
      p = next;
    } else {
      end_run(&r); /* ., ^, $, spaces and other punctuation: not trusted */
      p++;
    }
  }
  g_string_free(r.run, TRUE);
  g_string_free(r.best, TRUE);
  g_clear_pointer(&r.choice, g_ptr_array_unref);
  if (!ok || out->len == 0) {
    g_ptr_array_free(out, TRUE);
    return NULL;
  }
  g_ptr_array_add(out, NULL);
  return (char **)g_ptr_array_free(out, FALSE);
}

char **zs_gate_literals(const char *pattern) { return read_gates(pattern, FALSE); }

char **zs_gate_choices(const char *pattern) { return read_gates(pattern, TRUE); }
