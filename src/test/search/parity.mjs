// The browser's analysis of a word list, for AnalyzerParityTest: reads a JSON file
// { language, data, lines } and prints each line's terms, space-separated, one line per input line.
import { readFileSync } from "node:fs";
import { analyzer } from "../../main/resources/dev/gazette/search/analyzer.js";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const a = analyzer(input.language, input.data);
process.stdout.write(input.lines.map((l) => a.terms(l).join(" ")).join("\n") + "\n");
