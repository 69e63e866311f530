package dev.quoteline.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keys under which spellings of one person's name coincide across articles: transliterations of Slavic, Arabic and
 * other names into English differ by endings (-skiy/-sky/-skyy/-skyi/-ski), by y/i/j, by doubled letters, kh/h, ou/u
 * and the vowels between consonants (Mohammed/Muhammad). The key keeps the consonant skeleton and the given name's
 * vowel positions, so different people stay apart; callers merge only on equal keys.
 */
public final class NameVariants {
    private NameVariants() {
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern SKIY =
            java.util.regex.Pattern.compile("(sk|ck|zk|tsk)(?:iy|yy|yi|ij|ii|y|i|ei|yj)$");
    private static final java.util.regex.Pattern IY = java.util.regex.Pattern.compile("(?:iy|yi|ij|ii|yy|ey)$");

    /** Honorifics and titles that do not belong to the name itself. */
    private static final Set<String> DROP = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev",
            "jr", "sr", "ii", "iii", "iv");

    /**
     * The key for a person's name: "Andriy Kovalskiy" and "Andrii Kovalskyy" give the same key, as do
     * "Mohammed bin Salman" and "Muhammad bin Salman". With a single name only the surname key is returned, so
     * "Kovalsky" alone matches no full name: a caller that wants surname matches compares {@link #surnameKey}.
     */
    public static String personKey(String fullName) {
        List<String> words = words(fullName);
        if (words.isEmpty()) return "";
        String surname = wordKey(words.get(words.size() - 1));
        if (words.size() == 1) return surname;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size() - 1; i++) sb.append(wordKey(words.get(i))).append(' ');
        return sb.append(surname).toString();
    }

    /** The key of the last name alone. */
    public static String surnameKey(String fullName) {
        List<String> words = words(fullName);
        return words.isEmpty() ? "" : wordKey(words.get(words.size() - 1));
    }

    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) return out;
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('ł', 'l').replace('Ł', 'L').replace("ß", "ss").replace('ø', 'o').replace('Ø', 'O')
                .toLowerCase(Locale.ROOT);
        for (String w : TextPatterns.NON_LETTERS.split(folded)) {
            if (w.isEmpty() || DROP.contains(w)) continue;
            out.add(w);
        }
        return out;
    }

    /** One word's key: ending, digraph and vowel rules, then the skeleton with its first letter kept. */
    static String wordKey(String w) {
        String s = w;
        // Slavic adjectival surname endings: -skiy, -skyy, -skyi, -skij, -skii, -sky, -ski all end in "sk"
        s = SKIY.matcher(s).replaceAll("$1");
        // -iy/-yi/-ij endings of other adjectival names (Dmitriy/Dmitri/Dmitry)
        s = IY.matcher(s).replaceAll("i");
        s = s.replace("kh", "h").replace("ck", "k").replace("ph", "f").replace("zh", "j").replace("dzh", "j")
                .replace("dj", "j").replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ie", "i")
                .replace("ts", "c").replace("tz", "c").replace("q", "k").replace("x", "ks").replace('w', 'v');
        // y, j and i between or after letters are one sound family in transliteration (Yevgeny/Evgeniy, Yuriy/Juri)
        s = s.replace('y', 'i').replace('j', 'i');
        StringBuilder out = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0;
            // which vowel varies freely (Mohammed/Muhammad, Oleksandr/Aleksandr), where one stands does not
            // (Mohammed/Mahmoud): a run of vowels becomes one marker
            if (vowel && i > 0) {
                if (out.charAt(out.length() - 1) != '.') out.append('.');
                prev = c;
                continue;
            }
            if (c == prev && !vowel) continue; // doubled consonants (Kovalskyy, Muhammad/Mohamed)
            out.append(i == 0 && vowel ? 'a' : c);
            prev = c;
        }
        return out.toString();
    }
}
