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
        String text = paragraph.text();
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

    /** The model sometimes splits after a closing mark ("...,” he said."), which is fine, but never leave an empty piece. */
    private static List<Span> mergeQuoteSplits(String body, List<Span> in) {
        List<Span> out = new ArrayList<>();
        for (Span s : in) {
            if (s.text().isBlank()) continue;
            out.add(s);
        }
        return out;
    }
}
