# zhstats --check-rules: each kind of problem in a broken rules file is
# reported as FILE:LINE: message, with exit code 2; good rules exit 0.
set -u
d=tests/data/rules-broken
fail() { echo "FAIL: $*"; exit 1; }
expect() { # FILE EXPECTED-MESSAGE
  out=$("$ZHSTATS" --check-rules -r "$1" 2>&1)
  rc=$?
  [ $rc -eq 2 ] || fail "$1: exit $rc, not 2"
  grep -qF -- "$2" <<<"$out" || fail "$1: expected '$2', got: $out"
}
expect $d/unknown-key.rules "$d/unknown-key.rules:4: unknown key 'colour' in [ok_metric]"
expect $d/empty-phrase.rules "$d/empty-phrase.rules:2: empty phrase in [ok_metric]"
expect $d/duplicate-metric.rules "$d/duplicate-metric.rules:5: metric 'ok_metric' is already defined at $d/duplicate-metric.rules:1"
expect $d/bad-pattern.rules "$d/bad-pattern.rules:2: pattern of [ok_metric] does not compile: missing closing parenthesis at offset"
expect $d/unknown-unit.rules "$d/unknown-unit.rules:3: unknown unit '斤两' in [ok_metric]"
expect $d/not-snake-case.rules "$d/not-snake-case.rules:1: metric name 'TotalPopulation' is not snake_case"
expect $d/duplicate-key.rules "$d/duplicate-key.rules:3: key 'phrase' given twice in [ok_metric] (first at line 2)"
expect $d/unknown-kind.rules "$d/unknown-kind.rules:4: unknown kind 'levels' in [ok_metric]"
expect $d/no-phrase.rules "$d/no-phrase.rules:1: [ok_metric] has neither a phrase nor a pattern"
expect $d/key-outside-group.rules "$d/key-outside-group.rules:1: key outside of any [metric] group"
expect $d/twofiles "$d/twofiles/b.rules:2: metric 'shared_metric' is already defined at $d/twofiles/a.rules:1"
# The shipped rules are clean.
"$ZHSTATS" --check-rules >/dev/null 2>&1 || fail "shipped rules: $("$ZHSTATS" --check-rules 2>&1)"
# --rules given twice loads both.
"$ZHSTATS" --check-rules -r $d/twofiles/a.rules -r rules/housing.rules >/dev/null 2>&1 || fail "two -r"
exit 0
