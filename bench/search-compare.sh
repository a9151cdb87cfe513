#!/usr/bin/env bash
# Gazette's search against Pagefind's on one synthetic archive of N articles, built once.
# usage: bench/search-compare.sh N             (run from the project's root; needs chromium, node and npm)
#        bench/search-compare.sh --corpus DIR  (the Markdown articles of DIR instead of a synthetic archive,
#                                               e.g. ../shared/bench/realnews/wikinews-fr-100/articles)
# Prints, for each: bytes per query (a two-word query in a fresh browser, every file the search
# downloads: scripts, index, the metadata of the 10 results shown), the index's size on disk, the
# indexing time, and known-item success (3 distinctive words of an article find it in the top 5,
# over 200 articles drawn with a fixed seed). The corpus comes from ../shared/bench/gen_corpus.py
# (GEN= to point elsewhere), in ${BENCH_WORK:-/tmp/gazette-search}/N. Pagefind (npm `pagefind`,
# PAGEFIND_VERSION, default 1.6.0) is installed into a temporary folder for the run.
set -euo pipefail
CORPUS=
if [ "${1:-}" = --corpus ]; then
  CORPUS=${2:?usage: bench/search-compare.sh --corpus DIR}
  [ -d "$CORPUS" ] || { echo "no folder $CORPUS" >&2; exit 2; }
  N=$(find "$CORPUS" -maxdepth 1 -name '*.md' | wc -l)
  WORK=${BENCH_WORK:-/tmp/gazette-search}/$(basename "$(cd "$CORPUS/.." && pwd)")
else
  N=${1:?usage: bench/search-compare.sh N | --corpus DIR}
  WORK=${BENCH_WORK:-/tmp/gazette-search}/$N
fi
GEN=${GEN:-../shared/bench/gen_corpus.py}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
[ -x ./gazette ] || { echo "run from the project's root" >&2; exit 2; }
[ -n "$CORPUS" ] || [ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN=)" >&2; exit 2; }
./gazette --version >/dev/null   # packages the jar if needed
(cd src/test/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null; })
if [ -n "$CORPUS" ]; then
  rm -rf "$WORK"; mkdir -p "$WORK/articles"
  cp "$CORPUS"/*.md "$WORK/articles/"
# The corpus is deterministic: one left by an earlier run of the same size is reused.
elif [ "$(ls "$WORK/articles" 2>/dev/null | wc -l)" != "$N" ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"
  python3 "$GEN" "$WORK/articles" "$N" >/dev/null
fi
rm -rf "$WORK/site" "$WORK/cache" "$WORK/templates"
# Pagefind indexes the elements marked data-pagefind-body: the article pages' <article>, as a site using it would.
cp -r templates "$WORK/templates"
sed -i 's/<article class="story"/<article data-pagefind-body class="story"/' "$WORK/templates/article.ftlh"
grep -q data-pagefind-body "$WORK/templates/article.ftlh" || { echo "article.ftlh: no <article class=\"story\"> to mark for Pagefind" >&2; exit 1; }
printf 'title: Gazette bench\ndescription: Search bench.\nbaseUrl: https://bench.example/\nlanguage: fr\ntimeZone: Africa/Casablanca\n' >"$WORK/site.yml"

echo "== Gazette: cold build (an empty cache folder, as a first build) with its search index"
( cd "$WORK" && java ${GAZETTE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g} -jar "$OLDPWD/target/gazette.jar" build \
    --out site --cache cache --timings ) | tee "$WORK/build.log"
total_ms=$(sed -n 's/.* in \([0-9.]*\) s.*/\1/p' "$WORK/build.log" | tail -1)
search_ms=$(grep -o 'search [0-9]* ms' "$WORK/build.log" | grep -o '[0-9]*' | tail -1)

echo "== Pagefind $PAGEFIND_VERSION"
PF=$(mktemp -d)
trap 'rm -rf "$PF"' EXIT
(cd "$PF" && npm init -y >/dev/null && npm install --no-audit --no-fund "pagefind@$PAGEFIND_VERSION" >/dev/null)
pf_start=$(date +%s%N)
"$PF/node_modules/.bin/pagefind" --site "$WORK/site" --output-subdir pagefind --force-language fr >"$WORK/pagefind.log" 2>&1
pf_ms=$(( ($(date +%s%N) - pf_start) / 1000000 ))
tail -5 "$WORK/pagefind.log"

SEARCH_FOLDER=recherche
gz_bytes=$(du -sb "$WORK/site/$SEARCH_FOLDER" | cut -f1)
gz_html=$(stat -c %s "$WORK/site/$SEARCH_FOLDER/index.html")
pf_bytes=$(du -sb "$WORK/site/pagefind" | cut -f1)
node bench/search-compare.mjs "$WORK" "$N" "$((gz_bytes - gz_html))" "$pf_bytes" "${search_ms:-0}" "$pf_ms" "$total_ms"
