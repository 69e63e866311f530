package dev.quoteline.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The comparison key of a name or alias: accents folded, case folded, punctuation and spacing normalised. */
public final class NameKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an) ");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameKeys() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        folded = folded.replace('’', '\'').toLowerCase(Locale.ROOT);
        folded = LEADING_ARTICLE.matcher(folded).replaceAll("");
        return NON_WORD.matcher(folded).replaceAll(" ").trim();
    }
}
