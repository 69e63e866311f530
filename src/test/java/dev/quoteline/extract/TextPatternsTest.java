package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextPatternsTest {
    private static boolean byRegex(String text, String word, boolean ignoreCase) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])",
                ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(text).find();
    }

    @Test
    void wholeWordSearchAnswersAsThePatternDid() {
        String[][] cases = {
                {"Senator Smith said", "Smith"}, {"Smithson said", "Smith"}, {"the smiths", "smith"},
                {"Mr. O'Neil spoke", "O'Neil"}, {"«Jean-Luc» a dit", "Jean-Luc"}, {"ÉMILE", "émile"},
                {"about NATO's plan", "nato"}, {"(Nato)", "NATO"}, {"a.b.c", "b"}, {"x\\Ey", "\\E"},
                {"Ωmega Ωmega", "mega"}, {"word", "word"}, {"", "a"}, {"ab", "abc"}, {"🙂Trump🙂", "Trump"},
                {"Trump\uD835\uDC00", "Trump"}, {"i", "I"}, {"İstanbul", "istanbul"}, {"KELVIN", "kelvin"},
        };
        for (String[] c : cases) {
            for (boolean ci : new boolean[] {false, true}) {
                assertEquals(byRegex(c[0], c[1], ci), TextPatterns.containsWholeWord(c[0], c[1], ci), c[0] + " / " + c[1] + " ci=" + ci);
            }
        }
        Random r = new Random(7);
        String alphabet = "aAbB .,'’-éÉıİ\u212A\uD835\uDC00\u00A0x";
        for (int n = 0; n < 20_000; n++) {
            String text = random(r, alphabet, r.nextInt(12));
            String word = random(r, alphabet, 1 + r.nextInt(3));
            for (boolean ci : new boolean[] {false, true}) {
                assertEquals(byRegex(text, word, ci), TextPatterns.containsWholeWord(text, word, ci), text + " / " + word + " ci=" + ci);
            }
        }
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
