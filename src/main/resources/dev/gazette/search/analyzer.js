// The build's text analysis (dev.gazette.related.TextAnalyzer, Lucene's filters) redone in the
// browser, so that a query's words become the terms the index holds. Words are split by the
// Unicode rules (UAX #29, which Lucene's StandardTokenizer follows and Intl.Segmenter implements);
// then, as in Java and in the same order: French elisions, lower case, stop words, French plural and
// minimal stemming or English possessives and Porter stemming, accents folded. The stop words and
// elided articles come from the build (meta.json), never from a second list kept here.
// A test (AnalyzerParityTest) runs a word list through both and compares the terms.

const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });
const LETTER = /\p{L}/u;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * An analyzer for `language` ("fr", "en", "ar", anything else: split and lower-cased only), with the
 * build's `data` for it: { stop: [...], elisions: [...] }.
 */
export function analyzer(language, data = {}) {
  const lang = primary(language);
  const stop = new Set(data.stop || []);
  const elisions = new Set(data.elisions || []);
  const chain = lang === "fr" ? (t) => french(t, stop, elisions) : lang === "en" ? (t) => english(t, stop)
    : lang === "ar" ? (t) => arabic(t, stop) : (t) => t.toLowerCase();
  /** The term of one word as segmented, or null when the analysis drops it. */
  function term(word) {
    const t = chain(word);
    return t !== null && isWord(t) ? t : null;
  }
  return {
    term,
    /** Every term of `text`, in order. */
    terms(text) {
      const out = [];
      for (const w of words(text)) {
        const t = term(w.word);
        if (t !== null) out.push(t);
      }
      return out;
    },
  };
}

/** The words of `text` as the build's tokenizer splits it: [{ word, index }]. */
export function words(text) {
  const out = [];
  for (const s of WORDS.segment(text)) {
    if (s.isWordLike) out.push({ word: s.segment, index: s.index });
  }
  return out;
}

export function primary(language) {
  const l = (language || "").toLowerCase();
  const dash = l.indexOf("-");
  return dash < 0 ? l : l.slice(0, dash);
}

/** TextAnalyzer.isWord: two characters at least, one of them a letter. */
function isWord(t) {
  return t.length >= 2 && LETTER.test(t);
}

function french(token, stop, elisions) {
  let t = token;
  // ElisionFilter: the text before the first apostrophe, when it is an elided article.
  const apostrophe = t.search(/['\u2019]/);
  if (apostrophe >= 0 && elisions.has(t.slice(0, apostrophe).toLowerCase())) t = t.slice(apostrophe + 1);
  t = t.toLowerCase();
  if (stop.has(t)) return null;
  t = frenchPlural(t);
  t = frenchMinimalStem(t);
  return fold(t);
}

/** TextAnalyzer.FrenchPluralFilter: a final -s or -x off words of five letters or more. */
function frenchPlural(t) {
  const n = t.length;
  if (n >= 5) {
    const last = t[n - 1];
    const before = t[n - 2];
    if ((last === "s" || last === "x") && before !== "s" && LETTER.test(before)) return t.slice(0, n - 1);
  }
  return t;
}

/** Lucene's FrenchMinimalStemmer. */
function frenchMinimalStem(t) {
  let len = t.length;
  if (len < 6) return t;
  if (t[len - 1] === "x") {
    if (t[len - 3] === "a" && t[len - 2] === "u") return t.slice(0, len - 2) + "l";
    return t.slice(0, len - 1);
  }
  if (t[len - 1] === "s") len--;
  if (t[len - 1] === "r") len--;
  if (t[len - 1] === "e") len--;
  if (t[len - 1] === "é") len--;
  if (t[len - 1] === t[len - 2] && LETTER.test(t[len - 1])) len--;
  return t.slice(0, len);
}

function english(token, stop) {
  let t = token;
  // EnglishPossessiveFilter
  if (t.length >= 2 && /['\u2019\uff07][sS]$/.test(t)) t = t.slice(0, -2);
  t = t.toLowerCase();
  if (stop.has(t)) return null;
  return fold(porter(t));
}

/**
 * Lucene's ArabicAnalyzer after the tokenizer: lower case, decimal digits of every script made
 * ASCII (DecimalDigitFilter), stop words (before normalization, as Lucene does: its list is not
 * normalized), ArabicNormalizer, then ArabicStemmer.
 */
function arabic(token, stop) {
  let t = decimalDigits(token.toLowerCase());
  if (stop.has(t)) return null;
  return arabicStem(arabicNormalize(t));
}

const DIGIT = /\p{Nd}/u;

/** DecimalDigitFilter: each decimal digit (Arabic-Indic ٣, Devanagari ३…) as its ASCII digit. */
function decimalDigits(t) {
  if (ASCII.test(t)) return t;
  let out = "";
  for (const ch of t) {
    const cp = ch.codePointAt(0);
    if (cp > 0x7f && DIGIT.test(ch)) {
      // Unicode lays each script's digits out as one run from zero to nine, runs back to back.
      let zero = cp;
      while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
      out += String((cp - zero) % 10);
    } else {
      out += ch;
    }
  }
  return out;
}

/** Lucene's ArabicNormalizer: alef with hamza or madda to alef, teh marbuta to heh, alef maksura to yeh, no tatweel or harakat. */
function arabicNormalize(t) {
  return t.replace(/[\u0622\u0623\u0625]/g, "\u0627").replace(/\u0649/g, "\u064a").replace(/\u0629/g, "\u0647")
    .replace(/[\u0640\u064b-\u0652]/g, "");
}

const AR_PREFIXES = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0648"];
const AR_SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062a", "\u0648\u0646", "\u064a\u0646", "\u064a\u0647", "\u064a\u0629",
  "\u0647", "\u0629", "\u064a"];

/** Lucene's ArabicStemmer: the first prefix that leaves enough of the word, then every suffix in turn that does. */
function arabicStem(t) {
  for (const p of AR_PREFIXES) {
    const enough = p.length === 1 ? t.length >= 4 : t.length >= p.length + 2;
    if (enough && t.startsWith(p)) {
      t = t.slice(p.length);
      break;
    }
  }
  for (const s of AR_SUFFIXES) {
    if (t.length >= s.length + 2 && t.endsWith(s)) t = t.slice(0, t.length - s.length);
  }
  return t;
}

// ASCIIFoldingFilter, for the letters news text has: compatibility decomposition without its
// marks when that gives ASCII, else the few letters that do not decompose.
const FOLDS = {
  "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
  "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i", "ĸ": "q", "ŀ": "l", "ŉ": "'n", "ſ": "s", "\u2018": "'", "\u2019": "'",
  "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "«": "\"", "»": "\"",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
};

export function fold(t) {
  if (ASCII.test(t)) return t;
  let out = "";
  for (const ch of t) {
    if (ASCII.test(ch)) {
      out += ch;
      continue;
    }
    const mapped = FOLDS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const bare = ch.normalize("NFKD").replace(/\p{M}+/gu, "");
    out += bare.length > 0 && ASCII.test(bare) ? bare : ch;
  }
  return out;
}

/** Lucene's PorterStemmer (Martin Porter's algorithm as he published it in Java). */
export function porter(word) {
  if (word.length <= 2) return word;
  const b = word.split("");
  let k = b.length - 1;
  let j = 0;
  const cons = (i) => {
    switch (b[i]) {
      case "a": case "e": case "i": case "o": case "u": return false;
      case "y": return i === 0 ? true : !cons(i - 1);
      default: return true;
    }
  };
  const m = () => {
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelInStem = () => {
    for (let i = 0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doubleC = (i) => i >= 1 && b[i] === b[i - 1] && cons(i);
  const cvc = (i) => {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const ch = b[i];
    return !(ch === "w" || ch === "x" || ch === "y");
  };
  const ends = (s) => {
    const l = s.length;
    const o = k - l + 1;
    if (o < 0) return false;
    for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
    j = k - l;
    return true;
  };
  const setTo = (s) => {
    const l = s.length;
    const o = j + 1;
    for (let i = 0; i < l; i++) b[o + i] = s[i];
    k = j + l;
  };
  const r = (s) => {
    if (m() > 0) setTo(s);
  };
  // step1: plurals, -ed, -ing
  if (b[k] === "s") {
    if (ends("sses")) k -= 2;
    else if (ends("ies")) setTo("i");
    else if (b[k - 1] !== "s") k--;
  }
  if (ends("eed")) {
    if (m() > 0) k--;
  } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
    k = j;
    if (ends("at")) setTo("ate");
    else if (ends("bl")) setTo("ble");
    else if (ends("iz")) setTo("ize");
    else if (doubleC(k)) {
      const ch = b[k];
      if (ch !== "l" && ch !== "s" && ch !== "z") k--;
    } else if (m() === 1 && cvc(k)) setTo("e");
  }
  // step2: a final y after a vowel in the stem becomes i
  if (ends("y") && vowelInStem()) b[k] = "i";
  // step3: double suffixes
  const step3 = {
    a: [["ational", "ate"], ["tional", "tion"]],
    c: [["enci", "ence"], ["anci", "ance"]],
    e: [["izer", "ize"]],
    l: [["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"]],
    o: [["ization", "ize"], ["ation", "ate"], ["ator", "ate"]],
    s: [["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"]],
    t: [["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]],
    g: [["logi", "log"]],
  };
  if (k !== 0) {
    for (const [suffix, to] of step3[b[k - 1]] || []) {
      if (ends(suffix)) {
        r(to);
        break;
      }
    }
  }
  // step4: -ic-, -full, -ness
  const step4 = {
    e: [["icate", "ic"], ["ative", ""], ["alize", "al"]],
    i: [["iciti", "ic"]],
    l: [["ical", "ic"], ["ful", ""]],
    s: [["ness", ""]],
  };
  for (const [suffix, to] of step4[b[k]] || []) {
    if (ends(suffix)) {
      r(to);
      break;
    }
  }
  // step5: -ant, -ence… when m() > 1
  step5: if (k !== 0) {
    const step5 = {
      a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"], n: ["ant", "ement", "ment", "ent"],
      s: ["ism"], t: ["ate", "iti"], u: ["ous"], v: ["ive"], z: ["ize"],
    };
    const c = b[k - 1];
    if (c === "o") {
      if (!((ends("ion") && j >= 0 && (b[j] === "s" || b[j] === "t")) || ends("ou"))) break step5;
    } else {
      const list = step5[c];
      if (!list || !list.some((s) => ends(s))) break step5;
    }
    if (m() > 1) k = j;
  }
  // step6: a final -e, -ll
  j = k;
  if (b[k] === "e") {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === "l" && doubleC(k) && m() > 1) k--;
  return b.slice(0, k + 1).join("");
}
