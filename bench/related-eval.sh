#!/usr/bin/env bash
# Related-content quality on a labelled corpus: Gazette against plain full-vector TF-IDF.
# usage: bench/related-eval.sh CORPUS [--no-tags] [--shuffle-dates] [--language xx] [--time-weight W]
#   (run from the project's root)
# CORPUS is a folder holding articles/ (Markdown) and topics.tsv (slug<TAB>label; `;`-separated
# keyphrases: related when they share one), and perhaps site.yml; or synthetic:N, a corpus of N
# articles from ../shared/bench/gen_corpus.py (GEN= to point elsewhere), generated once into
# ${BENCH_WORK:-/tmp/gazette-eval}.
#   --no-tags        every `tags:` line stripped first: related content from the text alone
#   --shuffle-dates  the articles' dates dealt out again at random (a fixed seed): time tells nothing
#   --language xx    the site's language when CORPUS has no site.yml (default fr)
#   --time-weight W  related.timeWeight (default: the engine's default)
# Builds the site with Gazette (no cache), then prints, for Gazette (the links of each article page's
# related block, read as ../shared/bench/score_related.py reads them) and for the baseline (as
# ../shared/bench/tfidf_baseline.py computes it, reproduced in Java): precision@1, precision@5 and
# coverage. The scorer and the baseline are test code (src/test/java/dev/gazette/bench/RelatedEval.java).
set -euo pipefail
CORPUS=${1:?usage: bench/related-eval.sh CORPUS [--no-tags] [--shuffle-dates] [--language xx] [--time-weight W]}
shift
NO_TAGS=""; SHUFFLE=""; LANGUAGE=fr; TIME_WEIGHT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-tags) NO_TAGS=1 ;;
    --shuffle-dates) SHUFFLE=1 ;;
    --language) LANGUAGE=${2:?--language needs a value}; shift ;;
    --time-weight) TIME_WEIGHT=${2:?--time-weight needs a value}; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x ./gazette ] || { echo "run from the project's root" >&2; exit 2; }
GEN=${GEN:-../shared/bench/gen_corpus.py}
BASE=${BENCH_WORK:-/tmp/gazette-eval}
mkdir -p "$BASE"
if [[ "$CORPUS" == synthetic:* ]]; then
  N=${CORPUS#synthetic:}
  CORPUS=$BASE/synthetic-$N
  if [ ! -f "$CORPUS/topics.tsv" ]; then
    [ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN=)" >&2; exit 2; }
    rm -rf "$CORPUS"; mkdir -p "$CORPUS"
    python3 "$GEN" "$CORPUS/articles" "$N" >/dev/null
  fi
fi
CORPUS=$(cd "$CORPUS" && pwd)
[ -d "$CORPUS/articles" ] && [ -f "$CORPUS/topics.tsv" ] || { echo "$CORPUS needs articles/ and topics.tsv" >&2; exit 2; }
./gazette --version >/dev/null   # packages the jar if needed
if [ ! -d target/test-classes/dev/gazette/bench ] \
   || [ -n "$(find src/test/java/dev/gazette/bench -newer target/test-classes/dev/gazette/bench -print -quit)" ]; then
  mvn -B -q -o test-compile >&2
fi
CP=target/gazette.jar:target/test-classes
WORK=$BASE/run-$(basename "$CORPUS")${NO_TAGS:+-no-tags}${SHUFFLE:+-shuffled}
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r "$CORPUS/articles" "$WORK/articles"
[ -n "$NO_TAGS" ] && find "$WORK/articles" -name '*.md' -exec sed -i '/^tags:/d' {} +
if [ -n "$SHUFFLE" ]; then
  python3 - "$WORK/articles" <<'PY'
import os, random, re, sys
d = sys.argv[1]
files = sorted(f for f in os.listdir(d) if f.endswith(".md"))
texts = [open(os.path.join(d, f), encoding="utf-8").read() for f in files]
dates = [re.search(r"^date: .*$", t, re.M).group(0) for t in texts]
random.Random(11).shuffle(dates)
for f, t, date in zip(files, texts, dates):
    open(os.path.join(d, f), "w", encoding="utf-8").write(re.sub(r"^date: .*$", lambda m: date, t, count=1, flags=re.M))
PY
fi
if [ -f "$CORPUS/site.yml" ]; then
  cp "$CORPUS/site.yml" "$WORK/site.yml"
else
  printf 'title: Related eval\nlanguage: %s\n' "$LANGUAGE" >"$WORK/site.yml"
fi
if [ -n "$TIME_WEIGHT" ]; then
  grep -q '^related:' "$WORK/site.yml" && { echo "site.yml already has related: settings" >&2; exit 2; }
  printf 'related:\n  timeWeight: %s\n' "$TIME_WEIGHT" >>"$WORK/site.yml"
fi
OPTS=${GAZETTE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g}
# shellcheck disable=SC2086
java $OPTS -jar target/gazette.jar build --quiet --no-cache --future --source "$WORK/articles" --templates templates \
  --config "$WORK/site.yml" --out "$WORK/site-out" >"$WORK/build.log" 2>&1 \
  || { echo "the build failed:" >&2; tail -5 "$WORK/build.log" >&2; exit 1; }
echo "$(basename "$CORPUS")${NO_TAGS:+, no tags}${SHUFFLE:+, dates shuffled}${TIME_WEIGHT:+, timeWeight $TIME_WEIGHT}: $(grep -c . "$CORPUS/topics.tsv") labelled articles"
# shellcheck disable=SC2086
java $OPTS -cp "$CP" dev.gazette.bench.RelatedEval site "$WORK/site-out" "$CORPUS/topics.tsv"
# shellcheck disable=SC2086
java $OPTS -cp "$CP" dev.gazette.bench.RelatedEval baseline "$WORK/articles" "$CORPUS/topics.tsv"
