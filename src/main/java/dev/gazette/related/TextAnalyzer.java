package dev.gazette.related;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
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
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns text into index terms with Lucene's analyzers, chosen by language: words split by the
 * Unicode rules, lower-cased, stop words dropped, light stemming (so "diplomatique" and
 * "diplomatie" meet), accents folded. French and English get analyzers of our own assembly (the
 * stock ones keep accents, which writers and importers apply unevenly); Arabic, German, Spanish,
 * Italian, Portuguese and Dutch get Lucene's; any other language is split and lower-cased only.
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

    /** French: elisions (l', d', qu'…) removed, stop words, light stemming, accents folded. */
    private static final class French extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, FrenchAnalyzer.getDefaultStopSet());
            if (!"0".equals(System.getProperty("rt.newsstop", "1"))) s = new StopFilter(s, FRENCH_NEWS_STOP_WORDS);
            String st = System.getProperty("rt.frstem", "light");
            s = st.equals("light") ? new FrenchLightStemFilter(s) : st.equals("minimal") ? new org.apache.lucene.analysis.fr.FrenchMinimalStemFilter(s)
                : st.equals("none") ? s : new SnowballFilter(s, new org.tartarus.snowball.ext.FrenchStemmer());
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
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
            s = new StopFilter(s, ENGLISH_STOP_WORDS);
            if (!"0".equals(System.getProperty("rt.newsstop", "1"))) s = new StopFilter(s, ENGLISH_NEWS_STOP_WORDS);
            String st = System.getProperty("rt.enstem", "porter");
            s = st.equals("porter") ? new PorterStemFilter(s) : st.equals("kstem") ? new org.apache.lucene.analysis.en.KStemFilter(s)
                : st.equals("none") ? s : new SnowballFilter(s, new org.tartarus.snowball.ext.EnglishStemmer());
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    }
}
