package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.List;

/** Stage 3: sentences of each kept paragraph, as body spans. Very long runs are cut so later stages stay fast. */
final class SentenceSplitter {
    static final int MAX_SENTENCE = 1500;
    private final NlpModels models;

    SentenceSplitter(NlpModels models) {
        this.models = models;
    }

    List<Span> split(String body, Span paragraph) {
        List<Span> out = new ArrayList<>();
        // no-break spaces separate sentences as ordinary spaces do; the model only knows the latter
        String text = paragraph.text().replace('\u00A0', ' ').replace('\u202F', ' ');
        opennlp.tools.util.Span[] spans;
        if (text.length() > 20_000) {
            spans = new opennlp.tools.util.Span[]{new opennlp.tools.util.Span(0, text.length())};
        } else {
            spans = models.sentenceDetector().sentPosDetect(text);
        }
        for (opennlp.tools.util.Span sp : spans) {
            int s = paragraph.start() + sp.getStart();
            int e = paragraph.start() + sp.getEnd();
            // Long sentences (or noise with no full stops) are cut into bounded pieces.
            while (e - s > MAX_SENTENCE) {
                int cut = s + MAX_SENTENCE;
                int space = body.lastIndexOf(' ', cut);
                if (space > s + MAX_SENTENCE / 2) cut = space;
                out.add(Span.of(body, s, cut));
                s = cut;
            }
            if (e > s) out.add(Span.of(body, s, e));
        }
        return mergeQuoteSplits(body, out);
    }

    /** Titles and abbreviations that a name or number always follows: a full stop after them ends no sentence. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("mr.", "mrs.", "ms.", "dr.", "sen.",
            "sens.", "rep.", "reps.", "gov.", "govs.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "maj.", "cmdr.",
            "prof.", "rev.", "st.", "ft.", "mt.", "no.", "nos.", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.",
            "nov.", "dec.", "vs.", "v.", "messrs.", "gens.", "supt.", "insp.", "det.", "cpl.", "pvt.", "amb.", "hon.");

    /**
     * The model sometimes splits after an abbreviation ("Mrs." after a closing mark, "Joseph R. Biden", "(R-Miss.)
     * said"): such pieces are joined again. Empty pieces are dropped.
     */
    private static List<Span> mergeQuoteSplits(String body, List<Span> in) {
        List<Span> out = new ArrayList<>();
        for (Span s : in) {
            if (s.text().isBlank()) continue;
            if (!out.isEmpty()) {
                Span prev = out.get(out.size() - 1);
                if (prev.end() - prev.start() < MAX_SENTENCE && continuesSentence(body, prev, s)) {
                    out.set(out.size() - 1, Span.of(body, prev.start(), s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean continuesSentence(String body, Span prev, Span next) {
        int i = next.start();
        while (i < next.end() && Character.isWhitespace(body.charAt(i))) i++;
        if (i >= next.end()) return false;
        char first = body.charAt(i);
        // a sentence never starts with a lower-case word or with closing punctuation
        if (Character.isLowerCase(first) || first == ',' || first == ';' || first == ')') return true;
        int e = prev.end();
        while (e > prev.start() && Character.isWhitespace(body.charAt(e - 1))) e--;
        if (e - prev.start() < 2 || body.charAt(e - 1) != '.') return false;
        int w = e - 1;
        while (w > prev.start() && !Character.isWhitespace(body.charAt(w - 1)) && "\"'“”‘’(".indexOf(body.charAt(w - 1)) < 0) w--;
        String word = body.substring(w, e);
        // a lone initial after a capitalised word: "Joseph R. Biden"
        if (word.length() == 2 && Character.isUpperCase(word.charAt(0)) && w >= 2 && body.charAt(w - 1) == ' '
                && Character.isUpperCase(first)) {
            int b = w - 2;
            while (b > prev.start() && Character.isLetter(body.charAt(b - 1))) b--;
            return b < w - 1 && Character.isUpperCase(body.charAt(b)) && w - 1 - b >= 2;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
