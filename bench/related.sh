#!/usr/bin/env bash
# Time and memory of the related-content step alone, on a synthetic corpus of N articles.
# usage: bench/related.sh N [--no-tags]     (run from the project's root)
# Generates the corpus once with ../shared/bench/gen_corpus.py (GEN= to point elsewhere) into
# ${BENCH_WORK:-/tmp/gazette-bench}/N, then runs `gazette related --stats`, which loads the sources
# and then times the related step's parts (analysis, index, lists) and reports the index's size.
# With --no-tags, every `tags:` line is stripped first: related content from the text alone.
set -euo pipefail
N=${1:?usage: bench/related.sh N [--no-tags]}
MODE=${2:-}
GEN=${GEN:-../shared/bench/gen_corpus.py}
WORK=${BENCH_WORK:-/tmp/gazette-bench}/$N
[ -x ./gazette ] || { echo "run from the project's root" >&2; exit 2; }
if [ ! -f "$WORK/topics.tsv" ]; then
  [ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN=)" >&2; exit 2; }
  rm -rf "$WORK"; mkdir -p "$WORK"
  python3 "$GEN" "$WORK/articles" "$N" >/dev/null
fi
SOURCE=$WORK/articles
if [ "$MODE" = "--no-tags" ]; then
  if [ ! -d "$WORK/articles-no-tags" ]; then
    cp -r "$WORK/articles" "$WORK/articles-no-tags.tmp"
    find "$WORK/articles-no-tags.tmp" -name '*.md' -exec sed -i '/^tags:/d' {} +
    mv "$WORK/articles-no-tags.tmp" "$WORK/articles-no-tags"
  fi
  SOURCE=$WORK/articles-no-tags
fi
./gazette --version >/dev/null   # builds the jar if needed, outside the measurement
# Bodies are held while the site loads: give large corpora room (override with GAZETTE_JAVA_OPTS).
export GAZETTE_JAVA_OPTS=${GAZETTE_JAVA_OPTS:--XX:+UseSerialGC -Xmx$(( N >= 50000 ? 8 : 2 ))g}
/usr/bin/time -f "process: wall %e s, CPU user %U s, sys %S s, peak RSS %M KB (loading the sources included)" \
  ./gazette related --stats --future --source "$SOURCE"
