#!/usr/bin/env bash
# Extraction quality of the HTML reader against reference text.
# usage: bench/extraction-eval.sh [PAGES [REFERENCES]]   (run from the project's root)
#   PAGES: saved pages NAME.html; REFERENCES: NAME.txt files (`title: …`, `byline: A; B`, `---`, the
#   body text). Default: the project's own fixtures in src/test/resources/intake/.
# Prints, per page, whether it was accepted, whether the title is exact, the body's word F1 and
# whether the byline is exact; then the totals. The scorer is test code
# (src/test/java/dev/gazette/bench/ExtractionEval.java).
set -euo pipefail
PAGES=${1:-src/test/resources/intake/pages}
REFS=${2:-src/test/resources/intake/reference}
[ -f pom.xml ] || { echo "run from the project's root" >&2; exit 2; }
./gazette --version >/dev/null   # packages the jar if needed
if [ ! -f target/test-classes/dev/gazette/bench/ExtractionEval.class ] \
   || [ -n "$(find src/test/java/dev/gazette/bench -newer target/test-classes/dev/gazette/bench/ExtractionEval.class -print -quit)" ]; then
  mvn -B -q -o test-compile >&2
fi
exec java -cp target/gazette.jar:target/test-classes dev.gazette.bench.ExtractionEval "$PAGES" "$REFS"
