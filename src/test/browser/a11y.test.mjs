// What a reader with assistive technology meets: axe-core (in Chromium) finds no violation on one page
// of each kind of the sample site, on a wide screen and on a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browser, cleanup, copySite, serve } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** One page of each kind, by its address in the sample site. */
const PAGES = {
  home: "",
  article: "politique/partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita/",
  related: "politique/partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita/related/",
  tag: "tags/maroc/",
  rubric: "rubriques/politique/",
  archive: "archives/2025/09/",
  archives: "archives/",
  author: "auteurs/salma-benali/",
  authors: "auteurs/",
  tags: "tags/",
  rubrics: "rubriques/",
  "404": "no-such-page/",
};

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

/** The violations axe finds on `url`, each as "rule: first target (impact)". */
async function violations(url, viewport) {
  const page = await chromium.newPage({ viewport });
  try {
    const response = await page.goto(url, { waitUntil: "load" });
    assert.ok(response, "the page answered: " + url);
    await page.addScriptTag({ path: AXE });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")} (${v.impact})`);
  } finally {
    await page.close();
  }
}

for (const [kind, path] of Object.entries(PAGES)) {
  test(`axe finds no violation on the ${kind} page`, async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      assert.deepEqual(await violations(server.url + path, viewport), [], `${kind} page (${path || "/"}) at ${viewport.width}px`);
    }
  });
}

test("axe finds no violation on an Arabic edition of the sample (right to left, French articles in it)", async () => {
  const ar = copySite();
  const config = join(ar, "site.yml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^language: .*$/m, "language: ar-MA"));
  writeFileSync(join(ar, "articles", "hadiqa.md"), "---\ntitle: \"افتتاح حديقة جديدة على ضفاف أبي رقراق\"\n"
    + "date: 2025-09-12T10:00:00+01:00\ncategory: مجتمع\nauthor: سلمى بناني\n---\n"
    + "أعلنت بلدية الرباط عن افتتاح حديقة عمومية جديدة على ضفاف أبي رقراق، بعد أشغال دامت سنتين.\n");
  const edition = await serve(ar);
  try {
    for (const path of ["", "mjtm/hadiqa/", PAGES.rubric, "recherche/?q=" + encodeURIComponent("حديقة")]) {
      assert.equal((await fetch(edition.url + path)).status, 200, "the edition serves " + (path || "/"));
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        assert.deepEqual(await violations(edition.url + path, viewport), [], `Arabic edition, ${path || "/"} at ${viewport.width}px`);
      }
    }
  } finally {
    await edition.stop();
    cleanup(ar);
  }
});
