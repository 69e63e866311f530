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
        // no-break and thin spaces separate words too; the tokenizer only splits on ordinary white space
        String text = sentence.text().replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ').replace('\u2007', ' ');
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
     * Repairs of the tokenizer's output that the attribution depends on: a full stop cut off a title, an initial or an
     * abbreviation ("Mrs" ".", "D" ".", "D-N.Y" "."), a doubled apostrophe used as a quotation mark split in two, and a
     * quotation mark glued to the next word ("”Clinton").
     */
    private static opennlp.tools.util.Span[] joinAbbreviations(String text, opennlp.tools.util.Span[] spans) {
        List<opennlp.tools.util.Span> out = null;
        for (int i = 0; i < spans.length; i++) {
            opennlp.tools.util.Span sp = spans[i];
            boolean adjacent = i + 1 < spans.length && spans[i + 1].getStart() == sp.getEnd() && spans[i + 1].length() == 1;
            boolean doubled = adjacent && sp.length() == 1 && text.charAt(sp.getStart()) == '\'' && text.charAt(sp.getEnd()) == '\'';
            boolean stop = adjacent && text.charAt(sp.getEnd()) == '.';
            String word = text.substring(sp.getStart(), sp.getEnd());
            boolean initial = stop && sp.length() == 1 && Character.isUpperCase(word.charAt(0));
            boolean dotted = stop && word.indexOf('.') > 0 && Character.isLetter(word.charAt(word.length() - 1));
            if (doubled || initial || dotted || stop && SentenceSplitter.isAbbreviation(word + ".")) {
                if (out == null) out = new ArrayList<>(java.util.Arrays.asList(spans).subList(0, i));
                out.add(new opennlp.tools.util.Span(sp.getStart(), sp.getEnd() + 1));
                i++;
                continue;
            }
            if (sp.length() > 1 && isMark(word.charAt(0)) && Character.isLetter(word.charAt(1))) {
                if (out == null) out = new ArrayList<>(java.util.Arrays.asList(spans).subList(0, i));
                out.add(new opennlp.tools.util.Span(sp.getStart(), sp.getStart() + 1));
                out.add(new opennlp.tools.util.Span(sp.getStart() + 1, sp.getEnd()));
                continue;
            }
            if (out != null) out.add(sp);
        }
        return out == null ? spans : out.toArray(new opennlp.tools.util.Span[0]);
    }

    private static boolean isMark(char c) {
        return c == '\u201C' || c == '\u201D' || c == '"' || c == '\u00AB' || c == '\u00BB';
    }
}
