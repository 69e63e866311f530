package dev.quoteline.api;

import io.smallrye.graphql.api.ErrorCode;

/** An ID or name that is well formed but names nothing stored. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
