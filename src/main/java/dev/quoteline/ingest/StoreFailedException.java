package dev.quoteline.ingest;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Storing an analysed article failed for a reason the client cannot fix (a database error that is neither an outage
 * nor a time limit). The transaction was rolled back, so nothing of the article was stored. The message carries a
 * reference that finds the logged cause; it never carries SQL.
 */
@ErrorCode("INGEST_FAILED")
public class StoreFailedException extends RuntimeException {
    private final String reference;

    public StoreFailedException(String reference, Throwable cause) {
        super("the article could not be stored because of a database error, and nothing of it was saved; "
                + "the server log has the details under reference " + reference, cause);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
