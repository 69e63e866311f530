package dev.quoteline.ingest;

/** A submitted article that cannot be analysed; the message names the field and what is wrong with it. */
public class InvalidArticleException extends RuntimeException {
    private final String field;

    public InvalidArticleException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
