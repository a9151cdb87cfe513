#!/usr/bin/env bash
# The incremental build, case by case, on a synthetic corpus of N articles.
# usage: bench/incremental.sh N     (run from the project's root)
# Generates the corpus with ../shared/bench/gen_corpus.py (GEN= to point elsewhere) into
# ${BENCH_WORK:-/tmp/gazette-incremental}/N, with a copy of the default theme and a site.yml, then
# times, one after the other on the same site and cache:
#   cold (no cache, no previous site), no change, one new article, another, one article's body edited,
#   one article's tags changed, a template edited, site.yml edited.
# Each line: wall time (JVM start included), pages rendered, files written / unchanged / removed,
# peak RSS, related lists computed (the others were kept); each case's steps (--timings) go to steps.txt beside the site. JVM options: GAZETTE_JAVA_OPTS, as for ./gazette; class-data sharing as ./gazette has it (GAZETTE_NO_CDS=1 without).
set -euo pipefail
N=${1:?usage: bench/incremental.sh N}
GEN=${GEN:-../shared/bench/gen_corpus.py}
WORK=${BENCH_WORK:-/tmp/gazette-incremental}/$N
[ -x ./gazette ] || { echo "run from the project's root" >&2; exit 2; }
[ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN=)" >&2; exit 2; }
./gazette --version >/dev/null   # packages the jar if needed, outside the measurements
OPTS=${GAZETTE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g}
rm -rf "$WORK"; mkdir -p "$WORK"
# A copy of the jar: a `mvn package` during the run must not swap the code under the measurements.
cp target/gazette.jar "$WORK/gazette.jar"
JAR=$WORK/gazette.jar
# Class-data sharing, as ./gazette does it (one build of the sample site archives the classes a
# build loads): the figures are those of the command a newsroom runs. GAZETTE_NO_CDS=1 to leave it out.
CDS=""
if [ -z "${GAZETTE_NO_CDS:-}" ]; then
  TRAIN=$(mktemp -d)
  # shellcheck disable=SC2086
  java $OPTS -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$WORK/gazette.jsa" -jar "$JAR" build --source articles \
    --templates templates --config site.yml --out "$TRAIN/site" --no-cache --quiet >/dev/null 2>&1 || rm -f "$WORK/gazette.jsa"
  rm -rf "$TRAIN"
  if [ -f "$WORK/gazette.jsa" ]; then CDS="-XX:SharedArchiveFile=$WORK/gazette.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; fi
fi
python3 "$GEN" "$WORK/articles" "$N" >/dev/null
cp -r templates "$WORK/templates"
printf 'title: Gazette bench\ndescription: Incremental build bench.\nbaseUrl: https://bench.example/\nlanguage: fr\ntimeZone: Africa/Casablanca\n' >"$WORK/site.yml"
cd "$WORK"

printf '%-22s %8s %9s %9s %10s %8s %9s %9s\n' case wall_s rendered written unchanged removed rss_mib lists
measure() { # label
  /usr/bin/time -f "%e %M" -o time.txt java $CDS $OPTS -jar "$JAR" build --quiet --timings --source articles --templates templates \
    --out site-out --config site.yml --cache .gazette --now 2030-01-01T00:00:00Z >build.log 2>&1 \
    || { echo "$1: build failed" >&2; tail -5 build.log >&2; exit 1; }
  read -r wall kb <time.txt
  local line; line=$(grep '^Built ' build.log)
  local rendered written unchanged removed
  rendered=$(sed -E 's/.* ([0-9]+) pages? rendered.*/\1/' <<<"$line")
  written=$(sed -E 's/.*files: ([0-9]+) written.*/\1/' <<<"$line")
  unchanged=$(sed -E 's/.* ([0-9]+) unchanged.*/\1/' <<<"$line")
  removed=$(sed -E 's/.* ([0-9]+) removed.*/\1/' <<<"$line")
  # Related lists the engine computed (the others were kept); "-" when the related step did not run.
  local lists; lists=$(sed -nE 's/^Related lists: ([0-9]+) computed.*/\1/p' build.log)
  printf '%-22s %8s %9s %9s %10s %8s %9d %9s\n' "$1" "$wall" "$rendered" "$written" "$unchanged" "$removed" $((kb / 1024)) "${lists:--}"
  # Each case's steps (--timings), beside the table: where its time went.
  printf '%-22s %s\n' "$1" "$(grep '^Steps: ' build.log | sed 's/^Steps: //')" >>steps.txt
}

first=$(ls articles | sed -n 1p)
middle=$(ls articles | sed -n "$(( N / 2 + 1 ))p")
measure "cold"
measure "no change"
# A new article is dated after the newest one, as a publish is: it goes to the home page and the
# feeds, and it does not join the related engine's sample (which is drawn from the months before).
newest=$(grep -rh -m1 --include='*.md' '^date: ' articles | sed 's/^date: //' | sort | tail -1)
after() { python3 -c 'import datetime,sys; print((datetime.datetime.fromisoformat(sys.argv[1]) + datetime.timedelta(hours=int(sys.argv[2]))).isoformat())' "$newest" "$1"; }
sed -e 's/^title: "/title: "Nouveau /' -e 's/^slug: /slug: nouveau-/' -e "s/^date: .*/date: $(after 1)/" "articles/$first" >"articles/zz-nouveau.md"
measure "one new article"
# A second one: how many related lists move, and so how many pages are rendered, depends on the
# article and on what it is near.
second=$(ls articles | sed -n 2p)
sed -e 's/^title: "/title: "Encore /' -e 's/^slug: /slug: encore-/' -e "s/^date: .*/date: $(after 2)/" "articles/$second" >"articles/zz-encore.md"
measure "another new article"
printf '\nUn paragraphe ajouté au corps de l’article.\n' >>"articles/$middle"
measure "one body edited"
sed -i 's/^tags: .*/tags: ["Nouvelle étiquette", "Autre"]/' "articles/$middle"
measure "one article's tags"
printf '\n<#-- edited -->\n' >>templates/article.ftlh
measure "template edited"
sed -i 's/^description: .*/description: Une autre description./' site.yml
measure "site.yml edited"
echo "steps of each case (--timings): $WORK/steps.txt"
