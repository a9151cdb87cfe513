// The browser half of bench/search-compare.sh: serves the built site (plain HTTP, no compression,
// so bytes are the files' own), then runs the same queries through Gazette's search page and
// through Pagefind's API in headless Chromium, counting every byte each one downloads.
// usage: node bench/search-compare.mjs WORK N GAZETTE_INDEX_BYTES PAGEFIND_BYTES GAZETTE_MS PAGEFIND_MS BUILD_S
import { createServer } from "node:http";
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";

const require = createRequire(resolve("src/test/browser/package.json"));
const { chromium } = require("playwright-core");
const [work, n, gzBytes, pfBytes, gzMs, pfMs, buildS] = process.argv.slice(2);
const site = join(work, "site");
const KNOWN_ITEMS = 200;
const BYTE_QUERIES = 20;

// Pagefind's API needs a page to run in: an empty one beside the site.
writeFileSync(join(site, "pagefind-bench.html"), "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>bench</title></head><body></body></html>");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css",
  ".wasm": "application/wasm", ".svg": "image/svg+xml" };
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(site, path);
  if (!file.startsWith(site)) { res.writeHead(403).end(); return; }
  try {
    const size = statSync(file).size;
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream", "Content-Length": size });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

// The articles, their words, and each word's document frequency, from the Markdown sources.
const articles = readdirSync(join(work, "articles")).filter((f) => f.endsWith(".md")).sort().map((f) => {
  const text = readFileSync(join(work, "articles", f), "utf8");
  const slug = /^slug: (.*)$/m.exec(text)[1].trim();
  const rubric = /^category: (.*)$/m.exec(text)?.[1].trim() ?? "";
  const body = text.replace(/^---[\s\S]*?---/, "") + " " + (/^title: "?(.*?)"?$/m.exec(text)?.[1] ?? "");
  const words = new Set(body.toLowerCase().match(/\p{L}{4,}/gu) || []);
  return { slug, rubric, words };
});
const df = new Map();
for (const a of articles) for (const w of a.words) df.set(w, (df.get(w) || 0) + 1);

// mulberry32: the same 200 articles on every run.
let seed = 42;
const random = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const picked = [];
const used = new Set();
while (picked.length < Math.min(KNOWN_ITEMS, articles.length)) {
  const i = Math.floor(random() * articles.length);
  if (used.has(i)) continue;
  used.add(i);
  const a = articles[i];
  // Its 3 most distinctive words: the rarest in the archive, ties by the word.
  const words = [...a.words].sort((x, y) => df.get(x) - df.get(y) || (x < y ? -1 : 1)).slice(0, 3);
  picked.push({ slug: a.slug, query: words.join(" ") });
}
const bare = (q) => q.normalize("NFD").replace(/\p{M}/gu, "");
// Two-word queries for the bytes: two words of middling frequency from the same articles.
const twoWord = picked.slice(0, BYTE_QUERIES).map((p, k) => {
  const a = articles.find((x) => x.slug === p.slug);
  const mid = [...a.words].filter((w) => df.get(w) > 20).sort((x, y) => (x < y ? -1 : 1));
  return mid.length >= 2 ? mid[k % mid.length] + " " + mid[(k * 7 + 3) % mid.length] : p.query;
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });

/** Every byte the page downloads after `ready`, headers included, except the page itself and its style. */
function meter(page) {
  const sizes = [];
  page.on("requestfinished", (req) => {
    const url = req.url();
    if (/\.(css|svg|png|ico)$/.test(url) || req.resourceType() === "document") return;
    sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

const gazette = {
  name: "Gazette",
  async open(page) {
    await page.goto(base + "recherche/");
    await page.waitForSelector("#search-form:not([hidden])");
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("meta.json")));
  },
  async query(page, q) {
    await page.fill("#search-q", q);
    await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), q);
    return page.$$eval("#search-results .search-result a", (as) => as.map((a) => a.getAttribute("href")));
  },
};
const pagefind = {
  name: "Pagefind",
  async open(page) {
    await page.goto(base + "pagefind-bench.html");
    await page.evaluate(async () => {
      window.pf = await import("/pagefind/pagefind.js");
      await window.pf.init();
    });
  },
  async query(page, q) {
    // The 10 results a page would show, with their data (title, URL, excerpt).
    return page.evaluate(async (q) => {
      const search = await window.pf.search(q);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => d.url);
    }, q);
  },
};

const rows = [];
for (const engine of [gazette, pagefind]) {
  const bytes = [];
  for (const q of twoWord) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const total = meter(page);
    await engine.open(page);
    await engine.query(page, q);
    bytes.push(await total());
    await context.close();
  }
  const page = await browser.newPage();
  await engine.open(page);
  let found = 0;
  const started = Date.now();
  const hit = (urls, p) => urls.slice(0, 5).some((u) => u.replace(/\/$/, "").endsWith("/" + p.slug));
  for (const p of picked) {
    if (hit(await engine.query(page, p.query), p)) found++;
    else if (process.env.MISSES) console.log(`${engine.name} misses ${p.slug}: ${p.query}`);
  }
  const perQuery = (Date.now() - started) / picked.length;
  // The same queries as readers often type them on a French site: without accents ("economie").
  let foundBare = 0;
  for (const p of picked) if (hit(await engine.query(page, bare(p.query)), p)) foundBare++;
  // Gazette's time from the last key to the results shown, once the query's files are loaded.
  const latencies = [];
  if (engine === gazette) {
    for (const q of twoWord) {
      await engine.query(page, q);
      await page.fill("#search-q", "");
      await page.type("#search-q", q.slice(0, -1));
      await page.type("#search-q", q.slice(-1));
      await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), q);
      latencies.push(Number(await page.getAttribute("#search-results", "data-ms")));
    }
    latencies.sort((a, b) => a - b);
  }
  await page.close();
  bytes.sort((a, b) => a - b);
  rows.push({ engine: engine.name, median: bytes[Math.floor(bytes.length / 2)], max: bytes[bytes.length - 1], found, foundBare, perQuery,
    latency: latencies.length ? `${latencies[Math.floor(latencies.length / 2)]} / ${latencies[latencies.length - 1]}` : "" });
}
await browser.close();
server.close();

const kB = (b) => (b / 1000).toFixed(1) + " kB";
const MB = (b) => (b / 1e6).toFixed(1) + " MB";
console.log(`\n${n} articles; cold build ${buildS} s; bytes per two-word query over ${BYTE_QUERIES} queries (median, max), served uncompressed`);
console.log("| engine | bytes per query (median / max) | index on disk | indexing time | known-item success (top 5) | the same without accents | ms per query, page open | last key → results, files loaded (median / max ms) |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const disk = r.engine === "Gazette" ? Number(gzBytes) : Number(pfBytes);
  const ms = r.engine === "Gazette" ? `${(gzMs / 1000).toFixed(1)} s (${(100 * gzMs / 1000 / buildS).toFixed(1)}% of the build)` : `${(pfMs / 1000).toFixed(1)} s`;
  console.log(`| ${r.engine} | ${kB(r.median)} / ${kB(r.max)} | ${MB(disk)} | ${ms} | ${r.found}/${picked.length} (${(100 * r.found / picked.length).toFixed(1)}%) | ${r.foundBare}/${picked.length} (${(100 * r.foundBare / picked.length).toFixed(1)}%) | ${r.perQuery.toFixed(0)} | ${r.latency} |`);
}
