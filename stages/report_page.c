/* report_page.c: what surrounds the article sections of the review page:
 * the head and its style sheet, the summary at the top, the SVG charts.
 *
 * Everything here is written from the counters report.c kept (see
 * report_page.h), once the run is over. Hash tables are read through
 * sorted keys and doubles are printed with g_ascii_formatd, so the bytes
 * depend only on the data. Doubles are used for drawing only: every value
 * printed as text is the row's exact decimal string.
 */
#include "report_page.h"

#include <stdlib.h>
#include <string.h>

/* No script, no request: the policy blocks both even if markup slipped
 * through; inline styles (the colours) are all the page needs. */
static const char *head =
    "<!DOCTYPE html>\n"
    "<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"zhstats " ZS_VERSION "\">\n"
    "<title>zhstats review</title>\n<style>\n"
    "body{font:15px/1.65 system-ui,\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;"
    "color:#1f2328;background:#f6f7f9;margin:0 auto;max-width:1180px;padding:0 20px 48px}\n"
    "h1{font-size:24px;margin:22px 0 2px}\n"
    "h2{font-size:17px;margin:22px 0 8px}\n"
    ".lead{color:#57606a;margin:0 0 8px}\n"
    ".lead b{color:#1f2328}\n"
    ".key{font-size:13px;color:#57606a}\n"
    "table{border-collapse:collapse;font-size:13px;background:#fff;border:1px solid #d8dee4}\n"
    "th,td{border-bottom:1px solid #eaeef2;padding:3px 10px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f0f2f5;font-weight:600}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.links{font-size:12px;max-width:420px}\n"
    "td.links a{margin-right:4px}\n"
    ".scroll{max-height:340px;overflow:auto;display:inline-block;border:1px solid #d8dee4}\n"
    ".scroll table{border:0}\n"
    ".scroll thead th{position:sticky;top:0}\n"
    "a{color:#0b5cad;text-decoration:none}\n"
    "a:hover{text-decoration:underline}\n"
    ".sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;"
    "background:hsl(var(--h) 70% 55%)}\n"
    "mark.q{color:inherit;background:hsl(var(--h) 90% 86%);"
    "border-bottom:2px solid hsl(var(--h) 70% 38%);border-radius:3px;padding:0 1px}\n"
    "mark.u{background:#fff;border:1px dashed #8c959f;color:#57606a}\n"
    "mark.x{font-size:11px;vertical-align:super;margin:0 2px}\n"
    "section.art{background:#fff;border:1px solid #d8dee4;border-radius:6px;"
    "padding:6px 18px 10px;margin:14px 0}\n"
    ".art h2{margin:6px 0 0}\n"
    ".art h2 .an{color:#8c959f;font-weight:400;margin-right:6px}\n"
    ".meta{color:#57606a;font-size:12px;margin:0 0 8px}\n"
    ".meta .file{font-family:ui-monospace,monospace}\n"
    ".s{display:grid;grid-template-columns:3em 1fr;column-gap:10px}\n"
    ".s .ln{color:#8c959f;font-size:11px;text-align:right;padding-top:4px;"
    "font-variant-numeric:tabular-nums}\n"
    ".s p{margin:2px 0}\n"
    ".s.h p{font-weight:600}\n"
    "ul.rows{grid-column:2;list-style:none;margin:0 0 8px;padding:0;font-size:12px;"
    "color:#424a53}\n"
    "ul.rows li{margin:0}\n"
    "ul.rows .rn{color:#8c959f;margin-right:4px}\n"
    "ul.rows a.m{border-left:4px solid hsl(var(--h) 70% 45%);padding-left:4px}\n"
    "ul.rows li.u .m{border-left:4px dashed #8c959f;padding-left:4px}\n"
    "ul.rows i{font-style:normal;color:#6e7781;margin-left:4px}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:12px}\n"
    "figure{margin:0;background:#fff;border:1px solid #d8dee4;border-radius:6px;"
    "padding:6px 8px;width:360px}\n"
    "figcaption{font-size:12px;color:#424a53}\n"
    "svg text{font-size:10px;fill:#57606a}\n"
    ":target{outline:2px solid #cf222e;outline-offset:2px}\n"
    "footer{color:#8c959f;font-size:12px;margin-top:24px}\n"
    "</style>\n</head>\n<body>\n";

static void esc(FILE *fp, const char *s) { zs_report_escape(fp, s, -1); }

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The keys of `table`, sorted; free the array (not the keys) with g_free. */
static char **sorted_keys(GHashTable *table, guint *n) {
  char **keys = (char **)g_hash_table_get_keys_as_array(table, n);
  qsort(keys, *n, sizeof *keys, cmp_str);
  return keys;
}

static void write_metrics(const ZsReport *r, FILE *out) {
  guint n;
  g_autofree char **names = sorted_keys(r->metrics, &n);
  /* A rule's label, by metric, for the table. */
  g_autoptr(GHashTable) labels = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; r->rules && i < zs_rules_count(r->rules); i++) {
    const ZsRule *rule = zs_rules_get(r->rules, i);
    g_hash_table_insert(labels, rule->metric, rule->label ? rule->label : "");
  }
  fputs("<h2 id=\"metrics\">Rows per metric</h2>\n<div class=\"scroll\"><table>\n"
        "<thead><tr><th>metric</th>"
        "<th>label</th><th>rows</th><th>articles</th><th>rows in the text</th></tr></thead>\n"
        "<tbody>\n", out);
  for (guint i = 0; i < n; i++) {
    const ZsReportMetric *m = g_hash_table_lookup(r->metrics, names[i]);
    const char *label = g_hash_table_lookup(labels, m->name);
    fputs("<tr id=\"m-", out);
    esc(out, m->name);
    fprintf(out, "\"><td><span class=\"sw\" style=\"--h:%u\"></span><a href=\"#r%u\">",
            zs_report_hue(m->name), m->links[0]);
    esc(out, m->name);
    fputs("</a></td><td>", out);
    esc(out, label ? label : "");
    fprintf(out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"links\">",
            m->rows, m->articles);
    for (guint j = 0; j < m->n_links; j++)
      fprintf(out, "<a href=\"#r%u\">%u</a>", m->links[j], m->links[j]);
    if (m->rows > m->n_links)
      fprintf(out, "… and %u more", m->rows - m->n_links);
    fputs("</td></tr>\n", out);
  }
  if (!n)
    fputs("<tr><td colspan=\"5\">No rule claimed a number.</td></tr>\n", out);
  fputs("</tbody>\n</table></div>\n", out);
}

static int cmp_point(const void *a, const void *b) {
  const ZsReportPoint *p = a, *q = b;
  int c = strcmp(p->period, q->period);
  return c ? c : (p->order > q->order) - (p->order < q->order);
}

static const char *fmt(char buf[G_ASCII_DTOSTR_BUF_SIZE], double x) {
  return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", x);
}

/* The series' points sorted by period (then by first appearance), and the
 * number of distinct periods. Free with g_free. */
static ZsReportPoint *sorted_points(const ZsReportSeries *se, guint *periods) {
  guint n = se->points->len;
  ZsReportPoint *pts = g_memdup2(se->points->data, n * sizeof *pts);
  qsort(pts, n, sizeof *pts, cmp_point);
  *periods = 0;
  for (guint i = 0; i < n; i++)
    if (i == 0 || strcmp(pts[i].period, pts[i - 1].period) != 0)
      (*periods)++;
  return pts;
}

/* A line chart of value by period (periods in lexical order, evenly
 * spaced), for a series of more than one period. The line joins each
 * period's first figure; other figures of the same period are dots. */
static void write_chart(const ZsReportSeries *se, const ZsReportPoint *pts, guint periods,
                        FILE *out) {
  guint n = se->points->len;
  const double W = 360, H = 170, L = 78, R = 16, T = 14, B = 36;
  g_autofree double *v = g_new(double, n);
  guint lo = 0, hi = 0;
  for (guint i = 0; i < n; i++) {
    v[i] = g_ascii_strtod(pts[i].value, NULL);
    if (v[i] < v[lo])
      lo = i;
    if (v[i] > v[hi])
      hi = i;
  }
  double span = v[hi] - v[lo];
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  guint hue = zs_report_hue(se->metric);

  fprintf(out, "<figure><figcaption><span class=\"sw\" style=\"--h:%u\"></span>"
          "<a href=\"#m-", hue);
  esc(out, se->metric);
  fputs("\">", out);
  esc(out, se->metric);
  fprintf(out, "</a> · %s", zs_kind_name(se->kind));
  if (*se->unit) {
    fputs(" · ", out);
    esc(out, se->unit);
  }
  fprintf(out, " · by %s", se->grain);
  fprintf(out, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" ",
          fmt(a, W));
  fprintf(out, "height=\"%s\" role=\"img\">\n", fmt(a, H));
  fprintf(out, "<path d=\"M%s %s", fmt(a, L), fmt(b, T));
  fprintf(out, "V%s", fmt(a, H - B));
  fprintf(out, "H%s\" fill=\"none\" stroke=\"#aab2bb\"/>\n", fmt(a, W - R));
  /* y axis: the extreme values, exact, as the CSV has them */
  fprintf(out, "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">", fmt(a, L - 4), fmt(b, T + 4));
  esc(out, pts[hi].value);
  fprintf(out, "</text>\n<text x=\"%s\" y=\"%s\" text-anchor=\"end\">", fmt(a, L - 4),
          fmt(b, H - B));
  esc(out, pts[lo].value);
  fputs("</text>\n", out);

  GString *line = g_string_new(NULL);
  guint every = (periods + 5) / 6; /* at most about six period labels */
  guint p = 0;
  for (guint i = 0; i < n; i++) {
    gboolean first = i == 0 || strcmp(pts[i].period, pts[i - 1].period) != 0;
    if (first && i > 0)
      p++;
    double x = L + 8 + p * (W - L - R - 16) / (periods - 1);
    double y = span > 0 ? T + (v[hi] - v[i]) / span * (H - T - B) : (T + H - B) / 2;
    if (first) {
      g_string_append_printf(line, "%s%s ", line->len ? "L" : "M", fmt(a, x));
      g_string_append(line, fmt(b, y));
      if (p % every == 0 || p == periods - 1) {
        fprintf(out, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">", fmt(a, x),
                fmt(b, H - B + 14));
        esc(out, pts[i].period);
        fputs("</text>\n", out);
      }
    }
    fprintf(out, "<circle cx=\"%s\" ", fmt(a, x));
    fprintf(out, "cy=\"%s\" r=\"3.5\" fill=\"hsl(%u 70%% 40%%)\"><title>", fmt(b, y), hue);
    esc(out, pts[i].period);
    fputs(": ", out);
    esc(out, pts[i].value);
    fputc(' ', out);
    esc(out, se->unit);
    fputs("</title></circle>\n", out);
  }
  fprintf(out, "<path d=\"%s\" fill=\"none\" stroke=\"hsl(%u 70%% 40%%)\" "
          "stroke-width=\"2\"/>\n</svg></figure>\n", line->str, hue);
  g_string_free(line, TRUE);
}

static void write_charts(const ZsReport *r, FILE *out) {
  guint n, charts = 0;
  g_autofree char **keys = sorted_keys(r->series, &n);
  for (guint i = 0; i < n; i++) {
    const ZsReportSeries *se = g_hash_table_lookup(r->series, keys[i]);
    guint periods;
    g_autofree ZsReportPoint *pts = sorted_points(se, &periods);
    if (periods < 2)
      continue;
    if (!charts++)
      fputs("<h2 id=\"charts\">Values by period</h2>\n<div class=\"charts\">\n", out);
    write_chart(se, pts, periods, out);
  }
  if (charts)
    fputs("</div>\n", out);
}

/* A rule matched nothing when its metric has no row: rules.c allows one
 * rule per metric across all files. */
static guint count_unmatched(const ZsReport *r, guint *total) {
  guint none = 0;
  *total = r->rules ? zs_rules_count(r->rules) : 0;
  for (guint i = 0; i < *total; i++)
    if (!g_hash_table_contains(r->metrics, zs_rules_get(r->rules, i)->metric))
      none++;
  return none;
}

static void write_unmatched_rules(const ZsReport *r, FILE *out) {
  guint total, none = count_unmatched(r, &total);
  fprintf(out, "<h2 id=\"unmatched\">Rules that matched nothing: %u of %u</h2>\n", none, total);
  if (!none)
    return;
  fputs("<div class=\"scroll\"><table>\n<thead><tr><th>metric</th><th>label</th><th>rule</th>"
        "</tr></thead>\n<tbody>\n", out);
  for (guint i = 0; i < total; i++) {
    const ZsRule *rule = zs_rules_get(r->rules, i);
    if (g_hash_table_contains(r->metrics, rule->metric))
      continue;
    g_autofree char *base = g_path_get_basename(rule->file);
    fputs("<tr><td>", out);
    esc(out, rule->metric);
    fputs("</td><td>", out);
    esc(out, rule->label ? rule->label : "");
    fputs("</td><td>", out);
    esc(out, base);
    fprintf(out, ":%u</td></tr>\n", rule->line);
  }
  fputs("</tbody>\n</table></div>\n", out);
}

static void write_files(const ZsReport *r, FILE *out) {
  fputs("<h2 id=\"files\">Files</h2>\n<table>\n<thead><tr><th>file</th><th>articles</th>"
        "<th>rows</th><th>unclaimed</th></tr></thead>\n<tbody>\n", out);
  for (guint i = 0; i < r->files->len; i++) {
    const ZsReportFile *f = r->files->pdata[i];
    fputs("<tr><td>", out);
    if (f->first_article)
      fprintf(out, "<a href=\"#a%u\">", f->first_article);
    esc(out, f->name);
    fprintf(out, "%s</td><td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"n\">%u</td>"
            "</tr>\n", f->first_article ? "</a>" : "", f->articles, f->rows, f->unclaimed);
  }
  fputs("</tbody>\n</table>\n", out);
}

void zs_report_page_head(const ZsReport *r, FILE *out) {
  fputs(head, out);
  guint rules, none = count_unmatched(r, &rules);
  fprintf(out, "<header>\n<h1>zhstats review</h1>\n<p class=\"lead\"><b>%u</b> rows in "
          "<b>%u</b> metrics · <b>%u</b> articles · <b>%u</b> files · <b>%u</b> unclaimed "
          "quantities · <b>%u</b> of %u rules matched nothing</p>\n", r->claimed,
          g_hash_table_size(r->metrics), r->articles, r->files->len, r->unclaimed, none, rules);
  fputs("<p class=\"key\"><mark class=\"q\" style=\"--h:210\">1.29亿人次</mark> a row of the "
        "dataset, coloured by metric (hover for its cells; its number links to it) · "
        "<mark class=\"q u\">34岁</mark> a quantity no rule claimed · numbers at the left are "
        "input lines</p>\n</header>\n<section id=\"summary\">\n", out);
  write_metrics(r, out);
  write_charts(r, out);
  write_unmatched_rules(r, out);
  write_files(r, out);
  fputs("</section>\n", out);
}

void zs_report_page_tail(FILE *out) {
  fputs("</main>\n<footer>Written by zhstats " ZS_VERSION ". Rows are numbered as in the "
        "CSV.</footer>\n</body>\n</html>\n", out);
}
