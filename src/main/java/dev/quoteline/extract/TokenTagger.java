package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.List;

/** Stage 4: tokens and universal POS tags of one sentence, with body offsets. */
final class TokenTagger {
    static final int MAX_TAGGED = 120;
    private final NlpModels models;

    TokenTagger(NlpModels models) {
        this.models = models;
    }

    List<Token> tag(Span sentence) {
        return tag(sentence, true);
    }

    /**
     * Tokens of one sentence; with {@code withPos} false the tags are "X". Tagging is most of the analysis time and
     * only sentences that may hold a cue or a quote read the tags, so the caller skips it for the others.
     */
    List<Token> tag(Span sentence, boolean withPos) {
        String text = sentence.text();
        opennlp.tools.util.Span[] spans = joinAbbreviations(text, models.tokenizer().tokenizePos(text));
        String[] words = new String[spans.length];
        for (int i = 0; i < spans.length; i++) words[i] = spans[i].getCoveredText(text).toString();
        String[] tags = new String[words.length];
        if (!withPos) java.util.Arrays.fill(tags, "X");
        // Cost grows faster than linearly with sentence length, so tag in bounded windows.
        for (int from = 0; withPos && from < words.length; from += MAX_TAGGED) {
            int to = Math.min(words.length, from + MAX_TAGGED);
            String[] part = models.tagger().tag(java.util.Arrays.copyOfRange(words, from, to));
            System.arraycopy(part, 0, tags, from, part.length);
        }
        List<Token> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            out.add(new Token(sentence.start() + spans[i].getStart(), sentence.start() + spans[i].getEnd(), words[i], tags[i]));
        }
        return out;
    }

    /**
     * Whether a sentence's tokens need tags: 2 when it holds a quotation mark or colon (its neighbours may hold the
     * attribution), 1 when it holds a word that can be a cue, 0 otherwise.
     */
    static int needsTags(String body, Span sentence) {
        int found = 0;
        int n = sentence.end();
        int i = sentence.start();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB' || c == '\u201E' || c == ':'
                    || c == '\'' && i + 1 < n && body.charAt(i + 1) == '\'') return 2;
            if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(body.charAt(j))) j++;
                if (found == 0 && j - i >= 2 && Lexicon.isTrigger(body.substring(i, j))) found = 1;
                i = j;
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * The tokenizer sometimes cuts the full stop off a title ("Mrs" "." after a closing mark) and splits a doubled
     * apostrophe used as a quotation mark: join them back.
     */
    private static opennlp.tools.util.Span[] joinAbbreviations(String text, opennlp.tools.util.Span[] spans) {
        List<opennlp.tools.util.Span> out = null;
        for (int i = 0; i < spans.length; i++) {
            opennlp.tools.util.Span sp = spans[i];
            boolean adjacent = i + 1 < spans.length && spans[i + 1].getStart() == sp.getEnd() && spans[i + 1].length() == 1;
            // two apostrophes standing for a double quotation mark are one mark
            boolean doubled = adjacent && sp.length() == 1 && text.charAt(sp.getStart()) == '\'' && text.charAt(sp.getEnd()) == '\'';
            if (doubled || adjacent && text.charAt(sp.getEnd()) == '.' && SentenceSplitter.isAbbreviation(
                    text.substring(sp.getStart(), sp.getEnd() + 1))) {
                if (out == null) out = new ArrayList<>(java.util.Arrays.asList(spans).subList(0, i));
                out.add(new opennlp.tools.util.Span(sp.getStart(), sp.getEnd() + 1));
                i++;
                continue;
            }
            if (out != null) out.add(sp);
        }
        return out == null ? spans : out.toArray(new opennlp.tools.util.Span[0]);
    }
}
