package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.List;

/** Stage 4: tokens and universal POS tags of one sentence, with body offsets. */
final class TokenTagger {
    private final NlpModels models;

    TokenTagger(NlpModels models) {
        this.models = models;
    }

    List<Token> tag(Span sentence) {
        String text = sentence.text();
        opennlp.tools.util.Span[] spans = models.tokenizer().tokenizePos(text);
        String[] words = new String[spans.length];
        for (int i = 0; i < spans.length; i++) words[i] = spans[i].getCoveredText(text).toString();
        String[] tags = words.length == 0 ? new String[0] : models.tagger().tag(words);
        List<Token> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            out.add(new Token(sentence.start() + spans[i].getStart(), sentence.start() + spans[i].getEnd(), words[i], tags[i]));
        }
        return out;
    }
}
