package dev.quoteline.extract;

import java.util.regex.Pattern;

/**
 * Regular expressions the analysis applies to every article, compiled once. {@code String.replaceAll}, {@code split}
 * with a pattern, {@code matches} and {@code replaceFirst} compile their pattern on every call: per article that was
 * both CPU and, since the JIT compiles {@code Pattern}'s parser like any hot code, compiler work while ingesting.
 * Each use gives exactly what the {@code String} method with the same expression gave.
 */
public final class TextPatterns {
    private TextPatterns() {
    }

    /** {@code \s+}: a run of white space (ASCII, as {@code \s} without UNICODE_CHARACTER_CLASS). */
    public static final Pattern SPACES = Pattern.compile("\\s+");
    /** {@code [^\p{L}\p{N}]+}: a run of anything but letters and digits. */
    public static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** {@code [^\p{L}]+}: a run of anything but letters. */
    public static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    /** {@code ^(?i)(the|a|an)\s+}: a leading article and the space after it. */
    public static final Pattern LEADING_ARTICLE = Pattern.compile("^(?i)(the|a|an)\\s+");
    /** {@code [’']s$}: a possessive ending. */
    public static final Pattern POSSESSIVE_END = Pattern.compile("[’']s$");

    /** {@code s.replaceAll("\\s+", " ")}. */
    public static String collapseSpaces(String s) {
        return SPACES.matcher(s).replaceAll(" ");
    }

    /**
     * Whether {@code text} holds {@code word} with no letter right before or after it: what
     * {@code Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", flags).matcher(text).find()} gives,
     * without compiling a pattern per word. {@code ignoreAsciiCase} is {@code Pattern.CASE_INSENSITIVE} without
     * UNICODE_CASE: only ASCII letters match regardless of case.
     */
    public static boolean containsWholeWord(String text, String word, boolean ignoreAsciiCase) {
        int n = word.length();
        if (n == 0 || hasSurrogate(word)) {
            // not met in practice: the pattern then matches by code points, so it decides
            return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])",
                    ignoreAsciiCase ? Pattern.CASE_INSENSITIVE : 0).matcher(text).find();
        }
        int last = text.length() - n;
        for (int i = 0; i <= last; i++) {
            if (ignoreAsciiCase ? !regionMatchesAsciiCase(text, i, word) : !text.startsWith(word, i)) continue;
            // the look-behind reads the one char before the match, the look-ahead the code point after it
            if (i > 0 && Character.isLetter(text.charAt(i - 1))) continue;
            int e = i + n;
            if (e < text.length() && Character.isLetter(text.codePointAt(e))) continue;
            return true;
        }
        return false;
    }

    private static boolean regionMatchesAsciiCase(String text, int at, String word) {
        for (int j = 0; j < word.length(); j++) {
            if (asciiLower(word.charAt(j)) != asciiLower(text.charAt(at + j))) return false;
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 0x20) : c;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return true;
        }
        return false;
    }
}
