package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analyzer's table-driven folding writes what Lucene's ASCIIFoldingFilter writes, character for character. */
class AsciiFoldingTest {

    private static String fold(String text, boolean lucene) throws IOException {
        Tokenizer source = new KeywordTokenizer();
        source.setReader(new StringReader(text));
        try (TokenStream s = lucene ? new ASCIIFoldingFilter(source) : new TextAnalyzer.AsciiFolding(source)) {
            CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
            s.reset();
            StringBuilder out = new StringBuilder();
            while (s.incrementToken()) {
                out.append(term).append('|');
            }
            s.end();
            return out.toString();
        }
    }

    @Test
    void everyCharacterFoldsAsLuceneFoldsIt() throws IOException {
        for (int c = 1; c <= 0xFFFF; c++) {
            String one = "a" + (char) c + "b";
            assertEquals(fold(one, true), fold(one, false), () -> "U+" + Integer.toHexString(0x10000 | one.charAt(1)).substring(1));
        }
    }

    @Test
    void seededMixedWordsFoldAsLuceneFoldsThem() throws IOException {
        SplittableRandom random = new SplittableRandom(20261201);
        String alphabet = "aeiouéèêëàâçœæßøåîïôûüÿñÉÈÇŒﬁﬂ’ʼ–ǆǈǲ" + "\u0301\u0327" + "ΩЖא中";
        for (int n = 0; n < 2000; n++) {
            StringBuilder word = new StringBuilder();
            for (int i = random.nextInt(1, 40); i > 0; i--) {
                word.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x20, 0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String w = word.toString();
            assertEquals(fold(w, true), fold(w, false), w);
        }
    }
}
