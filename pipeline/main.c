/* main.c: the zhstats command line: options, inputs, exit codes.
 *
 * Everything that can fail before a single row is written (options, rules,
 * missing inputs) is checked first, so a failed run never leaves a partial
 * output file behind: outputs are opened only once the run can start, and
 * are renamed into place only when it has succeeded (see output.h).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dataset.h"
#include "output.h"
#include "pipeline.h"

#ifndef ZS_DEFAULT_RULES
#define ZS_DEFAULT_RULES "rules"
#endif

static char **opt_rules;
static char *opt_output;
static char *opt_articles;
static char *opt_stage;
static char *opt_date;
static char *opt_report;
static gboolean opt_no_header, opt_version, opt_all_quantities, opt_explain, opt_bom, opt_raw;
static gboolean opt_strict, opt_check_rules, opt_coverage;
static char *opt_datapackage;
static gboolean opt_check;
static gint opt_jobs = -1;

static const GOptionEntry entries[] = {
  {"rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_rules,
   "Rules file, or directory of *.rules files (repeatable; default: the project's rules/)",
   "FILE|DIR"},
  {"output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write the statistics CSV to FILE "
   "(default: standard output)", "FILE"},
  {"articles", 0, 0, G_OPTION_ARG_FILENAME, &opt_articles, "Also write one row per article "
   "to FILE", "FILE"},
  {"report", 0, 0, G_OPTION_ARG_FILENAME, &opt_report, "Also write an HTML review page "
   "to FILE: every article with its numbers highlighted, and a summary", "FILE"},
  {"no-header", 0, 0, G_OPTION_ARG_NONE, &opt_no_header, "Omit the CSV header row (for "
   "shards that are concatenated)", NULL},
  {"all-quantities", 0, 0, G_OPTION_ARG_NONE, &opt_all_quantities, "Also write the "
   "quantities no rule claimed, with an empty metric", NULL},
  {"explain", 0, 0, G_OPTION_ARG_NONE, &opt_explain, "Add a 'rule' column: FILE:LINE of the "
   "rule that claimed each row", NULL},
  {"bom", 0, 0, G_OPTION_ARG_NONE, &opt_bom, "Start the CSV with a UTF-8 byte order mark "
   "(for Excel)", NULL},
  {"raw", 0, 0, G_OPTION_ARG_NONE, &opt_raw, "Do not prefix text cells that start with "
   "= + - @ with a quote (spreadsheet safety is on by default)", NULL},
  {"strict", 0, 0, G_OPTION_ARG_NONE, &opt_strict, "Fail (exit 1, no output) on any input "
   "problem such as invalid UTF-8", NULL},
  {"coverage", 0, 0, G_OPTION_ARG_NONE, &opt_coverage, "After the run, print to stderr the "
   "rules that matched nothing and the subjects that most often carried an unclaimed "
   "quantity", NULL},
  {"check-rules", 0, 0, G_OPTION_ARG_NONE, &opt_check_rules, "Check the rules and exit; "
   "reads no input", NULL},
  {"date", 0, 0, G_OPTION_ARG_STRING, &opt_date, "Publication date of the inputs, which "
   "resolves relative time (今年一季度, 去年) in the period column", "YYYY-MM-DD"},
  {"stage", 0, 0, G_OPTION_ARG_STRING, &opt_stage, "Print the output of one stage as text "
   "and stop (normalize or segment)", "STAGE"},
  {"datapackage", 0, 0, G_OPTION_ARG_FILENAME, &opt_datapackage, "Also write a Frictionless "
   "Data Package describing the CSV files (they must be in its directory or below)", "FILE"},
  {"check", 0, 0, G_OPTION_ARG_NONE, &opt_check, "Write nothing: regenerate in memory what "
   "-o, --articles and --datapackage would hold and compare it with those files; exit 1 "
   "with a summary of the rows added, removed and changed when they differ", NULL},
  {"jobs", 'j', 0, G_OPTION_ARG_INT, &opt_jobs, "Run N input files at once (default: the "
   "number of cores); the output is the same as with -j 1", "N"},
  {"version", 0, 0, G_OPTION_ARG_NONE, &opt_version, "Print the version and exit", NULL},
  {NULL},
};

static const char *summary =
    "Reads Chinese news text and writes the statistics it reports as CSV:\n"
    "metric, value (exact, in base units), unit, sentence, then provenance.\n"
    "With no FILE, or when FILE is -, reads standard input. A DIR is read\n"
    "recursively; inputs are processed in path order.";

static const char *description =
    "Exit status:\n"
    "  0  success\n"
    "  1  an input is missing or unreadable, an output cannot be written, or an\n"
    "     input has a problem under --strict\n"
    "  2  usage error, or a rules file is broken (each problem is FILE:LINE: ...)\n"
    "\n"
    "Input problems (invalid UTF-8, NUL bytes, a line over 1 MiB, a sentence\n"
    "over 4096 bytes matched in pieces, a rule pattern over its PCRE2 limits)\n"
    "are reported as FILE:LINE: ... and counted in a closing summary line;\n"
    "--strict makes any of them exit 1 with no output file. UTF-16 input is\n"
    "converted. On SIGINT or SIGTERM no temporary file is left and the\n"
    "previous output stays untouched (README.md, \"Hostile input\").\n"
    "\n"
    "Example:\n"
    "  zhstats -o out/statistics.csv corpus/";

static int fail(int code, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static int fail(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_printerr("zhstats: %s\n", msg);
  return code;
}

static ZsRules *load_rules(int *code) {
  static char *defaults[] = {ZS_DEFAULT_RULES, NULL};
  char **paths = opt_rules ? opt_rules : defaults;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GError) error = NULL;
  ZsRules *rules = zs_rules_load((const char *const *)paths, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr("%s\n", (char *)problems->pdata[i]);
  if (!rules) {
    if (problems->len == 0)
      g_printerr("zhstats: %s\n", error->message);
    *code = ZS_EXIT_USAGE;
  }
  return rules;
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  g_autoptr(GOptionContext) ctx = g_option_context_new("[FILE|DIR...]");
  g_option_context_set_summary(ctx, summary);
  g_option_context_set_description(ctx, description);
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_autoptr(GError) error = NULL;
  /* GOption takes no value glued to a short option; make's habit "-j4"
   * is spelled out as "-j" "4". */
  g_autoptr(GPtrArray) args = g_ptr_array_new();
  for (int i = 0; i < argc; i++) {
    if (g_str_has_prefix(argv[i], "-j") && g_ascii_isdigit(argv[i][2])) {
      g_ptr_array_add(args, (char *)"-j");
      g_ptr_array_add(args, argv[i] + 2);
    } else {
      g_ptr_array_add(args, argv[i]);
    }
  }
  argc = (int)args->len;
  g_ptr_array_add(args, NULL);
  argv = (char **)args->pdata;
  if (!g_option_context_parse(ctx, &argc, &argv, &error))
    return fail(ZS_EXIT_USAGE, "%s (try --help)", error->message);
  if (opt_version) {
    printf("zhstats %s\n", ZS_VERSION);
    return ZS_EXIT_OK;
  }

  ZsRunOptions opts = {0};
  opts.strict = opt_strict;
  opts.extract.all_quantities = opt_all_quantities;
  opts.write = (ZsWriteOptions){!opt_no_header, opt_bom, opt_raw, opt_explain};
  if (opt_date) {
    int y, m, dd;
    if (sscanf(opt_date, "%4d-%2d-%2d", &y, &m, &dd) != 3 || !g_date_valid_dmy(dd, m, y))
      return fail(ZS_EXIT_USAGE, "--date must be a date YYYY-MM-DD, not '%s'", opt_date);
    opts.extract.year = y;
  }
  if (opt_stage) {
    if (strcmp(opt_stage, "normalize") == 0)
      opts.stage = ZS_STAGE_NORMALIZE;
    else if (strcmp(opt_stage, "segment") == 0)
      opts.stage = ZS_STAGE_SEGMENT;
    else
      return fail(ZS_EXIT_USAGE, "--stage must be 'normalize' or 'segment', not '%s'",
                  opt_stage);
  }

  if (opt_jobs == 0 || opt_jobs < -1)
    return fail(ZS_EXIT_USAGE, "-j must be at least 1, not %d", opt_jobs);
  opts.jobs = opt_jobs > 0 ? (guint)opt_jobs : g_get_num_processors();

  int code = ZS_EXIT_OK;
  g_autoptr(ZsRules) rules = NULL;
  if (opts.stage == ZS_STAGE_ALL || opt_check_rules) {
    rules = load_rules(&code);
    if (!rules)
      return code;
  }
  if (opt_check_rules) {
    g_printerr("zhstats: %u rules, no problems\n", zs_rules_count(rules));
    return ZS_EXIT_OK;
  }

  g_autoptr(GPtrArray) inputs = zs_pipeline_inputs(argv + 1, &error);
  if (!inputs)
    return fail(ZS_EXIT_INPUT, "%s", error->message);

  if (opt_datapackage && opts.stage == ZS_STAGE_ALL &&
      !zs_dataset_validate(opt_datapackage, opt_output, opt_articles, &error))
    return fail(ZS_EXIT_USAGE, "%s", error->message);
  if (opt_check) {
    if (opts.stage != ZS_STAGE_ALL || !opt_output || strcmp(opt_output, "-") == 0)
      return fail(ZS_EXIT_USAGE, "--check compares files: give them with -o FILE (and "
                  "--articles, --datapackage), with no --stage");
    return zs_dataset_check(rules, inputs, &opts, opt_output, opt_articles, opt_datapackage);
  }

  zs_output_install_signal_handlers();
  ZsOutput *out = zs_output_open(opt_output, &error);
  if (!out)
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  ZsOutput *arts = NULL;
  if (opt_articles && opts.stage == ZS_STAGE_ALL) {
    arts = zs_output_open(opt_articles, &error);
    if (!arts) {
      zs_output_abort(out);
      return fail(ZS_EXIT_INPUT, "%s", error->message);
    }
  }

  g_autoptr(ZsCoverage) coverage = opt_coverage && rules ? zs_coverage_new(rules) : NULL;
  opts.coverage = coverage;

  ZsOutput *page = NULL;
  g_autoptr(ZsReport) report = NULL;
  if (opt_report && opts.stage == ZS_STAGE_ALL) {
    page = zs_output_open(opt_report, &error);
    report = page ? zs_report_new(rules, opts.extract.all_quantities, &error) : NULL;
    if (!report) {
      zs_output_abort(out);
      zs_output_abort(arts);
      zs_output_abort(page);
      return fail(ZS_EXIT_INPUT, "%s", error->message);
    }
    opts.report = report;
  }

  ZsRunStats stats;
  if (!zs_pipeline_run(rules, inputs, zs_output_stream(out), arts ? zs_output_stream(arts) : NULL,
                       &opts, &stats, &error)) {
    zs_output_abort(out);
    zs_output_abort(arts);
    zs_output_abort(page);
    /* The summary line counts what was reported, failed run or not. */
    if (stats.warnings)
      g_printerr("zhstats: %u warning(s) in %u file(s)\n", stats.warnings, stats.files);
    return fail(ZS_EXIT_INPUT, "%s%s", error ? error->message : "input problems (--strict)",
                opt_output ? "; no output written" : "");
  }
  if (report && !zs_report_finish(report, zs_output_stream(page), &error)) {
    zs_output_abort(out);
    zs_output_abort(arts);
    zs_output_abort(page);
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  }
  if (!zs_output_commit(out, &error)) {
    zs_output_abort(arts);
    zs_output_abort(page);
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  }
  if (arts && !zs_output_commit(arts, &error)) {
    zs_output_abort(page);
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  }
  if (page && !zs_output_commit(page, &error))
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  if (opt_datapackage && opts.stage == ZS_STAGE_ALL &&
      !zs_dataset_write_datapackage(opt_datapackage, opt_output, opt_articles, &opts, &error))
    return fail(ZS_EXIT_INPUT, "%s", error->message);
  if (coverage)
    zs_coverage_print(coverage, stderr);
  if (stats.warnings)
    g_printerr("zhstats: %u warning(s) in %u file(s)\n", stats.warnings, stats.files);
  return code;
}
