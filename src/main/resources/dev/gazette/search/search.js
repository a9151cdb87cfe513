// The search page's script: answers the form from the static index under index/ (see
// dev.gazette.search.SearchIndex), downloading only meta.json, the shards of the query's terms and
// filters, and the metadata chunks of the results it shows. No framework, no third-party code.
import { analyzer, words, primary } from "./analyzer.js";

const PAGE = 10;
/**
 * News readers expect recent articles first among equally good ones: a score gains up to 15% for
 * an article of the archive's newest day, half as much a week older, and so on.
 */
const RECENCY = 0.15;
const RECENCY_HALF_LIFE_DAYS = 7;

// Outside a page (Node, for tests and benches) only the exports are used.
const form = typeof document === "undefined" ? null : document.getElementById("search-form");
if (form) start(form);

async function start(form) {
  const $ = (id) => document.getElementById(id);
  const input = $("search-q");
  const rubric = $("search-rubric");
  const tag = $("search-tag");
  const year = $("search-year");
  const sort = $("search-sort");
  const status = $("search-status");
  const list = $("search-results");
  const more = $("search-more");
  const index = new URL(form.dataset.index, location.href);
  const root = new URL(form.dataset.root || "./", location.href);
  const text = (name, values = {}) => (status.dataset[name] || "").replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

  // The page works without this script (it explains and links to the archive); with it, the form.
  for (const el of document.querySelectorAll("[data-without-script]")) el.hidden = true;
  for (const el of document.querySelectorAll("[data-with-script]")) el.hidden = false;

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const [el, name] of [[rubric, "rubric"], [year, "year"], [sort, "sort"]]) {
    const v = params.get(name);
    if (v && [...el.options].some((o) => o.value === v)) el.value = v;
  }
  const wantedTag = params.get("tag") || "";
  if (wantedTag) setTags([[wantedTag, wantedTag]], wantedTag);

  let meta;
  try {
    meta = await (await fetch(new URL("meta.json", index))).json();
    if (meta.format !== 1) throw new Error("index format " + meta.format);
  } catch (e) {
    status.textContent = text("error");
    return;
  }
  const analyzers = [meta.language, ...Object.keys(meta.analysis).filter((l) => l !== meta.language)]
    .map((l) => analyzer(l, meta.analysis[l]));
  const shards = new Map();
  const chunks = new Map();

  function shard(term) {
    const n = hash(term) % meta.shards;
    if (!shards.has(n)) {
      shards.set(n, fetch(new URL("s/" + n.toString(36) + ".bin", index)).then((r) => {
        if (!r.ok) throw new Error(r.status);
        return r.arrayBuffer();
      }).then((b) => parseShard(new Uint8Array(b))));
    }
    return shards.get(n).then((s) => s.postings(term));
  }

  function chunk(key) {
    const n = Math.floor(key / 2 ** meta.chunkBits);
    if (!chunks.has(n)) {
      chunks.set(n, fetch(new URL("m/" + n.toString(36) + ".json", index)).then((r) => r.json()).then((j) => {
        const byKey = new Map();
        for (const d of j.docs) byKey.set(d.k, d);
        return byKey;
      }));
    }
    return chunks.get(n).then((m) => m.get(key));
  }

  /** The query's words, each with its terms in the index's languages (the site's first). */
  function groups(q) {
    const out = [];
    const seen = new Set();
    for (const w of words(q)) {
      const terms = [...new Set(analyzers.map((a) => a.term(w.word)).filter((t) => t !== null))];
      const id = terms.join(" ");
      if (terms.length > 0 && !seen.has(id)) {
        seen.add(id);
        out.push(terms);
      }
    }
    return out;
  }

  let run = 0;
  let ranked = [];
  let shown = 0;
  let queryTerms = new Set();

  async function search(started) {
    const mine = ++run;
    const q = input.value.trim();
    const wanted = groups(q);
    syncAddress();
    const filters = [];
    if (rubric.value) filters.push(shard("#r:" + rubric.value));
    if (tag.value) filters.push(shard("#t:" + tag.value));
    if (wanted.length === 0 && filters.length === 0 && !year.value) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = q ? text("none", { q }) : "";
      ranked = [];
      return;
    }
    let postings;
    let filterSets;
    try {
      postings = await Promise.all(wanted.map((g) => Promise.all(g.map(shard))));
      filterSets = (await Promise.all(filters)).map((p) => new Set(p.keys));
    } catch (e) {
      if (mine === run) status.textContent = text("error");
      return;
    }
    if (mine !== run) return;
    const [from, to] = year.value ? yearRange(Number(year.value)) : [0, Infinity];
    const keep = (k) => k >= from && k < to && filterSets.every((s) => s.has(k));
    const scores = new Map();
    if (wanted.length === 0) {
      // Filters alone: their articles, newest first.
      const base = filterSets.length > 0 ? [...filterSets[0]] : [];
      for (const k of base) if (keep(k)) scores.set(k, { matched: 0, score: 0 });
      if (filterSets.length === 0 && year.value) {
        status.textContent = text("needQuery");
        list.replaceChildren();
        more.hidden = true;
        return;
      }
    }
    const fresh = (k) => 1 + RECENCY * 0.5 ** ((meta.newestDay - Math.floor(k / meta.slots)) / RECENCY_HALF_LIFE_DAYS);
    postings.forEach((group) => {
      const best = new Map();
      for (const p of group) {
        const idf = Math.log(1 + (meta.docs - p.keys.length + 0.5) / (p.keys.length + 0.5));
        for (let i = 0; i < p.keys.length; i++) {
          const k = p.keys[i];
          if (!keep(k)) continue;
          const s = idf * p.weights[i] / 255 * fresh(k);
          if (s > (best.get(k) || 0)) best.set(k, s);
        }
      }
      for (const [k, s] of best) {
        const e = scores.get(k) || { matched: 0, score: 0 };
        e.matched++;
        e.score += s;
        scores.set(k, e);
      }
    });
    const byDate = sort.value === "date" || wanted.length === 0;
    ranked = [...scores].sort(byDate ? (a, b) => b[0] - a[0]
      : (a, b) => b[1].matched - a[1].matched || b[1].score - a[1].score || b[0] - a[0]).map(([k]) => k);
    queryTerms = new Set(wanted.flat());
    shown = 0;
    list.replaceChildren();
    await showMore(mine, q);
    if (mine === run && started !== undefined) list.dataset.ms = String(Math.round(performance.now() - started));
  }

  async function showMore(mine, q) {
    const keys = ranked.slice(shown, shown + PAGE);
    let docs;
    try {
      docs = await Promise.all(keys.map(chunk));
    } catch (e) {
      if (mine === run) status.textContent = text("error");
      return;
    }
    if (mine !== run) return;
    const first = shown;
    for (const d of docs) if (d) list.append(result(d));
    shown += keys.length;
    more.hidden = shown >= ranked.length;
    const n = ranked.length;
    status.textContent = n === 0 ? text("none", { q }) : text(n === 1 ? "one" : "many", { n: n.toLocaleString(document.documentElement.lang), q });
    if (first === 0) offerTags(docs.filter(Boolean));
    return first;
  }

  /** The writing direction of a language, as the theme's layout.dirOf gives it. */
  function dirOf(lang) {
    // The theme's list of languages written right to left (layout.rtlLanguages), on the form.
    const rtl = (form?.dataset.rtl || "").split(" ");
    return rtl.includes(String(lang).toLowerCase().split(/[-_]/)[0]) ? "rtl" : "ltr";
  }

  /** Marks `el` as written in `lang`, with its direction when it differs from the text around it. */
  function langDir(el, lang, around) {
    el.lang = lang;
    if (dirOf(lang) !== dirOf(around)) el.dir = dirOf(lang);
  }

  function result(d) {
    const li = document.createElement("li");
    li.className = "search-result";
    const site = document.documentElement.lang;
    if (d.lang) langDir(li, d.lang, site);
    if (d.r) {
      const kicker = document.createElement("p");
      kicker.className = "kicker";
      kicker.textContent = d.r[1];
      if (d.lang) langDir(kicker, site, d.lang);
      li.append(kicker);
    }
    const h = document.createElement("h2");
    h.className = "card-title";
    const a = document.createElement("a");
    a.href = new URL(d.u, root).href;
    marked(a, d.t);
    h.append(a);
    li.append(h);
    if (d.s) {
      const p = document.createElement("p");
      p.className = "search-snippet";
      marked(p, d.s);
      li.append(p);
    }
    const m = document.createElement("p");
    m.className = "card-meta";
    if (d.lang) langDir(m, site, d.lang);
    const time = document.createElement("time");
    time.dateTime = d.d;
    time.textContent = d.l;
    m.append(time);
    li.append(m);
    return li;
  }

  /** `text` into `el`, the words whose terms the query holds in <mark>; text only, never markup. */
  function marked(el, text) {
    let at = 0;
    for (const w of words(text)) {
      if (analyzers.some((a) => queryTerms.has(a.term(w.word)))) {
        if (w.index > at) el.append(text.slice(at, w.index));
        const mark = document.createElement("mark");
        mark.textContent = w.word;
        el.append(mark);
        at = w.index + w.word.length;
      }
    }
    if (at < text.length) el.append(text.slice(at));
  }

  /** The tag filter offers the tags of the first results (and keeps the one chosen). */
  function offerTags(docs) {
    const counts = new Map();
    for (const d of docs) for (const [slug, name] of d.g) counts.set(slug, [name, (counts.get(slug)?.[1] || 0) + 1]);
    const chosen = tag.value;
    const entries = [...counts].sort((a, b) => b[1][1] - a[1][1] || a[1][0].localeCompare(b[1][0])).map(([slug, [name]]) => [slug, name]);
    if (chosen && !counts.has(chosen)) {
      const old = [...tag.options].find((o) => o.value === chosen);
      entries.unshift([chosen, old ? old.textContent : chosen]);
    }
    setTags(entries, chosen);
  }

  function setTags(entries, chosen) {
    const all = tag.options[0];
    tag.replaceChildren(all);
    for (const [slug, name] of entries) tag.append(new Option(name, slug, false, slug === chosen));
  }

  function syncAddress() {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value.trim());
    for (const [el, name] of [[rubric, "rubric"], [tag, "tag"], [year, "year"], [sort, "sort"]]) if (el.value) p.set(name, el.value);
    const s = p.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  /** Keys of a year's articles: day numbers count from meta.firstDay (1800-01-01) in the site's time zone. */
  function yearRange(y) {
    const day0 = Date.UTC(1800, 0, 1);
    const first = (yy) => Math.max(0, Math.round((Date.UTC(yy, 0, 1) - day0) / 86400000)) * meta.slots;
    return [first(y), first(y + 1)];
  }

  input.addEventListener("input", () => search(performance.now()));
  for (const el of [rubric, tag, year, sort]) el.addEventListener("change", () => search(performance.now()));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    search(performance.now());
  });
  more.addEventListener("click", async () => {
    const before = shown;
    await showMore(run, input.value.trim());
    // Keyboard users land on the first new result, not back at the top.
    list.children[before]?.querySelector("a")?.focus();
  });
  search();
}

/** FNV-1a over UTF-8, as DocKeys.hash in Java; unsigned. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A shard: its terms, and each term's postings decoded when asked for. */
export function parseShard(bytes) {
  let at = 0;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
  };
  const decoder = new TextDecoder();
  const terms = new Map();
  const count = varint();
  for (let t = 0; t < count; t++) {
    const len = varint();
    const term = decoder.decode(bytes.subarray(at, at + len));
    at += len;
    const n = varint();
    const start = at;
    for (let i = 0; i < n; i++) {
      varint();
      at++;
    }
    terms.set(term, [start, n]);
  }
  const empty = { keys: [], weights: [] };
  return {
    postings(term) {
      const entry = terms.get(term);
      if (!entry) return empty;
      at = entry[0];
      const keys = new Array(entry[1]);
      const weights = new Uint8Array(entry[1]);
      let key = 0;
      for (let i = 0; i < entry[1]; i++) {
        key += varint();
        keys[i] = key;
        weights[i] = bytes[at++];
      }
      return { keys, weights };
    },
  };
}

export { primary };
