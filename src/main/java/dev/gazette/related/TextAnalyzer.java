package dev.gazette.related;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns text into index terms with Lucene's analyzers, chosen by language: words split by the
 * Unicode rules, lower-cased, stop words dropped (with news copy's own: days, months, reporting
 * verbs), accents folded; French reduces inflections only (so "russe", "russes" and "Russes"
 * meet, and "ruse" stays apart: the light stemmer's derivations made more false friends than they
 * found), English is Porter-stemmed. French and English get analyzers of our own assembly (the
 * stock ones keep accents, which writers and importers apply unevenly); Arabic, German, Spanish,
 * Italian, Portuguese and Dutch get Lucene's; any other language is split and lower-cased only.
 * Multi-word names ({@link #names}), the title's kicker ({@link #kicker}) and the words as
 * written ({@link #surfaceForms}) come from here too.
 *
 * <p>Thread-safe: Lucene analyzers keep one token stream per thread.
 */
public final class TextAnalyzer {

    /** Receives each term of a text. */
    @FunctionalInterface
    public interface TermSink {
        void term(CharSequence term);
    }

    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

    /** Calls {@code sink} with every term of {@code text}, analyzed for {@code language} (BCP 47). */
    public void analyze(String text, String language, TermSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Analyzer analyzer = byLanguage.computeIfAbsent(primary(language), TextAnalyzer::create);
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (isWord(term)) {
                    sink.term(term);
                }
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String: there is no I/O to fail.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words as written behind each term of {@code texts}: for each term (a stem, or a name),
     * its most frequent surface form ("russe" for the stem "rus", "Nasser Bourita" for "nasser
     * bourita"), ties to the form met first. For showing terms to people, never for ranking.
     */
    public Map<String, String> surfaceForms(String language, String... texts) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        Analyzer analyzer = byLanguage.computeIfAbsent(primary(language), TextAnalyzer::create);
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            try (TokenStream stream = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    if (isWord(term)) {
                        String form = bare(text.substring(offset.startOffset(), offset.endOffset()));
                        firstSeen.putIfAbsent(form, firstSeen.size());
                        counts.computeIfAbsent(term.toString(), k -> new HashMap<>()).merge(form, 1, Integer::sum);
                    }
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names(text, language, name -> {
                // The name as written: its words' first occurrence in the text, case and accents kept.
                String written = written(text, name.toString());
                firstSeen.putIfAbsent(written, firstSeen.size());
                counts.computeIfAbsent(name.toString(), k -> new HashMap<>()).merge(written, 1, Integer::sum);
            });
        }
        for (String text : texts) {
            String label = kickerLabel(text);
            if (label != null) {
                // Only a title has a kicker; another text that opens like one adds a form no term asks for.
                String written = label + (primary(language).equals("fr") ? " :" : ":");
                firstSeen.putIfAbsent(written, firstSeen.size());
                counts.computeIfAbsent(kickerTerm(label), x -> new HashMap<>()).merge(written, 1, Integer::sum);
            }
        }
        Map<String, String> forms = new HashMap<>();
        counts.forEach((term, byForm) -> forms.put(term, byForm.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> -firstSeen.get(e.getKey())))
                .orElseThrow().getKey()));
        return forms;
    }

    /**
     * The stop words {@link #analyze} drops for {@code language}, sorted: Lucene's and news copy's
     * own. For analysers outside Java (the search page's) that must drop the same words.
     */
    public static List<String> stopWords(String language) {
        return words(stopSet(primary(language)));
    }

    /** The stop words of a primary language subtag, as its analyzer drops them; none for the others. */
    private static CharArraySet stopSet(String lang) {
        return switch (lang) {
            case "fr" -> FRENCH_STOPS;
            case "en" -> ENGLISH_STOPS;
            case "ar" -> ArabicAnalyzer.getDefaultStopSet();
            default -> CharArraySet.EMPTY_SET;
        };
    }

    /** The elided articles {@link #analyze} removes before an apostrophe for {@code language} ("l", "qu"…), sorted. */
    public static List<String> elisions(String language) {
        return primary(language).equals("fr") ? words(FrenchAnalyzer.DEFAULT_ARTICLES) : List.of();
    }

    private static List<String> words(CharArraySet... sets) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (CharArraySet set : sets) {
            for (Object o : set) {
                out.add(o instanceof char[] c ? new String(c) : o.toString());
            }
        }
        return List.copyOf(out);
    }

    /** A token as written, without an elided article before it ("l'économie") or a possessive after it ("Rabat's"). */
    private static String bare(String token) {
        String t = token.replace('’', '\'');
        int apostrophe = t.indexOf('\'');
        if (apostrophe > 0 && apostrophe <= 6 && apostrophe < t.length() - 1
                && FrenchAnalyzer.DEFAULT_ARTICLES.contains(t.substring(0, apostrophe).toLowerCase(Locale.ROOT))) {
            return token.substring(apostrophe + 1);
        }
        if (t.toLowerCase(Locale.ROOT).endsWith("'s")) {
            return token.substring(0, token.length() - 2);
        }
        return token;
    }

    /** Where a folded name occurs in {@code text}, the words as written there; else the name itself. */
    private static String written(String text, String folded) {
        String key = fold(text);
        int at = key.indexOf(folded);
        // Folding keeps the length of letters written precomposed, which news text is.
        return at >= 0 && key.length() == text.length() ? text.substring(at, at + folded.length()) : folded;
    }

    /** Lower case, accents removed, typographic apostrophes made straight. */
    private static String fold(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('’', '\'');
    }

    /**
     * Whether {@code term} (of an analysis) is a single word, as a query's words are: not a
     * multi-word name (they hold a space) nor a kicker (it starts with {@link #KICKER_MARK}).
     */
    public static boolean isWordTerm(String term) {
        return term.indexOf(' ') < 0 && !term.startsWith(KICKER_MARK);
    }

    /** What a kicker's term starts with: no analyzed word holds it, so a kicker never meets a word. */
    public static final String KICKER_MARK = "§";
    /** A kicker has at most this many words: a longer head is a sentence, not a label. */
    static final int KICKER_WORDS = 5;

    /**
     * Calls {@code sink} with the kicker of {@code title}, if it has one: the short label before
     * its colon that news titles open with ("Égypte : Mohamed Morsi élu président", "Vendée
     * Globe : déjà un abandon", "Brexit: …"), the newsroom's own word for the story's subject or
     * place. It becomes one term, {@link #KICKER_MARK} then the label lower-cased, accents folded,
     * words joined by one space, so that it meets only the same kicker. A colon inside a word or
     * a number ("10:30") is not one; nor is a head of more than {@link #KICKER_WORDS} words.
     */
    public static void kicker(String title, TermSink sink) {
        String label = kickerLabel(title);
        if (label != null) {
            sink.term(kickerTerm(label));
        }
    }

    /** The term of a kicker as written ({@link #kickerLabel}). */
    private static String kickerTerm(String label) {
        return KICKER_MARK + String.join(" ", fold(label).split("\\s+"));
    }

    /** The kicker of {@code title} as written (see {@link #kicker}), or {@code null}. */
    static String kickerLabel(String title) {
        if (title == null) {
            return null;
        }
        int colon = title.indexOf(':');
        if (colon <= 0 || colon + 1 >= title.length() || !Character.isWhitespace(title.charAt(colon + 1))
                && !Character.isSpaceChar(title.charAt(colon + 1))) {
            return null;
        }
        String label = title.substring(0, colon).strip();
        // French sets a no-break space before the colon; strip() keeps U+00A0 and U+202F.
        while (!label.isEmpty() && Character.isSpaceChar(label.charAt(label.length() - 1))) {
            label = label.substring(0, label.length() - 1);
        }
        if (label.isEmpty() || label.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        String[] words = label.split("[\\s\\u00a0\\u202f]+");
        return words.length <= KICKER_WORDS ? String.join(" ", words) : null;
    }

    /**
     * Calls {@code sink} with the multi-word proper names of {@code text}: runs of two or more
     * capitalised words ("Nasser Bourita", "Conseil de sécurité", "Bank of England"), joined
     * inside by the language's small connecting words, stop words trimmed from their ends (a
     * sentence's capitalised first word is often one). Each name is lower-cased, accents folded,
     * its words joined by one space: no single term holds a space, so a name never meets a word.
     */
    public void names(String text, String language, TermSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lang = primary(language);
        String[] connectors = lang.equals("en") ? EN_CONNECTORS : lang.equals("fr") ? FR_CONNECTORS : new String[0];
        CharArraySet stops = stopSet(lang);
        List<String> run = new ArrayList<>();
        // A hand-made scanner, not a regular expression: it runs over every body, and makes
        // strings only of capitalised words and connectors. It reads a copy of the characters:
        // String.charAt checks its index in a call of its own under the quick compiler.
        char[] chars = text.toCharArray();
        int n = chars.length;
        int end = -1;
        int at = 0;
        while (true) {
            int start = at;
            while (start < n && !Character.isLetter(chars[start])) {
                start++;
            }
            boolean found = start < n;
            int stop = found ? wordEnd(chars, start) : n;
            boolean joined = found && end >= 0 && onlySpaces(chars, end, start);
            int first = start;
            String elided = null;
            if (found && stop - start > 2 && isApostrophe(chars[start + 1]) && Character.isUpperCase(chars[start + 2])) {
                elided = Character.toLowerCase(chars[start]) + "'"; // d'Angleterre: "d'" joins, "Angleterre" is the word
                first = start + 2;
            }
            boolean capital = found && Character.isUpperCase(chars[first]);
            String w = null;
            boolean connector = false;
            if (found && !capital && joined && !run.isEmpty() && stop - first <= 3) {
                w = connector(connectors, chars, first, stop);
                connector = w != null;
            }
            if (found && joined && (capital || connector)) {
                if (elided != null && connector(connectors, elided.toCharArray(), 0, elided.length()) != null) {
                    run.add(elided);
                }
                run.add(capital ? text.substring(first, stop) : w);
            } else {
                emitName(run, stops, sink);
                run.clear();
                if (found && capital) {
                    run.add(text.substring(first, stop));
                }
            }
            if (!found) {
                break;
            }
            end = stop;
            at = stop;
        }
    }

    /** The end of the word starting at {@code start}: letters, with inner apostrophes or hyphens ("Jean-Marc", "O'Neill"). */
    private static int wordEnd(char[] text, int start) {
        int i = start;
        int n = text.length;
        while (i < n) {
            char c = text[i];
            if (Character.isLetter(c)) {
                i++;
            } else if ((isApostrophe(c) || c == '-') && i + 1 < n && Character.isLetter(text[i + 1])) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static boolean onlySpaces(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isSpaceChar(text[i]) && text[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static void emitName(List<String> run, CharArraySet stops, TermSink sink) {
        // A name has two capitalised words at least, and trimming only takes words away: most runs
        // are one word (a sentence's first), and end here without a stop-word lookup.
        int capitals = 0;
        for (int i = 0; i < run.size() && capitals < 2; i++) {
            capitals += Character.isUpperCase(run.get(i).codePointAt(0)) ? 1 : 0;
        }
        if (capitals < 2) {
            return;
        }
        int from = 0;
        int to = run.size();
        while (from < to && (stops.contains(run.get(from).toLowerCase(Locale.ROOT)) || !Character.isUpperCase(run.get(from).codePointAt(0)))) {
            from++;
        }
        while (to > from && (stops.contains(run.get(to - 1).toLowerCase(Locale.ROOT)) || !Character.isUpperCase(run.get(to - 1).codePointAt(0)))) {
            to--;
        }
        int words = 0;
        for (int i = from; i < to; i++) {
            words += Character.isUpperCase(run.get(i).codePointAt(0)) ? 1 : 0;
        }
        if (words < 2) {
            return;
        }
        StringBuilder name = new StringBuilder();
        for (int i = from; i < to; i++) {
            name.append(i == from || run.get(i - 1).endsWith("'") ? "" : " ").append(run.get(i));
        }
        sink.term(fold(name.toString()));
    }

    private static final String[] FR_CONNECTORS = {"de", "du", "des", "la", "le", "les", "d'", "l'"};
    private static final String[] EN_CONNECTORS = {"of", "the", "for", "de"};

    /**
     * The connector that {@code text[from, to)} is, lower-cased, or {@code null}. Compared in
     * place, character by character lower-cased: the scanner asks this of nearly every short
     * word after a capitalised one, and a substring made each time was a tenth of its cost.
     */
    private static String connector(String[] connectors, char[] text, int from, int to) {
        for (String c : connectors) {
            if (c.length() == to - from) {
                int i = 0;
                while (i < c.length() && Character.toLowerCase(text[from + i]) == c.charAt(i)) {
                    i++;
                }
                if (i == c.length()) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Whether a term can tell articles apart: two characters at least, and a letter in it. Bare
     * numbers (years, scores, amounts) appear in every kind of story.
     */
    private static boolean isWord(CharTermAttribute term) {
        if (term.length() < 2) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetter(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String primary(String language) {
        if (language == null || language.isBlank()) {
            return "";
        }
        if (language.length() == 2 && language.charAt(0) >= 'a' && language.charAt(0) <= 'z'
                && language.charAt(1) >= 'a' && language.charAt(1) <= 'z') {
            return language; // "fr", as a site names it: asked for each text, so no copy is made
        }
        String l = language.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        return dash < 0 ? l : l.substring(0, dash);
    }

    private static Analyzer create(String language) {
        return switch (language) {
            case "fr" -> new French();
            case "en" -> new English();
            case "ar" -> new ArabicAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new DutchAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /**
     * Lucene's ASCII folding ({@link ASCIIFoldingFilter}), its output the same, with the letters
     * news copy holds most (Latin-1 and Latin Extended-A and -B: é, è, ç, œ…) looked up in a
     * table made from Lucene's own folding at start-up. Lucene's long switch per accented
     * character was a fifth of the related step's analysis at 100,000 articles.
     */
    static final class AsciiFolding extends TokenFilter {
        private static final int TABLE_END = 0x0250;
        private static final char[][] TABLE = new char[TABLE_END][];

        static {
            char[] out = new char[8];
            for (int c = 0x80; c < TABLE_END; c++) {
                int n = ASCIIFoldingFilter.foldToASCII(new char[] {(char) c}, 0, out, 0, 1);
                TABLE[c] = java.util.Arrays.copyOf(out, n);
            }
        }

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] output = new char[64];

        AsciiFolding(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            int length = term.length();
            int first = 0;
            while (first < length && buffer[first] < 0x80) {
                first++;
            }
            if (first == length) {
                return true;
            }
            // Lucene's own bound: one character folds to at most four.
            if (output.length < 4 * length) {
                output = new char[Math.max(2 * output.length, 4 * length)];
            }
            System.arraycopy(buffer, 0, output, 0, first);
            int at = first;
            for (int i = first; i < length; i++) {
                char c = buffer[i];
                if (c < 0x80) {
                    output[at++] = c;
                } else if (c < TABLE_END) {
                    char[] folded = TABLE[c];
                    System.arraycopy(folded, 0, output, at, folded.length);
                    at += folded.length;
                } else {
                    at = ASCIIFoldingFilter.foldToASCII(buffer, i, output, at, 1);
                }
            }
            term.copyBuffer(output, 0, at);
            return true;
        }
    }

    /** French: elisions (l', d', qu'…) removed, stop words, plurals and feminines reduced, accents folded. */
    private static final class French extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, FRENCH_STOPS);
            s = new FrenchPluralFilter(s);
            s = new FrenchMinimalStemFilter(s);
            s = new AsciiFolding(s);
            return new TokenStreamComponents(source, s);
        }
    }

    /**
     * Drops the plural's final -s or -x of words of five letters or more ("russes", "journaux"
     * become "russe", "journau"), before {@link FrenchMinimalStemFilter}, which leaves words under
     * six letters alone: without this, "russe" and "russes" would be two terms.
     */
    private static final class FrenchPluralFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FrenchPluralFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int n = term.length();
            if (n >= 5) {
                char last = term.charAt(n - 1);
                char before = term.charAt(n - 2);
                if ((last == 's' || last == 'x') && before != 's' && Character.isLetter(before)) {
                    term.setLength(n - 1);
                }
            }
            return true;
        }
    }

    /**
     * The Snowball project's English stop words (about 170, with the forms of "be" and "have"):
     * Lucene's default English set has 33, which leaves "were" or "their" to look like topics.
     */
    private static final CharArraySet ENGLISH_STOP_WORDS = snowballStopWords("english_stop.txt");

    /** News copy's own words that say nothing of a subject (days, months, reporting verbs...): see the files. */
    private static final CharArraySet FRENCH_NEWS_STOP_WORDS = newsStopWords("news-stop-fr.txt");
    private static final CharArraySet ENGLISH_NEWS_STOP_WORDS = newsStopWords("news-stop-en.txt");

    /** Each language's stop words in one set: one lookup per token instead of two. */
    private static final CharArraySet FRENCH_STOPS = union(FrenchAnalyzer.getDefaultStopSet(), FRENCH_NEWS_STOP_WORDS);
    private static final CharArraySet ENGLISH_STOPS = union(ENGLISH_STOP_WORDS, ENGLISH_NEWS_STOP_WORDS);

    private static CharArraySet union(CharArraySet a, CharArraySet b) {
        // Sized at an eighth full, not Lucene's four fifths: nearly every token is looked up and is
        // not a stop word, and a miss probes until an empty slot. At four fifths the lookups were
        // a sixth of the analysis at 100,000 articles; an eighth halves each lookup's time.
        CharArraySet all = new CharArraySet(8 * (a.size() + b.size()), false);
        all.addAll(a);
        all.addAll(b);
        return CharArraySet.unmodifiableSet(all);
    }

    private static CharArraySet newsStopWords(String name) {
        try (Reader in = IOUtils.getDecodingReader(TextAnalyzer.class, name, StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(in, "#", new CharArraySet(256, false)));
        } catch (IOException e) {
            throw new UncheckedIOException("the resource " + name + " is missing from the class path", e);
        }
    }

    private static CharArraySet snowballStopWords(String name) {
        try (Reader in = IOUtils.getDecodingReader(SnowballFilter.class, name, StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's " + name + " is missing from the class path", e);
        }
    }

    /** English: possessives removed, stop words, Porter stemming, accents folded. */
    private static final class English extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, ENGLISH_STOPS);
            s = new PorterStemFilter(s);
            s = new AsciiFolding(s);
            return new TokenStreamComponents(source, s);
        }
    }
}
