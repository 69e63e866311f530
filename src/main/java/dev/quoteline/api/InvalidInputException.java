package dev.quoteline.api;

import io.smallrye.graphql.api.ErrorCode;

/** A request the service will not answer as asked; the message names the argument and the problem. */
@ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
