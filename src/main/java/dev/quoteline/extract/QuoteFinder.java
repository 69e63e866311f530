package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 5: quoted passages, marks included. Curly and straight marks may be mixed (“…" happens in scraped text).
 * A quote left open at the end of a paragraph continues when the next paragraph reopens with a mark (the
 * newspaper convention for multi-paragraph quotes); otherwise it ends with its paragraph.
 */
final class QuoteFinder {
    /** At most this many quotes per paragraph are kept: pathological input must not blow up later stages. */
    static final int MAX_PER_PARAGRAPH = 200;

    record Quote(int start, int end, int paragraph, int lastParagraph, boolean closed, int words) {
        int contentStart() {
            return start + 1;
        }
    }

    List<Quote> find(String body, List<Span> paragraphs) {
        List<Quote> out = new ArrayList<>();
        int openAt = -1, openPara = -1;
        int[] perPara = new int[paragraphs.size()];
        for (int p = 0; p < paragraphs.size(); p++) {
            Span para = paragraphs.get(p);
            for (int i = para.start(); i < para.end(); i++) {
                char c = body.charAt(i);
                // some wires write a double quote as two apostrophes: ''like this''
                boolean doubled = c == '\'' && i + 1 < para.end() && body.charAt(i + 1) == '\'';
                boolean straight = c == '"' || c == '\u201F' || c == '\u2033' || doubled;
                boolean open = c == '\u201C' || c == '\u00AB' || c == '\u201E';
                boolean close = c == '\u201D' || c == '\u00BB';
                if (openAt < 0) {
                    if (open || straight) {
                        openAt = i;
                        openPara = p;
                        if (doubled) i++;
                    }
                } else if (i == para.start() && openPara != p && (open || straight)) {
                    continue; // the reopening mark of a multi-paragraph quote
                } else if (close || straight) {
                    add(out, body, openAt, doubled ? i + 2 : i + 1, openPara, p, true, perPara);
                    if (doubled) i++;
                    openAt = -1;
                }
            }
            if (openAt >= 0) {
                boolean continues = p + 1 < paragraphs.size() && startsWithOpening(body, paragraphs.get(p + 1));
                if (!continues) {
                    add(out, body, openAt, para.end(), openPara, p, false, perPara);
                    openAt = -1;
                }
            }
        }
        return out;
    }

    private static void add(List<Quote> out, String body, int s, int e, int p, int last, boolean closed, int[] perPara) {
        if (perPara[p] >= MAX_PER_PARAGRAPH) return;
        perPara[p]++;
        int words = 0;
        boolean inWord = false;
        for (int i = s; i < e; i++) {
            boolean letter = Character.isLetterOrDigit(body.charAt(i));
            if (letter && !inWord) words++;
            inWord = letter || (inWord && (body.charAt(i) == '\'' || body.charAt(i) == '’' || body.charAt(i) == '-'));
        }
        out.add(new Quote(s, e, p, last, closed, words));
    }

    private static boolean startsWithOpening(String body, Span para) {
        char c = body.charAt(para.start());
        return c == '\u201C' || c == '"' || c == '\u00AB';
    }
}
