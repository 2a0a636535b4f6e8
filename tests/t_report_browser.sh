# The review page in a real browser (Debian's chromium, headless): the page
# `make run` writes (same command line, into tests/artifacts/) is loaded,
# and its DOM, as the browser built it, must hold one highlight per CSV row
# carrying that row's cells, with every in-page link resolving. A page from
# an input full of markup must show it as text. The screenshot
# tests/artifacts/report.png is kept for a reviewer (the folder is ignored
# by git; CI can keep it as an artifact). No chromium is a failure: `make
# deps` installs it.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v chromium >/dev/null || fail "chromium is not installed (make deps installs it)"
art=tests/artifacts
mkdir -p "$art"

browse() { # browse PAGE CHROMIUM-ARGS...: one fresh headless browser
  local page=$1
  shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-quic --hide-scrollbars --user-data-dir="$(mktemp -d -p "$tmp")" \
    "$@" "file://$(realpath "$page")" 2>>"$tmp/chromium.log"
}

# The corpus, as `make run` does it.
"$ZHSTATS" -o "$tmp/statistics.csv" --articles "$tmp/articles.csv" \
  --report "$art/report.html" corpus/ || fail "zhstats --report"
browse "$art/report.html" --dump-dom >"$tmp/dom.html" || fail "chromium --dump-dom: $(tail -3 "$tmp/chromium.log")"
python3 tests/report_dom.py rows "$tmp/dom.html" "$tmp/statistics.csv" || fail "rows in the DOM"
rm -f "$art/report.png"
browse "$art/report.html" --screenshot="$art/report.png" --window-size=1280,2000 >/dev/null \
  || fail "chromium --screenshot"
[ "$(head -c 8 "$art/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
  || fail "no PNG screenshot"
[ "$(stat -c %s "$art/report.png")" -gt 50000 ] || fail "the screenshot is nearly empty"

# Escaping: markup, quotes and ampersands in a sentence stay text.
text='测试<script>alert(1)</script><img src=x onerror=alert(2)>"直引号" A&B&amp;'
printf '标题\n\n本报讯 %s全市常住人口达到120万人。\n' "$text" >"$tmp/markup.txt"
"$ZHSTATS" -o "$tmp/markup.csv" --report "$tmp/markup.html" "$tmp/markup.txt" \
  || fail "zhstats --report on markup"
browse "$tmp/markup.html" --dump-dom >"$tmp/markup-dom.html" || fail "chromium --dump-dom (markup)"
python3 tests/report_dom.py escaped "$tmp/markup-dom.html" "$text" || fail "escaping"
exit 0
