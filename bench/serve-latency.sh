#!/usr/bin/env bash
# The preview's latency on a synthetic archive of N articles: from saving one article to headless
# Chromium showing its new text (live reload included), over a few edits.
# usage: bench/serve-latency.sh N [EDITS]     (run from the project's root; needs chromium and npm)
# The corpus comes from ../shared/bench/gen_corpus.py (GEN= to point elsewhere), in
# ${BENCH_WORK:-/tmp/gazette-serve}/N. JVM options: GAZETTE_JAVA_OPTS, as for ./gazette.
set -euo pipefail
N=${1:?usage: bench/serve-latency.sh N [EDITS]}
EDITS=${2:-5}
GEN=${GEN:-../shared/bench/gen_corpus.py}
WORK=${BENCH_WORK:-/tmp/gazette-serve}/$N
[ -x ./gazette ] || { echo "run from the project's root" >&2; exit 2; }
[ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN=)" >&2; exit 2; }
./gazette --version >/dev/null   # packages the jar if needed
(cd src/test/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null; })
rm -rf "$WORK"; mkdir -p "$WORK"
cp target/gazette.jar "$WORK/gazette.jar"
python3 "$GEN" "$WORK/articles" "$N" >/dev/null
cp -r templates "$WORK/templates"
printf 'title: Gazette bench\ndescription: Preview bench.\nbaseUrl: https://bench.example/\nlanguage: fr\ntimeZone: Africa/Casablanca\n' >"$WORK/site.yml"
# The edited article is made the newest, so that the home page links it.
first=$(ls "$WORK/articles" | sed -n 1p)
sed -i -E 's/^date: .*/date: 2025-09-12T23:00:00+01:00/' "$WORK/articles/$first"
GAZETTE_JAR="$WORK/gazette.jar" node src/test/browser/latency.mjs "$WORK" "$first" "$EDITS"
