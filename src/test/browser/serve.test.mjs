// `gazette serve` as an editor uses it: a page open in Chromium follows the edits of its article and
// of the templates with no manual reload, and shows a failed build's errors until they are fixed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { browser, cleanup, copySite, read, saveAsEditor, serve } from "./harness.mjs";

const ARTICLE = "articles/2025-08-20-tourisme-arrivees-fin-juillet.md";
let dir, server, chromium, page;
/** Every load of the page: a reload that the test did not ask for is the live reload. */
let loads = 0;

before(async () => {
  dir = copySite();
  server = await serve(dir, "--drafts");
  chromium = await browser();
  page = await chromium.newPage();
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) loads++; });
  await page.goto(server.url);
  // The title is typeset on the page ("Tourisme\u00A0: 11,6 millions…"): matched by its words.
  await page.click('a:has-text("11,6 millions")');
  await page.waitForSelector("h1.story-title");
});

after(async () => {
  if (process.env.GAZETTE_TEST_LOG) console.log(server?.output());
  await chromium?.close();
  await server?.stop();
  cleanup(dir);
});

/**
 * Waits until `predicate` holds in the page; returns the milliseconds it took since `since`. The
 * page reloads by itself (more than once: the saved article's page first, then the whole site), and
 * an evaluation cut by a reload is simply tried again.
 */
async function until(predicate, arg, since, target = page) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    try {
      if (await target.evaluate(predicate, arg)) return Date.now() - since;
    } catch (e) {
      // A reload cut the evaluation, or the new page has no body yet: try again.
      if (!/context was destroyed|navigat|Target closed|of null/i.test(String(e))) throw e;
    }
    await new Promise((ok) => setTimeout(ok, 10));
  }
  throw new Error("timed out waiting for " + predicate);
}

test("an edited article shows its new text with no manual reload", async () => {
  const file = join(dir, ARTICLE);
  const before = loads;
  const t0 = Date.now();
  saveAsEditor(file, read(file).replace("Le Maroc a accueilli 11,6 millions de touristes entre",
    "Texte corrigé par la rédaction : le Maroc a accueilli 11,6 millions de touristes entre"));
  const ms = await until(() => document.body.innerText.includes("Texte corrigé par la rédaction"), null, t0);
  assert.ok(loads > before, "the page reloaded by itself");
  console.log(`save → text shown in the browser: ${ms} ms (sample site)`);
});

test("an edited template shows with no manual reload", async () => {
  const file = join(dir, "templates/article.ftlh");
  const t0 = Date.now();
  saveAsEditor(file, read(file).replace('<h1 class="story-title">', '<p class="test-mark">Édition spéciale</p>\n    <h1 class="story-title">'));
  const ms = await until(() => document.querySelector(".test-mark")?.textContent === "Édition spéciale", null, t0);
  console.log(`template save → page updated: ${ms} ms`);
});

test("broken front matter shows an overlay naming the file and line, which goes once it is fixed", async () => {
  const file = join(dir, ARTICLE);
  const good = read(file);
  saveAsEditor(file, good.replace(/^title: .*$/m, "title: [Tourisme sans crochet fermant"));
  await page.waitForSelector("#gazette-build-errors", { timeout: 30_000 });
  const overlay = await page.textContent("#gazette-build-errors");
  assert.match(overlay, /2025-08-20-tourisme-arrivees-fin-juillet\.md:\d+/);
  assert.match(overlay, /La dernière construction a échoué/);
  assert.match(overlay, /Correction :/, "the fix is shown");
  assert.equal(await page.getAttribute("#gazette-build-errors", "role"), "alertdialog");
  saveAsEditor(file, good.replace("Texte corrigé par la rédaction", "Texte réparé"));
  await page.waitForSelector("#gazette-build-errors", { state: "detached", timeout: 30_000 });
  await until(() => document.body.innerText.includes("Texte réparé"), null, Date.now());
});

test("a new draft is served with its mark, and the home page lists it", async () => {
  writeFileSync(join(dir, "articles/brouillon-test.md"),
    "---\ntitle: Un brouillon de la rédaction\ndate: 2025-09-12T10:00:00+01:00\ncategory: Politique\ndraft: true\n---\nPas encore publié.\n");
  const home = await chromium.newPage();
  try {
    await home.goto(server.url);
    await until(() => document.body.innerText.includes("Un brouillon de la rédaction"), null, Date.now(), home);
    const card = home.locator(".card", { hasText: "Un brouillon de la rédaction" }).first();
    assert.equal(await card.locator(".status").textContent(), "Brouillon");
  } finally {
    await home.close();
  }
});
