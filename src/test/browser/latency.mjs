// The preview's latency, as an editor feels it: from saving an article to Chromium showing the new
// text, through the live reload. Not a test (no pass or fail): bench/serve-latency.sh runs it on a
// synthetic archive. usage: node latency.mjs SITE_DIR ARTICLE_FILE [EDITS]
import { join } from "node:path";
import { browser, read, saveAsEditor, serve } from "./harness.mjs";

/** Polls the page until `predicate` holds; an evaluation cut by the live reload is tried again. */
async function until(page, predicate, arg) {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(predicate, arg)) return;
    } catch (e) {
      // A reload cut the evaluation, or the new page has no body yet: try again.
      if (!/context was destroyed|navigat|Target closed|of null/i.test(String(e))) throw e;
    }
    await new Promise((ok) => setTimeout(ok, 5));
  }
  throw new Error("timed out");
}

const [dir, article, editsArg] = process.argv.slice(2);
const edits = Number(editsArg || 5);
const started = Date.now();
const server = await serve(dir, "--quiet", "--timings");
console.log(`serve: first build and start ${((Date.now() - started) / 1000).toFixed(1)} s`);
const chromium = await browser();
const page = await chromium.newPage();
try {
  const file = join(dir, "articles", article);
  const original = read(file);
  // The article's URL: the preview's home page links the newest articles; ours is made the newest.
  const slug = (/^slug: *"?([^"\n]+)"?$/m.exec(original) || [null, article.replace(/\.md$/, "")])[1];
  await page.goto(server.url);
  const href = await page.evaluate((s) => [...document.querySelectorAll("a")].map((a) => a.href).find((h) => h.includes("/" + s + "/")), slug);
  if (!href) throw new Error("the home page does not link " + slug);
  await page.goto(href);
  const times = [];
  for (let i = 1; i <= edits; i++) {
    const mark = `Correction numéro ${i} de la rédaction.`;
    const t0 = Date.now();
    saveAsEditor(file, original.replace(/\n---\n/, `\n---\n\n${mark}\n`));
    await until(page, (m) => document.body.innerText.includes(m), mark);
    times.push(Date.now() - t0);
    await new Promise((ok) => setTimeout(ok, 300));
  }
  times.sort((a, b) => a - b);
  console.log(`save → text shown, ${edits} edits: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms`);
  console.log(server.output().split("\n").filter((l) => l.startsWith("Built") || l.startsWith("Steps") || l.startsWith("Refreshed")).slice(-8).join("\n"));
} finally {
  await chromium.close();
  await server.stop();
}
