// The search page as a reader uses it, on the sample site: typing finds the article, the filters
// narrow the list, the header's form works without JavaScript, and axe-core finds nothing to fix.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { browser, cleanup, copySite, serve } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
/** The seed article: Bourita's call with Lavrov. */
const SEED = "nasser-bourita/";
let dir, server, chromium;

before(async () => {
  dir = copySite();
  server = await serve(dir);
  chromium = await browser();
});

after(async () => {
  await chromium?.close();
  await server?.stop();
  cleanup(dir);
});

/** The search page, with its index's metadata loaded. */
async function searchPage(context = chromium) {
  const page = await context.newPage();
  await page.goto(server.url + "recherche/");
  await page.waitForSelector("#search-form:not([hidden])");
  return page;
}

async function results(page) {
  return page.$$eval("#search-results .search-result", (items) => items.map((li) => ({
    url: li.querySelector("a").getAttribute("href"),
    title: li.querySelector("a").textContent,
    rubric: li.querySelector(".kicker")?.textContent ?? "",
    marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
  })));
}

/** Types `text` key by key, as a reader does, and waits for the status to name it. */
async function type(page, text) {
  await page.fill("#search-q", "");
  await page.type("#search-q", text, { delay: 20 });
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), text);
}

test("typing “Lavrov” lists the seed article first, the word highlighted", async () => {
  const page = await searchPage();
  try {
    await type(page, "Lavrov");
    const found = await results(page);
    assert.ok(found.length >= 2, "several articles name Lavrov");
    assert.ok(found[0].url.endsWith(SEED), "the seed article comes first: " + found[0].url);
    assert.ok(found[0].marks.some((m) => m === "Lavrov"), "the word is marked in the result");
    assert.ok(found.length <= 10 && !(await page.isVisible("#search-more")), "no “more results” button when every result is shown");
    // A result is typeset as the article's page shows it (no-break space before the colon in French).
    assert.ok(found.every((r) => !/\p{L}:\s/u.test(r.title)), "titles typeset: " + found.map((r) => r.title));
    // Once the shards are loaded (the first time), results follow the last key within the target.
    await type(page, "Lavrov Bourita");
    await type(page, "Lavrov Bourita");
    const ms = Number(await page.getAttribute("#search-results", "data-ms"));
    console.log(`# search: results ${ms} ms after the last key (shards loaded, sample site)`);
    assert.ok(ms < 1000, "results within a second");
  } finally {
    await page.close();
  }
});

test("the filters narrow the list", async () => {
  const page = await searchPage();
  try {
    await type(page, "Maroc");
    const all = await results(page);
    const total = await page.textContent("#search-status");
    assert.ok(all.length >= 5, "many articles name the Maroc");
    await page.selectOption("#search-rubric", "economie");
    await page.waitForFunction((t) => document.getElementById("search-status").textContent !== t, total);
    const economy = await results(page);
    assert.ok(economy.length > 0 && economy.length < all.length, `the rubric narrows the list (${all.length} → ${economy.length})`);
    assert.ok(economy.every((r) => r.rubric === "Économie"), "only the rubric's articles");
    assert.match(page.url(), /rubric=economie/, "the address keeps the filter");
    const narrowed = await page.textContent("#search-status");
    const tags = await page.$$eval("#search-tag option", (os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(tags.length > 0, "the tag filter offers the results' tags");
    await page.selectOption("#search-tag", tags[tags.length - 1]);
    await page.waitForFunction((t) => document.getElementById("search-status").textContent !== t, narrowed);
    const tagged = await results(page);
    assert.ok(tagged.length > 0 && tagged.length <= economy.length, "the tag narrows it again");
    await page.selectOption("#search-tag", "");
    await page.selectOption("#search-rubric", "");
    const year = await page.$eval("#search-year", (s) => s.options[1].value);
    await page.selectOption("#search-year", year);
    await page.waitForFunction(() => /year=/.test(location.search));
    const inYear = await page.$$eval("#search-results time", (ts) => ts.map((t) => t.dateTime.slice(0, 4)));
    assert.ok(inYear.length > 0 && inYear.every((y) => y === year), "only the year's articles");
    await page.selectOption("#search-sort", "date");
    await page.waitForFunction(() => /sort=date/.test(location.search));
    await page.waitForTimeout(200);
    const byDate = await page.$$eval("#search-results time", (ts) => ts.map((t) => t.dateTime));
    const sorted = [...byDate].sort().reverse();
    assert.deepEqual(byDate, sorted, "sorted by date, newest first");
  } finally {
    await page.close();
  }
});

test("without JavaScript, the header's form leads to a search page that says where articles are", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill("#masthead-q", "Lavrov");
    await Promise.all([page.waitForURL(/recherche\/\?q=Lavrov/), page.press("#masthead-q", "Enter")]);
    assert.equal(await page.isVisible("#search-form"), false, "the script's form is hidden");
    assert.equal(await page.isVisible(".search-without-script"), true);
    assert.equal(await page.isVisible("#search-more"), false, "no button that needs the script");
    const links = await page.$$eval(".search-without-script a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.includes("../archives/"), "it links to the archive: " + links);
    assert.ok(links.includes("../rubriques/"), "and to the rubrics");
  } finally {
    await context.close();
  }
});

test("axe-core reports no violation on the search page, with results shown", async () => {
  const page = await searchPage();
  try {
    await type(page, "Lavrov");
    await page.addScriptTag({ path: AXE });
    const report = await page.evaluate(() => window.axe.run(document));
    const violations = report.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    assert.deepEqual(violations, []);
    // The page as it is without its script (search.js blocked): what readers without JavaScript get.
    const noScript = await chromium.newPage();
    try {
      await noScript.route("**/search.js", (route) => route.abort());
      await noScript.goto(server.url + "recherche/");
      await noScript.addScriptTag({ path: AXE });
      const plain = await noScript.evaluate(() => window.axe.run(document));
      assert.deepEqual(plain.violations.map((v) => v.id), [], "nor on the page without its script");
    } finally {
      await noScript.close();
    }
  } finally {
    await page.close();
  }
});
