/* rules.c: loads and checks rules files, and finds where rules match.
 *
 * GLib's key file parser reads the values, but it forgives what a rules
 * author needs to hear about (a duplicate key silently wins, a group
 * defined twice merges) and it knows no line numbers. So each file is first
 * scanned line by line here: groups, keys and their lines, duplicates and
 * malformed lines. Patterns are read raw with g_key_file_get_value(), since
 * g_key_file_get_string() would unescape "\s" and reject "\d".
 */
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "ac.h"
#include "gate.h"
#include "numbers.h"

/* PCRE2 limits for rule patterns: generous for real patterns, small enough
 * that a catastrophic one gives up within milliseconds. */
#define ZS_MATCH_LIMIT 200000
#define ZS_DEPTH_LIMIT 10000

/* What an automaton word means for one rule: a phrase of it (slot: the
 * phrase's index), an exclude phrase, or a literal that gates its pattern. */
enum { HIT_PHRASE, HIT_EXCLUDE, HIT_GATE };
typedef struct {
  guint32 rule;
  guint16 type;
  guint16 slot;
} Hit;

struct ZsRules {
  GPtrArray *rules; /* ZsRule* */
  pcre2_match_context *mctx;
  ZsAc *ac;          /* every phrase, exclude and gate literal of every rule */
  Hit *hits;         /* hits[first[w] .. first[w + 1]) are word w's meanings */
  guint *first;
  GArray *ungated;   /* guint32: rules whose pattern has no gate: always run */
  guint32 ovec_pairs; /* largest ovector any pattern needs */
  GPtrArray *units;  /* distinct units of all rules, in first-seen order (borrowed) */
};

static void index_rules(ZsRules *rules);

static const char *known_keys[] = {"phrase", "pattern", "unit", "kind", "label",
                                   "description", "exclude", "scope"};

static void rule_free(ZsRule *r) {
  g_free(r->metric);
  g_free(r->label);
  g_free(r->description);
  g_strfreev(r->phrases);
  g_strfreev(r->excludes);
  g_strfreev(r->units);
  g_free(r->pattern);
  if (r->code)
    pcre2_code_free(r->code);
  g_free(r->file);
  g_free(r->where);
  g_free(r);
}

void zs_rules_free(ZsRules *rules) {
  if (!rules)
    return;
  g_ptr_array_unref(rules->rules);
  pcre2_match_context_free(rules->mctx);
  zs_ac_free(rules->ac);
  g_free(rules->hits);
  g_free(rules->first);
  if (rules->units)
    g_ptr_array_free(rules->units, TRUE);
  if (rules->ungated)
    g_array_free(rules->ungated, TRUE);
  g_free(rules);
}

guint zs_rules_count(const ZsRules *rules) { return rules->rules->len; }

const ZsRule *zs_rules_get(const ZsRules *rules, guint i) {
  g_return_val_if_fail(i < rules->rules->len, NULL);
  return rules->rules->pdata[i];
}

static void problem(GPtrArray *problems, const char *file, guint line, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static void problem(GPtrArray *problems, const char *file, guint line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_ptr_array_add(problems, line ? g_strdup_printf("%s:%u: %s", file, line, msg)
                                 : g_strdup_printf("%s: %s", file, msg));
}

/* Splits a ";" list, trimming spaces and dropping empty items; reports an
 * empty item. */
static char **split_list(const char *value, gboolean *had_empty) {
  g_auto(GStrv) parts = g_strsplit(value ? value : "", ";", -1);
  GPtrArray *out = g_ptr_array_new();
  *had_empty = FALSE;
  guint n = g_strv_length(parts);
  for (guint i = 0; i < n; i++) {
    char *p = g_strstrip(parts[i]);
    if (*p)
      g_ptr_array_add(out, g_strdup(p));
    else if (i + 1 < n || n == 1) /* a trailing ";" is allowed */
      *had_empty = TRUE;
  }
  g_ptr_array_add(out, NULL);
  return (char **)g_ptr_array_free(out, FALSE);
}

static gboolean is_snake_case(const char *s) {
  if (!g_ascii_islower(*s))
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_islower(*s) && !g_ascii_isdigit(*s) && *s != '_')
      return FALSE;
  return s[-1] != '_';
}

/* Line numbers of groups and keys, found by scanning the text. */
typedef struct {
  GHashTable *group_line; /* group -> line */
  GHashTable *key_line;   /* "group\nkey" -> line */
} LineMap;

static void scan_lines(const char *file, const char *text, LineMap *map, GPtrArray *problems) {
  map->group_line = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  map->key_line = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  g_autofree char *group = NULL;
  for (guint i = 0; lines[i]; i++) {
    guint ln = i + 1;
    char *l = g_strstrip(lines[i]);
    if (!*l || *l == '#')
      continue;
    if (*l == '[') {
      char *close = strchr(l, ']');
      if (!close || close[1]) {
        problem(problems, file, ln, "malformed group header '%s'", l);
        continue;
      }
      g_free(group);
      group = g_strndup(l + 1, (gsize)(close - l - 1));
      gpointer prev = g_hash_table_lookup(map->group_line, group);
      if (prev)
        problem(problems, file, ln, "metric '%s' is already defined at %s:%u", group, file,
                GPOINTER_TO_UINT(prev));
      else
        g_hash_table_insert(map->group_line, g_strdup(group), GUINT_TO_POINTER(ln));
      continue;
    }
    char *eq = strchr(l, '=');
    if (!eq) {
      problem(problems, file, ln, "expected 'key=value', found '%s'", l);
      continue;
    }
    if (!group) {
      problem(problems, file, ln, "key outside of any [metric] group");
      continue;
    }
    g_autofree char *key = g_strstrip(g_strndup(l, (gsize)(eq - l)));
    gboolean known = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS(known_keys); k++)
      known |= strcmp(key, known_keys[k]) == 0;
    if (!known)
      problem(problems, file, ln, "unknown key '%s' in [%s]", key, group);
    char *id = g_strconcat(group, "\n", key, NULL);
    gpointer prev = g_hash_table_lookup(map->key_line, id);
    if (prev) {
      problem(problems, file, ln, "key '%s' given twice in [%s] (first at line %u)", key,
              group, GPOINTER_TO_UINT(prev));
      g_free(id);
    } else {
      g_hash_table_insert(map->key_line, id, GUINT_TO_POINTER(ln));
    }
  }
}

static guint key_line(const LineMap *map, const char *group, const char *key) {
  g_autofree char *id = g_strconcat(group, "\n", key, NULL);
  guint ln = GPOINTER_TO_UINT(g_hash_table_lookup(map->key_line, id));
  return ln ? ln : GPOINTER_TO_UINT(g_hash_table_lookup(map->group_line, group));
}

static void compile_pattern(ZsRule *r, const char *file, guint ln, GPtrArray *problems) {
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
  if (!re) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    problem(problems, file, ln, "pattern of [%s] does not compile: %s at offset %zu", r->metric,
            (const char *)msg, (size_t)offset);
    return;
  }
  /* JIT is an optimization: where it is unavailable the interpreter runs. */
  if (zs_jit_enabled())
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  r->code = re;
}

/* g_key_file_get_value()/get_string() of an optional key, NULL when it is
 * missing: asked first with g_key_file_has_key(), since a missing key
 * makes GLib translate its error message (gettext) even when no error is
 * asked for; most keys of most groups are missing. */
static char *key_value(GKeyFile *kf, const char *group, const char *key) {
  return g_key_file_has_key(kf, group, key, NULL) ? g_key_file_get_value(kf, group, key, NULL)
                                                  : NULL;
}
static char *key_string(GKeyFile *kf, const char *group, const char *key) {
  return g_key_file_has_key(kf, group, key, NULL) ? g_key_file_get_string(kf, group, key, NULL)
                                                  : NULL;
}

static void load_group(ZsRules *rules, GKeyFile *kf, const char *file, const char *group,
                       const LineMap *map, GHashTable *seen, GPtrArray *problems) {
  guint gl = GPOINTER_TO_UINT(g_hash_table_lookup(map->group_line, group));
  ZsRule *r = g_new0(ZsRule, 1);
  r->metric = g_strdup(group);
  r->file = g_strdup(file);
  r->line = gl;
  r->where = g_strdup_printf("%s:%u", file, gl);
  r->index = rules->rules->len;
  g_ptr_array_add(rules->rules, r);

  if (!is_snake_case(group))
    problem(problems, file, gl, "metric name '%s' is not snake_case", group);
  const char *prev = g_hash_table_lookup(seen, group);
  if (prev)
    problem(problems, file, gl, "metric '%s' is already defined at %s", group, prev);
  else
    g_hash_table_insert(seen, g_strdup(group), g_strdup(r->where));

  g_autofree char *phrase = key_value(kf, group, "phrase");
  g_autofree char *unit = key_value(kf, group, "unit");
  g_autofree char *kind = key_value(kf, group, "kind");
  g_autofree char *exclude = key_value(kf, group, "exclude");
  g_autofree char *scope = key_value(kf, group, "scope");
  r->pattern = key_value(kf, group, "pattern");
  r->label = key_string(kf, group, "label");
  r->description = key_string(kf, group, "description");

  gboolean empty;
  r->phrases = split_list(phrase, &empty);
  if (phrase && empty)
    problem(problems, file, key_line(map, group, "phrase"), "empty phrase in [%s]", group);
  r->excludes = split_list(exclude, &empty);
  if (exclude && empty)
    problem(problems, file, key_line(map, group, "exclude"), "empty exclude phrase in [%s]",
            group);
  if (!r->phrases[0] && !r->pattern)
    problem(problems, file, gl, "[%s] has neither a phrase nor a pattern", group);
  if (r->pattern)
    compile_pattern(r, file, key_line(map, group, "pattern"), problems);

  r->units = split_list(unit, &empty);
  if (!r->units[0])
    problem(problems, file, key_line(map, group, "unit"), "[%s] has no unit", group);
  for (char **u = r->units; *u; u++)
    if (!zs_num_is_unit(*u))
      problem(problems, file, key_line(map, group, "unit"), "unknown unit '%s' in [%s]", *u,
              group);

  if (kind) {
    g_auto(GStrv) kinds = split_list(kind, &empty);
    for (char **k = kinds; *k; k++) {
      ZsKind kk;
      if (zs_kind_from_name(*k, &kk))
        r->kinds |= 1u << kk;
      else
        problem(problems, file, key_line(map, group, "kind"), "unknown kind '%s' in [%s]", *k,
                group);
    }
  } else {
    r->kinds = (1u << ZS_KIND_COUNT) - 1;
  }
  if (!scope || strcmp(scope, "clause") == 0)
    r->scope = ZS_SCOPE_CLAUSE;
  else if (strcmp(scope, "sentence") == 0)
    r->scope = ZS_SCOPE_SENTENCE;
  else
    problem(problems, file, key_line(map, group, "scope"),
            "scope of [%s] must be 'clause' or 'sentence', not '%s'", group, scope);
}

static gboolean load_file(ZsRules *rules, const char *file, GHashTable *seen,
                          GPtrArray *problems, GError **error) {
  g_autofree char *text = NULL;
  gsize len;
  if (!g_file_get_contents(file, &text, &len, error))
    return FALSE;
  if (!g_utf8_validate(text, (gssize)len, NULL) || strlen(text) != len) {
    problem(problems, file, 0, "not valid UTF-8 text");
    return TRUE;
  }
  LineMap map;
  scan_lines(file, text, &map, problems);
  g_autoptr(GKeyFile) kf = g_key_file_new();
  g_autoptr(GError) kerr = NULL;
  if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &kerr)) {
    /* The line scan has named the bad line; this is only a fallback. */
    if (problems->len == 0)
      problem(problems, file, 0, "%s", kerr->message);
  } else {
    gsize n;
    g_auto(GStrv) groups = g_key_file_get_groups(kf, &n);
    for (gsize i = 0; i < n; i++)
      load_group(rules, kf, file, groups[i], &map, seen, problems);
  }
  g_hash_table_destroy(map.group_line);
  g_hash_table_destroy(map.key_line);
  return TRUE;
}

/* The name a rules file is shown by: relative to the working directory when
 * it lies below it, so messages and the `rule` column do not depend on
 * where the project was checked out. The string lives in `files`. */
static const char *display_name(const char *path) {
  g_autofree char *cwd = g_get_current_dir();
  gsize n = strlen(cwd);
  if (g_path_is_absolute(path) && strncmp(path, cwd, n) == 0 && path[n] == '/')
    return path + n + 1;
  return path;
}

static gint cmp_str(gconstpointer a, gconstpointer b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

ZsRules *zs_rules_load(const char *const *paths, GPtrArray *problems, GError **error) {
  g_autoptr(ZsRules) rules = g_new0(ZsRules, 1);
  rules->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
  rules->mctx = pcre2_match_context_create(NULL);
  pcre2_set_match_limit(rules->mctx, ZS_MATCH_LIMIT);
  pcre2_set_depth_limit(rules->mctx, ZS_DEPTH_LIMIT);
  g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  guint before = problems->len;

  for (const char *const *p = paths; *p; p++) {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    if (g_file_test(*p, G_FILE_TEST_IS_DIR)) {
      g_autoptr(GDir) dir = g_dir_open(*p, 0, error);
      if (!dir)
        return NULL;
      const char *name;
      while ((name = g_dir_read_name(dir)))
        if (g_str_has_suffix(name, ".rules"))
          g_ptr_array_add(files, g_build_filename(*p, name, NULL));
      g_ptr_array_sort(files, cmp_str);
      if (files->len == 0)
        problem(problems, *p, 0, "no *.rules file in this directory");
    } else {
      g_ptr_array_add(files, g_strdup(*p));
    }
    for (guint i = 0; i < files->len; i++)
      if (!load_file(rules, display_name(files->pdata[i]), seen, problems, error)) {
        g_prefix_error(error, "%s: ", (char *)files->pdata[i]);
        return NULL;
      }
  }
  if (problems->len > before) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_RULES, "%u problem(s) in the rules",
                problems->len - before);
    return NULL;
  }
  if (rules->rules->len == 0) {
    g_set_error(error, ZS_ERROR, ZS_ERROR_RULES, "no rules were loaded");
    return NULL;
  }
  index_rules(rules);
  return g_steal_pointer(&rules);
}

gboolean zs_rule_accepts(const ZsRule *rule, const char *unit, ZsKind kind) {
  if (!(rule->kinds & (1u << kind)))
    return FALSE;
  for (char **u = rule->units; *u; u++)
    if ((*u)[0] == unit[0] && strcmp(*u, unit) == 0) /* first bytes inline: most differ */
      return TRUE;
  return FALSE;
}

/* The bit of the unit at `i` in rules->units. */
static guint64 unit_bit_at(guint i) {
  return i < 63 ? G_GUINT64_CONSTANT(1) << i : ZS_UNIT_BIT_MORE;
}

guint64 zs_rules_unit_bit(const ZsRules *rules, const char *unit) {
  for (guint i = 0; i < rules->units->len; i++) {
    const char *u = rules->units->pdata[i];
    if (u[0] == unit[0] && strcmp(u, unit) == 0)
      return unit_bit_at(i);
  }
  return 0;
}

/* Numbers the distinct units of all rules and gives each rule the bits of
 * its own: with at most 63 distinct units a bit stands for one unit, so
 * the rule has a unit iff it has the unit's bit. */
static void index_units(ZsRules *rules) {
  rules->units = g_ptr_array_new();
  for (guint32 i = 0; i < rules->rules->len; i++) {
    ZsRule *r = rules->rules->pdata[i];
    r->unit_bits = 0;
    for (char **u = r->units; *u; u++) {
      guint64 bit = zs_rules_unit_bit(rules, *u);
      if (!bit) {
        g_ptr_array_add(rules->units, *u);
        bit = unit_bit_at(rules->units->len - 1);
      }
      r->unit_bits |= bit;
    }
  }
}

static gint cmp_match(gconstpointer pa, gconstpointer pb) {
  const ZsRuleMatch *a = pa, *b = pb;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  gsize la = a->end - a->start, lb = b->end - b->start;
  if (la != lb)
    return la > lb ? -1 : 1;
  la = a->start - a->context, lb = b->start - b->context;
  if (la != lb)
    return la > lb ? -1 : 1;
  return a->rule->index < b->rule->index ? -1 : a->rule->index > b->rule->index;
}

/* ---- matching ------------------------------------------------------------ */

/* Sorts a sentence's matches by cmp_match(). The phrases come by end, so
 * nearly by start already: an insertion sort does few moves. Matches that
 * compare equal are equal in every field, so any sort gives the same
 * array; a long list goes to g_array_sort() to stay O(n log n). */
static void sort_matches(GArray *out) {
  if (out->len > 64) {
    g_array_sort(out, cmp_match);
    return;
  }
  ZsRuleMatch *v = (ZsRuleMatch *)(void *)out->data;
  for (guint i = 1; i < out->len; i++) {
    ZsRuleMatch m = v[i];
    guint j = i;
    for (; j > 0 && cmp_match(&m, &v[j - 1]) < 0; j--)
      v[j] = v[j - 1];
    v[j] = m;
  }
}

static void add_hit(GArray *hits, GArray *words, guint word, guint32 rule, guint type,
                    guint slot) {
  Hit h = {rule, (guint16)type, (guint16)slot};
  g_array_append_val(hits, h);
  g_array_append_val(words, word);
}

/* Puts every phrase, exclude and gate literal of every rule into one
 * automaton, and records what each of its words means to which rule. */
static void index_rules(ZsRules *rules) {
  index_units(rules);
  rules->ac = zs_ac_new();
  rules->ungated = g_array_new(FALSE, FALSE, sizeof(guint32));
  g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(Hit));
  g_autoptr(GArray) words = g_array_new(FALSE, FALSE, sizeof(guint));
  rules->ovec_pairs = 1;
  for (guint32 i = 0; i < rules->rules->len; i++) {
    ZsRule *r = rules->rules->pdata[i];
    for (guint k = 0; r->phrases[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, r->phrases[k], strlen(r->phrases[k])), i,
              HIT_PHRASE, k);
    for (guint k = 0; r->excludes[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, r->excludes[k], strlen(r->excludes[k])), i,
              HIT_EXCLUDE, 0);
    if (!r->code)
      continue;
    guint32 groups = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    rules->ovec_pairs = MAX(rules->ovec_pairs, groups + 1);
    g_auto(GStrv) gates = zs_gate_choices(r->pattern);
    if (!gates)
      g_array_append_val(rules->ungated, i);
    for (guint k = 0; gates && gates[k]; k++)
      add_hit(hits, words, zs_ac_add(rules->ac, gates[k], strlen(gates[k])), i, HIT_GATE, 0);
  }
  zs_ac_build(rules->ac);
  /* Group the meanings by word: a counting sort keeps each word's in rule
   * order. */
  guint n = zs_ac_words(rules->ac);
  rules->first = g_new0(guint, n + 1);
  for (guint i = 0; i < words->len; i++)
    rules->first[g_array_index(words, guint, i) + 1]++;
  for (guint w = 0; w < n; w++)
    rules->first[w + 1] += rules->first[w];
  g_autofree guint *fill = g_memdup2(rules->first, sizeof(guint) * (n + 1));
  rules->hits = g_new(Hit, MAX(hits->len, 1));
  for (guint i = 0; i < hits->len; i++)
    rules->hits[fill[g_array_index(words, guint, i)]++] = g_array_index(hits, Hit, i);
}

/* Match data is per thread (PCRE2 forbids sharing it); one, as large as the
 * largest pattern needs, serves every pattern the thread runs. */
static void free_md(gpointer md) { pcre2_match_data_free(md); }
static GPrivate thread_md = G_PRIVATE_INIT(free_md);

static pcre2_match_data *match_data(const ZsRules *rules) {
  pcre2_match_data *md = g_private_get(&thread_md);
  if (!md || pcre2_get_ovector_count(md) < rules->ovec_pairs) {
    md = pcre2_match_data_create(rules->ovec_pairs, NULL);
    g_private_replace(&thread_md, md);
  }
  return md;
}

static void match_pattern(const ZsRules *rules, const ZsRule *r, const char *s, gsize len,
                          uint32_t flags, GArray *out, GPtrArray *warnings) {
  pcre2_match_data *md = match_data(rules);
  PCRE2_SIZE at = 0;
  while (at <= len) {
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, at, flags, md, rules->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
      break;
    if (rc < 0) {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message(rc, msg, sizeof msg);
      if (warnings)
        g_ptr_array_add(warnings, g_strdup_printf("%s: pattern of [%s] skipped for a sentence: %s",
                                                  r->where, r->metric, (const char *)msg));
      /* Drop what this rule matched in the sentence: a half-run pattern
       * must not decide anything. */
      for (guint i = out->len; i-- > 0;)
        if (g_array_index(out, ZsRuleMatch, i).rule == r)
          g_array_remove_index(out, i);
      break;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[1] > ov[0]) {
      ZsRuleMatch m = {r, ov[0], ov[1], pcre2_get_startchar(md)};
      g_array_append_val(out, m);
      at = ov[1];
    } else {
      at = ov[0] + 1;
      while (at < len && (s[at] & 0xC0) == 0x80)
        at++;
    }
  }
}

/* An occurrence of an automaton word: its meaning (index into hits) and
 * where it stands. */
typedef struct {
  guint hit;
  gsize start, end;
} Found;

/* The occurrences of a sentence: a plain array, appended to for every
 * hit of the automaton without a function call. */
typedef struct {
  Found *v;
  guint len, cap;
} FoundList;

typedef struct {
  const ZsRules *rules;
  FoundList *found;
} Scan;

static void on_word(guint word, gsize end, gpointer data) {
  Scan *sc = data;
  FoundList *fl = sc->found;
  gsize len = zs_ac_word_len(sc->rules->ac, word);
  for (guint h = sc->rules->first[word]; h < sc->rules->first[word + 1]; h++) {
    if (fl->len == fl->cap) {
      fl->cap = MAX(64, fl->cap * 2);
      fl->v = g_renew(Found, fl->v, fl->cap);
    }
    fl->v[fl->len++] = (Found){h, end - len, end};
  }
}

static gboolean has_rule(GArray *ids, guint32 rule) {
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index(ids, guint32, i) == rule)
      return TRUE;
  return FALSE;
}

static gint cmp_u32(gconstpointer a, gconstpointer b) {
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return x < y ? -1 : x > y;
}

/* The working arrays of match_sentence(), per thread and kept from one
 * sentence to the next: each call starts by emptying them, and none of
 * them leaves the call. */
typedef struct {
  FoundList found;
  GArray *vetoed; /* guint32 rule indexes */
  GArray *run;    /* guint32 rule indexes */
  GArray *taken;  /* guint indexes into found */
} Scratch;

static void scratch_free(gpointer data) {
  Scratch *sx = data;
  g_free(sx->found.v);
  g_array_free(sx->vetoed, TRUE);
  g_array_free(sx->run, TRUE);
  g_array_free(sx->taken, TRUE);
  g_free(sx);
}
static GPrivate thread_scratch = G_PRIVATE_INIT(scratch_free);

static Scratch *scratch(void) {
  Scratch *sx = g_private_get(&thread_scratch);
  if (!sx) {
    sx = g_new0(Scratch, 1);
    sx->vetoed = g_array_new(FALSE, FALSE, sizeof(guint32));
    sx->run = g_array_new(FALSE, FALSE, sizeof(guint32));
    sx->taken = g_array_new(FALSE, FALSE, sizeof(guint));
    g_private_set(&thread_scratch, sx);
  }
  sx->found.len = 0;
  g_array_set_size(sx->vetoed, 0);
  g_array_set_size(sx->run, 0);
  g_array_set_size(sx->taken, 0);
  return sx;
}

/* One pass of the automaton finds every phrase, exclude and gate; then
 * only the patterns whose gate occurred (or that have none) run. The
 * result is what scanning each rule on its own gives: a phrase's
 * occurrences are taken left to right without overlapping each other. */
static GArray *match_sentence(const ZsRules *rules, const char *sentence, gsize len,
                              gboolean valid, GPtrArray *warnings) {
  GArray *out = g_array_new(FALSE, FALSE, sizeof(ZsRuleMatch));
  Scratch *sx = scratch();
  FoundList *found = &sx->found;
  GArray *vetoed = sx->vetoed, *run = sx->run, *taken = sx->taken;
  Scan sc = {rules, found};
  if (valid)
    zs_ac_scan_utf8(rules->ac, sentence, len, on_word, &sc);
  else
    zs_ac_scan(rules->ac, sentence, len, on_word, &sc);

  for (guint i = 0; i < found->len; i++) {
    const Hit *h = &rules->hits[found->v[i].hit];
    if (h->type == HIT_EXCLUDE && !has_rule(vetoed, h->rule))
      g_array_append_val(vetoed, h->rule);
    else if (h->type == HIT_GATE && !has_rule(run, h->rule))
      g_array_append_val(run, h->rule);
  }
  /* Phrases: occurrences come by end, so per phrase by start too. There
   * are at most as many as occurrences: both arrays are sized for that
   * first and cut to what was taken after. */
  guint n_taken = 0;
  g_array_set_size(taken, found->len);
  g_array_set_size(out, found->len);
  for (guint i = 0; i < found->len; i++) {
    const Found *f = &found->v[i];
    const Hit *h = &rules->hits[f->hit];
    if (h->type != HIT_PHRASE || has_rule(vetoed, h->rule))
      continue;
    gboolean overlaps = FALSE;
    for (guint k = n_taken; k-- > 0;) {
      const Found *prev = &found->v[g_array_index(taken, guint, k)];
      if (prev->hit == f->hit) {
        overlaps = f->start < prev->end;
        break;
      }
    }
    if (overlaps)
      continue;
    g_array_index(out, ZsRuleMatch, n_taken) =
        (ZsRuleMatch){rules->rules->pdata[h->rule], f->start, f->end, f->start};
    g_array_index(taken, guint, n_taken++) = i;
  }
  g_array_set_size(taken, n_taken);
  g_array_set_size(out, n_taken);

  /* PCRE2 would check the UTF-8 of the whole sentence at every call of the
   * loop; once is enough (or none: zs_rules_match_valid). On invalid UTF-8
   * (the normalizer never gives any) every pattern runs, checked, and each
   * reports it, as before. */
  uint32_t flags = valid ? PCRE2_NO_UTF_CHECK : 0;
  GArray *always = rules->ungated;
  if (!valid) {
    g_array_set_size(run, 0);
    for (guint32 i = 0; i < rules->rules->len; i++)
      if (((ZsRule *)rules->rules->pdata[i])->code)
        g_array_append_val(run, i);
    always = NULL;
  }
  for (guint i = 0; always && i < always->len; i++)
    if (!has_rule(run, g_array_index(always, guint32, i)))
      g_array_append_val(run, g_array_index(always, guint32, i));
  if (run->len) {
    /* Warnings come in rule order, as they would rule by rule. */
    g_array_sort(run, cmp_u32);
    for (guint i = 0; i < run->len; i++) {
      guint32 ri = g_array_index(run, guint32, i);
      if (!has_rule(vetoed, ri))
        match_pattern(rules, rules->rules->pdata[ri], sentence, len, flags, out, warnings);
    }
  }
  sort_matches(out);
  return out;
}

GArray *zs_rules_match(const ZsRules *rules, const char *sentence, GPtrArray *warnings) {
  gsize len = strlen(sentence);
  return match_sentence(rules, sentence, len, g_utf8_validate(sentence, (gssize)len, NULL),
                        warnings);
}

GArray *zs_rules_match_valid(const ZsRules *rules, const char *sentence, gsize len,
                             GPtrArray *warnings) {
  return match_sentence(rules, sentence, len, TRUE, warnings);
}
