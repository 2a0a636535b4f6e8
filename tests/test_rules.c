/* test_rules.c: where rules match, against the plain way of finding it.
 *
 * /rules/gate/LINE: the gate literals read from a pattern, one case a line
 * of tests/data/gates.tsv.
 * /rules/gate-choices/N: zs_gate_choices(), which also takes a mandatory
 * group of literals as an alternative's gate; and on every pattern of
 * gates.tsv that has gates, the same as zs_gate_literals().
 * /rules/gate-before/N: zs_gate_choices_before(), the most bytes a match
 * holds before each gate (a search starts no further back than that from
 * the first occurrence: /rules/match/reference checks the matches).
 * /rules/match/reference: zs_rules_match() (one Aho-Corasick pass, patterns
 * run only behind their gate) must give exactly what scanning rule by rule
 * gives (memmem for each phrase, each pattern on every sentence; the code
 * below is that older implementation), matches and warnings, on every
 * sentence of corpus/ and a few made to hit overlaps, excludes and invalid
 * UTF-8, with the shipped rules and the test rules; zs_rules_match_into()
 * the same into one array kept from sentence to sentence.
 * /rules/match/threads: the same answers from four threads at once.
 * /rules/unit-bits: zs_rule_accepts_bit() with zs_rules_unit_bit() answers
 * as zs_rule_accepts() does, for every rule, known unit and kind, with the
 * shipped rules and with a rule per known unit.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gate.h"
#include "numwords.h"
#include "normalize.h"
#include "rules.h"
#include "segment.h"
#include "testutil.h"

/* ---- gates ---------------------------------------------------------------- */

typedef struct {
  guint line;
  char *pattern, *expected;
} Case;

static void case_free(gpointer data) {
  Case *c = data;
  g_free(c->pattern);
  g_free(c->expected);
  g_free(c);
}

static void run_gate(gconstpointer data) {
  const Case *c = data;
  g_auto(GStrv) gates = zs_gate_literals(c->pattern);
  g_autofree char *got = gates ? g_strjoinv(";", gates) : g_strdup("-");
  if (strcmp(got, c->expected) != 0) {
    fprintf(stderr, "tests/data/gates.tsv:%u: %s\n  expected: %s\n  got:      %s\n", c->line,
            c->pattern, c->expected, got);
    g_test_fail();
  }
}

static const char *choice_cases[][2] = {
  {"(?:退役军人|军属)(?=[0-9]+元)|体检", "退役军人;军属;体检"},
  {"(?:新建|改扩建)[^，。；]{0,6}\\K(?:中小学校|中小学|学校)", "新建;改扩建"},
  {"(新建|改扩建)[0-9]+", "新建;改扩建"},
  {"(?:新建|改扩建)?学校", "学校"},
  {"(?:新建|改扩建)*学", "学"},
  {"(?:新建|改扩建)?[0-9]+", "-"},
  {"(?:新建|改扩建){0,2}[0-9]+", "-"},
  {"(?=新建|改扩建)[0-9]+", "-"},
  {"(?<a>新建|改扩建)[0-9]+", "-"},
  {"(?:新.|改扩建)[0-9]+", "-"},
  {"(?:新建|)[0-9]+", "-"},
  {"(?:新建|(?:改扩建))[0-9]+", "-"},
  {"(?:新建|改扩建)[0-9]+|[0-9]+", "-"},
};

static void check_choices(const char *pattern, const char *expected) {
  g_auto(GStrv) gates = zs_gate_choices(pattern);
  g_autofree char *got = gates ? g_strjoinv(";", gates) : g_strdup("-");
  if (strcmp(got, expected) != 0) {
    fprintf(stderr, "%s\n  expected: %s\n  got:      %s\n", pattern, expected, got);
    g_test_fail();
  }
}

static void run_choice(gconstpointer data) {
  const char *const *c = data;
  check_choices(c[0], c[1]);
}

static void run_choice_as_gate(gconstpointer data) {
  const Case *c = data;
  if (strcmp(c->expected, "-") != 0)
    check_choices(c->pattern, c->expected);
}

/* Pattern, then each gate as GATE=BOUND ("-" for no bound). */
static const char *const before_cases[][2] = {
  {"(?:新建|改扩建)[^，。；]{0,10}\\K养老服务中心", "养老服务中心=49"},
  {"60周?岁(?:及)?以上(?:人口|老年人|老人)?|老年人口|老年人", "以上=11;老年人口=0;老年人=0"},
  {"(?:其中|共有|各类)?\\K企业(?=[0-9])", "企业=6"},
  {"(?<!进)出口(?:额|总额)?", "出口=0"},
  {"(?:退役军人|军属)(?=(?:最低)?[0-9]+元)|体检", "退役军人=0;军属=0;体检=0"},
  {"离\\p{Han}{1,6}(?=[0-9]+(?:厘米|米))", "离=0"},
  {"^.x{2}企业", "企业=6"},
  {"[0-9一二三]+周?岁(?=的|，)", "岁=-"},
  {"养老[^。]*?\\K专项政策", "专项政策=-"},
  {"\\G企业", "企业=-"},
  {"ab{,3}企业", "企业=-"},
  {"a{2,}企业", "企业=-"},
  {"(a)\\1企业", "企业=-"},
  {"(?>ab|c)企业", "企业=-"},
};

static void run_before(gconstpointer data) {
  const char *const *c = data;
  g_autofree gsize *before = NULL;
  g_auto(GStrv) gates = zs_gate_choices_before(c[0], &before);
  g_assert_nonnull(gates);
  GString *got = g_string_new(NULL);
  for (guint k = 0; gates[k]; k++) {
    if (k)
      g_string_append_c(got, ';');
    if (before[k] == G_MAXSIZE)
      g_string_append_printf(got, "%s=-", gates[k]);
    else
      g_string_append_printf(got, "%s=%zu", gates[k], before[k]);
  }
  if (strcmp(got->str, c[1]) != 0) {
    fprintf(stderr, "%s\n  expected: %s\n  got:      %s\n", c[0], c[1], got->str);
    g_test_fail();
  }
  g_string_free(got, TRUE);
}

/* ---- the reference: each rule on its own ---------------------------------- */

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

static void ref_pattern(const ZsRule *r, const char *s, gsize len, GArray *out,
                        GPtrArray *warnings) {
  pcre2_match_context *mctx = pcre2_match_context_create(NULL);
  pcre2_set_match_limit(mctx, 200000);
  pcre2_set_depth_limit(mctx, 10000);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code, NULL);
  PCRE2_SIZE at = 0;
  while (at <= len) {
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, at, 0, md, mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
      break;
    if (rc < 0) {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message(rc, msg, sizeof msg);
      g_ptr_array_add(warnings, g_strdup_printf("%s: pattern of [%s] skipped for a sentence: %s",
                                                r->where, r->metric, (const char *)msg));
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
  pcre2_match_data_free(md);
  pcre2_match_context_free(mctx);
}

static GArray *ref_match(const ZsRules *rules, const char *sentence, GPtrArray *warnings) {
  GArray *out = g_array_new(FALSE, FALSE, sizeof(ZsRuleMatch));
  gsize len = strlen(sentence);
  for (guint i = 0; i < zs_rules_count(rules); i++) {
    const ZsRule *r = zs_rules_get(rules, i);
    gboolean vetoed = FALSE;
    for (char **x = r->excludes; *x && !vetoed; x++)
      vetoed = strstr(sentence, *x) != NULL;
    if (vetoed)
      continue;
    for (char **p = r->phrases; *p; p++) {
      gsize pl = strlen(*p);
      for (const char *hit = sentence; (hit = memmem(hit, len - (gsize)(hit - sentence), *p, pl));
           hit += pl) {
        gsize at = (gsize)(hit - sentence);
        ZsRuleMatch m = {r, at, at + pl, at};
        g_array_append_val(out, m);
      }
    }
    if (r->code)
      ref_pattern(r, sentence, len, out, warnings);
  }
  g_array_sort(out, cmp_match);
  return out;
}

/* ---- sentences ------------------------------------------------------------ */

static const char *made[] = {
  "aaaa", "aaa", "养老保险参保人数12万人。", "失业保险参保人数3万人，养老保险参保。",
  "养老院里的养老保险", "参保人数人数", "", "养老\xff保险参保人数12万人",
};

static GPtrArray *sentences(void) {
  return test_corpus_sentences(made, G_N_ELEMENTS(made));
}

static char *describe(GArray *m, GPtrArray *warnings) {
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < m->len; i++) {
    ZsRuleMatch *x = &g_array_index(m, ZsRuleMatch, i);
    g_string_append_printf(s, "%s@%zu-%zu/%zu ", x->rule->metric, x->start, x->end, x->context);
  }
  for (guint i = 0; warnings && i < warnings->len; i++)
    g_string_append_printf(s, "| %s ", (char *)warnings->pdata[i]);
  return g_string_free(s, FALSE);
}

static void test_reference(void) {
  static const char *sets[] = {"rules", "tests/data/extract.rules", "tests/data/match.rules"};
  g_autoptr(GPtrArray) sents = sentences();
  g_assert_cmpuint(sents->len, >, 200);
  for (gsize k = 0; k < G_N_ELEMENTS(sets); k++) {
    g_autoptr(ZsRules) rules = test_load_rules(sets[k]);
    /* One array for every valid sentence, as the extract stage keeps it. */
    ZsRuleMatches kept = {NULL, 0, 0};
    guint nonempty = 0;
    for (guint i = 0; i < sents->len; i++) {
      const char *s = sents->pdata[i];
      g_autoptr(GPtrArray) w1 = g_ptr_array_new_with_free_func(g_free);
      g_autoptr(GPtrArray) w2 = g_ptr_array_new_with_free_func(g_free);
      GArray *got = zs_rules_match(rules, s, w1), *want = ref_match(rules, s, w2);
      g_autofree char *dg = describe(got, w1), *dw = describe(want, w2);
      if (strcmp(dg, dw) != 0)
        fprintf(stderr, "%s: %s\n  expected: %s\n  got:      %s\n", sets[k], s, dw, dg);
      g_assert_cmpstr(dg, ==, dw);
      if (g_utf8_validate(s, -1, NULL)) {
        g_autoptr(GPtrArray) w3 = g_ptr_array_new_with_free_func(g_free);
        zs_rules_match_into(rules, s, strlen(s), &kept, w3);
        g_autoptr(GArray) ka = g_array_new(FALSE, FALSE, sizeof(ZsRuleMatch));
        g_array_append_vals(ka, kept.v, kept.len);
        g_autofree char *dk = describe(ka, w3);
        g_assert_cmpstr(dk, ==, dw);
      }
      nonempty += want->len > 0;
      g_array_free(got, TRUE);
      g_array_free(want, TRUE);
    }
    g_assert_cmpuint(nonempty, >, 0);
    g_free(kept.v);
  }
}

static void test_overlap(void) {
  g_autoptr(ZsRules) rules = test_load_rules("tests/data/match.rules");
  GArray *m = zs_rules_match(rules, "aaaaa", NULL);
  g_autofree char *d = describe(m, NULL);
  /* Listed twice, the phrase matches twice; never overlapping itself. */
  g_assert_cmpstr(d, ==, "double_a@0-2/0 double_a@0-2/0 double_a@2-4/2 double_a@2-4/2 ");
  g_array_free(m, TRUE);
  m = zs_rules_match(rules, "养老院的养老保险参保人数", NULL);
  g_autofree char *d2 = describe(m, NULL);
  /* 养老 is vetoed by 养老院; 保险 overlaps both 养老保险 and 保险参保. */
  g_assert_cmpstr(d2, ==, "long_overlap@12-24/12 long_overlap@18-30/18 "
                          "vetoed_pattern@18-24/18 gated_k@30-36/24 ");
  g_array_free(m, TRUE);
}

typedef struct {
  const ZsRules *rules;
  GPtrArray *sents;
  GPtrArray *out; /* char* per sentence */
} Job;

static gpointer thread_run(gpointer data) {
  Job *j = data;
  for (guint i = 0; i < j->sents->len; i++) {
    GArray *m = zs_rules_match(j->rules, j->sents->pdata[i], NULL);
    g_ptr_array_add(j->out, describe(m, NULL));
    g_array_free(m, TRUE);
  }
  return NULL;
}

static void test_threads(void) {
  g_autoptr(ZsRules) rules = test_load_rules("rules");
  g_autoptr(GPtrArray) sents = sentences();
  Job serial = {rules, sents, g_ptr_array_new_with_free_func(g_free)};
  thread_run(&serial);
  Job jobs[4];
  GThread *th[4];
  for (int t = 0; t < 4; t++) {
    jobs[t] = (Job){rules, sents, g_ptr_array_new_with_free_func(g_free)};
    th[t] = g_thread_new("match", thread_run, &jobs[t]);
  }
  for (int t = 0; t < 4; t++) {
    g_thread_join(th[t]);
    for (guint i = 0; i < sents->len; i++)
      g_assert_cmpstr(jobs[t].out->pdata[i], ==, serial.out->pdata[i]);
    g_ptr_array_unref(jobs[t].out);
  }
  g_ptr_array_unref(serial.out);
}

static void check_unit_bits(const ZsRules *rules) {
  const char *odd[] = {"", "无此单位"};
  for (guint i = 0; i < zs_rules_count(rules); i++) {
    const ZsRule *r = zs_rules_get(rules, i);
    for (gsize u = 0; u < zs_numwords_n_units + G_N_ELEMENTS(odd); u++) {
      const char *unit =
          u < zs_numwords_n_units ? zs_numwords_units[u].unit : odd[u - zs_numwords_n_units];
      guint64 bit = zs_rules_unit_bit(rules, unit);
      for (int k = 0; k < ZS_KIND_COUNT; k++)
        g_assert_cmpint(zs_rule_accepts_bit(r, bit, unit, k), ==, zs_rule_accepts(r, unit, k));
    }
  }
}

static void test_unit_bits(void) {
  g_autoptr(ZsRules) shipped = test_load_rules("rules");
  check_unit_bits(shipped);
  /* A rule per known unit, each with the next unit too. */
  GString *text = g_string_new(NULL);
  for (gsize u = 0; u < zs_numwords_n_units; u++)
    g_string_append_printf(text, "[unit_%zu]\nphrase=测试%zu\nunit=%s;%s\n\n", u, u,
                           zs_numwords_units[u].unit,
                           zs_numwords_units[(u + 1) % zs_numwords_n_units].unit);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp("zs-units-XXXXXX.rules", &path, &error);
  g_assert_no_error(error);
  close(fd);
  g_file_set_contents(path, text->str, -1, &error);
  g_assert_no_error(error);
  g_string_free(text, TRUE);
  g_autoptr(ZsRules) all = test_load_rules(path);
  g_remove(path);
  check_unit_bits(all);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func(case_free);
  g_autofree char *text = NULL;
  if (!g_file_get_contents("tests/data/gates.tsv", &text, NULL, NULL))
    g_error("cannot read tests/data/gates.tsv");
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    if (!lines[i][0] || lines[i][0] == '#')
      continue;
    g_auto(GStrv) f = g_strsplit(lines[i], "\t", 3);
    if (!f[1])
      g_error("tests/data/gates.tsv:%u: expected PATTERN<TAB>GATES", i + 1);
    Case *c = g_new0(Case, 1);
    c->line = i + 1;
    c->pattern = g_strdup(f[0]);
    c->expected = g_strdup(f[1]);
    g_ptr_array_add(cases, c);
    g_autofree char *path = g_strdup_printf("/rules/gate/%u", c->line);
    g_test_add_data_func(path, c, run_gate);
    g_autofree char *as_choice = g_strdup_printf("/rules/gate-choices/gates.tsv/%u", c->line);
    g_test_add_data_func(as_choice, c, run_choice_as_gate);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(choice_cases); i++) {
    g_autofree char *path = g_strdup_printf("/rules/gate-choices/%zu", i + 1);
    g_test_add_data_func(path, choice_cases[i], run_choice);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(before_cases); i++) {
    g_autofree char *path = g_strdup_printf("/rules/gate-before/%zu", i + 1);
    g_test_add_data_func(path, before_cases[i], run_before);
  }
  g_test_add_func("/rules/match/reference", test_reference);
  g_test_add_func("/rules/match/overlap", test_overlap);
  g_test_add_func("/rules/match/threads", test_threads);
  g_test_add_func("/rules/unit-bits", test_unit_bits);
  return g_test_run();
}
