package dev.quoteline.extract;

/** One token of a sentence: offsets into the body, the surface text and its universal POS tag. */
record Token(int start, int end, String text, String pos) {
    boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isPunct() {
        return "PUNCT".equals(pos) || (text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0)));
    }
}
