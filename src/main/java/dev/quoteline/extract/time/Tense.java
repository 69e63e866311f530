package dev.quoteline.extract.time;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tense of the clause around a position, read from the nearest tense-bearing word. Relative expressions
 * such as "on Tuesday" or "March 18" point backwards or forwards from the publication date depending on it.
 */
public enum Tense {
    PAST, PRESENT, FUTURE;

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z’'-]{0,40}");

    private static final Set<String> FUTURE_WORDS = Set.of("will", "shall", "won’t", "won't", "would", "may", "might",
            "upcoming", "expect", "expects", "gonna", "tomorrow");
    /** Followed by "to", these announce something still to come ("is set to expire", "is expected to"). */
    private static final Set<String> FUTURE_BEFORE_TO = Set.of("set", "due", "expected", "scheduled", "slated",
            "poised", "plans", "planning", "intends", "aims", "going", "prepares", "preparing");
    private static final Set<String> PAST_WORDS = Set.of("was", "were", "had", "has", "have", "did", "said", "told",
            "ago", "made", "met", "went", "came", "saw", "took", "gave", "held", "left", "began", "fought", "fell",
            "won", "lost", "sent", "spoke", "wrote", "led", "ran", "struck", "found", "brought", "thought", "kept",
            "became", "paid", "sold", "stood", "fled", "flew", "shot", "hit", "knew", "got", "drove", "rose", "broke",
            "chose", "froze", "grew", "threw", "withdrew", "overtook", "undertook", "sought", "taught", "caught",
            "spent", "built", "meant", "heard", "felt", "swore", "slid", "laid", "wore", "beat", "bought");
    private static final Set<String> BE_PRESENT = Set.of("is", "are", "am", "be", "being");
    private static final Set<String> NOT_PAST_ED = Set.of("need", "needed", "speed", "feed", "indeed", "proceed",
            "exceed", "succeed", "hundred", "red", "bed", "shed", "seed", "bred", "united", "based", "embed",
            "related", "armed", "detailed", "advanced", "limited", "occupied", "expected", "scheduled", "planned");

    /** The tense governing [exprStart, exprEnd) in text, looking no further than [from, to) and the enclosing clause. */
    public static Tense around(String text, int exprStart, int exprEnd, int from, int to) {
        int left = clauseStart(text, exprStart, from);
        int right = clauseEnd(text, exprEnd, to);
        Tense best = PRESENT;
        int bestDist = Integer.MAX_VALUE;
        // Left side first, so that on a tie the word before the expression wins.
        Matcher m = WORD.matcher(text);
        m.region(left, exprStart);
        java.util.List<int[]> leftWords = new java.util.ArrayList<>();
        while (m.find()) {
            leftWords.add(new int[] {m.start(), m.end()});
        }
        for (int i = leftWords.size() - 1; i >= 0; i--) {
            int dist = leftWords.size() - i;
            Tense t = cue(text, leftWords, i);
            if (t != null) {
                best = t;
                bestDist = dist;
                break;
            }
        }
        m.region(exprEnd, right);
        java.util.List<int[]> rightWords = new java.util.ArrayList<>();
        while (m.find()) {
            rightWords.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < rightWords.size(); i++) {
            int dist = i + 1;
            if (dist >= bestDist) {
                break;
            }
            Tense t = cue(text, rightWords, i);
            if (t != null) {
                best = t;
                break;
            }
        }
        return best;
    }

    private static String word(String text, java.util.List<int[]> words, int i) {
        if (i < 0 || i >= words.size()) {
            return "";
        }
        int[] w = words.get(i);
        return text.substring(w[0], w[1]);
    }

    private static Tense cue(String text, java.util.List<int[]> words, int i) {
        String raw = word(text, words, i);
        String w = raw.toLowerCase(Locale.ROOT);
        String next = word(text, words, i + 1).toLowerCase(Locale.ROOT);
        String prev = word(text, words, i - 1).toLowerCase(Locale.ROOT);
        if (FUTURE_WORDS.contains(w) || w.endsWith("’ll") || w.endsWith("'ll")) {
            return FUTURE;
        }
        if (FUTURE_BEFORE_TO.contains(w) && next.equals("to") && (!w.equals("due") || BE_PRESENT.contains(prev))) {
            return FUTURE;
        }
        if (PAST_WORDS.contains(w)) {
            return PAST;
        }
        if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed") && Character.isLowerCase(raw.charAt(0))
                && !NOT_PAST_ED.contains(w) && !BE_PRESENT.contains(prev)) {
            return PAST;
        }
        return null;
    }

    static int clauseStart(String text, int pos, int from) {
        int i = pos;
        while (i > from) {
            char c = text.charAt(i - 1);
            if (isHardBoundary(c) || (c == '.' || c == '!' || c == '?') && sentenceEndsAt(text, i - 1)) {
                break;
            }
            i--;
        }
        return i;
    }

    static int clauseEnd(String text, int pos, int to) {
        int i = pos;
        while (i < to) {
            char c = text.charAt(i);
            if (isHardBoundary(c) || (c == '.' || c == '!' || c == '?') && sentenceEndsAt(text, i)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Quotation marks switch voice (a quote's tense is the speaker's), so they bound the clause. */
    private static boolean isHardBoundary(char c) {
        return c == '\n' || c == ';' || c == '“' || c == '”' || c == '"';
    }

    /** A period ends a sentence unless it closes an abbreviation ("U.S.", "Mar. 7"). */
    static boolean sentenceEndsAt(String text, int i) {
        if (text.charAt(i) != '.') {
            return true;
        }
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '"'
                && text.charAt(i + 1) != '”') {
            return false;
        }
        if (i + 2 < text.length() && Character.isDigit(text.charAt(i + 2))) {
            return false;
        }
        return !(i >= 2 && Character.isUpperCase(text.charAt(i - 1)) && text.charAt(i - 2) == '.');
    }
}
