/* rules.c: loads and checks rules files (rules_match.c finds where they match).
 *
 * GLib's key file parser reads the values, but it forgives what a rules
 * author needs to hear about (a duplicate key silently wins, a group
 * defined twice merges) and it knows no line numbers. So each file is first
 * scanned line by line here: groups, keys and their lines, duplicates and
 * malformed lines. Patterns are read raw with g_key_file_get_value(), since
 * g_key_file_get_string() would unescape "\s" and reject "\d".
 */
#include "rules.h"

#include <string.h>

#include "numbers.h"
#include "rules_int.h"

/* PCRE2 limits for rule patterns: generous for real patterns, small enough
 * that a catastrophic one gives up within milliseconds. */
#define ZS_MATCH_LIMIT 200000
#define ZS_DEPTH_LIMIT 10000

static void index_units(ZsRules *rules);

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
  g_free(rules->unit_ids);
  g_free(rules->unit_text);
  g_free(rules->unit_off);
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
  r->jit = zs_jit_enabled() && pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
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
  r->metric_len = strlen(r->metric);
  r->where_len = strlen(r->where);
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
  index_units(rules);
  zs_rules_index(rules);
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

/* FNV-1a of a unit's bytes. */
static inline guint32 unit_hash(const char *unit) {
  guint32 h = 2166136261u;
  for (const guchar *p = (const guchar *)unit; *p; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

/* strcmp(a, b) == 0 for the few bytes of a unit, inline (strcmp() is a
 * call through the PLT to a routine made for long strings). */
static inline gboolean same_str(const char *a, const char *b) {
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

guint64 zs_rules_unit_bit(const ZsRules *rules, const char *unit) {
  /* Asked for every figure: a hash lookup (unit_ids, open addressing; a
   * slot holds 1 + the unit's index, 0 when empty), where comparing with
   * each unit met Chinese units that share their first byte by the dozen. */
  guint32 mask = rules->unit_mask;
  for (guint32 i = unit_hash(unit) & mask;; i = (i + 1) & mask) {
    guint32 k = rules->unit_ids[i];
    if (!k)
      return 0;
    if (same_str(rules->unit_text + rules->unit_off[k - 1], unit))
      return unit_bit_at(k - 1);
  }
}

/* Numbers the distinct units of all rules and gives each rule the bits of
 * its own: with at most 63 distinct units a bit stands for one unit, so
 * the rule has a unit iff it has the unit's bit. */
static void index_units(ZsRules *rules) {
  rules->units = g_ptr_array_new();
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  GString *text = g_string_new(NULL);
  GArray *off = g_array_new(FALSE, FALSE, sizeof(guint32));
  for (guint32 i = 0; i < rules->rules->len; i++)
    for (char **u = ((ZsRule *)rules->rules->pdata[i])->units; *u; u++)
      if (g_hash_table_add(seen, *u)) {
        g_ptr_array_add(rules->units, *u);
        guint32 at = (guint32)text->len;
        g_array_append_val(off, at);
        g_string_append_len(text, *u, (gssize)strlen(*u) + 1);
      }
  rules->unit_text = g_string_free(text, FALSE);
  rules->unit_off = (guint32 *)(void *)g_array_free(off, FALSE);
  /* At most a quarter full. */
  rules->unit_mask = 15;
  while (rules->unit_mask < 4 * rules->units->len)
    rules->unit_mask = rules->unit_mask * 2 + 1;
  rules->unit_ids = g_new0(guint32, rules->unit_mask + 1);
  for (guint i = 0; i < rules->units->len; i++) {
    guint32 k = unit_hash(rules->units->pdata[i]) & rules->unit_mask;
    while (rules->unit_ids[k])
      k = (k + 1) & rules->unit_mask;
    rules->unit_ids[k] = i + 1;
  }
  for (guint32 i = 0; i < rules->rules->len; i++) {
    ZsRule *r = rules->rules->pdata[i];
    r->unit_bits = 0;
    for (char **u = r->units; *u; u++)
      r->unit_bits |= zs_rules_unit_bit(rules, *u);
  }
}
