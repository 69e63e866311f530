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
        String text = sentence.text();
        opennlp.tools.util.Span[] spans = models.tokenizer().tokenizePos(text);
        String[] words = new String[spans.length];
        for (int i = 0; i < spans.length; i++) words[i] = spans[i].getCoveredText(text).toString();
        // Beam search cost grows faster than linearly with sentence length, so tag in bounded windows.
        String[] tags = new String[words.length];
        for (int from = 0; from < words.length; from += MAX_TAGGED) {
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
}
