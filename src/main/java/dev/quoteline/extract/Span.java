package dev.quoteline.extract;

/** A piece of the submitted body: {@code start}/{@code end} are UTF-16 indices into it (Java String indices). */
public record Span(int start, int end, String text) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public static Span of(String body, int start, int end) {
        return new Span(start, end, body.substring(start, end));
    }

    /** The same span without surrounding white space. */
    public Span trimmed(String body) {
        int s = start, e = end;
        while (s < e && Character.isWhitespace(body.charAt(s))) s++;
        while (e > s && Character.isWhitespace(body.charAt(e - 1))) e--;
        return Span.of(body, s, e);
    }

    public int length() {
        return end - start;
    }
}
