package dev.quoteline.security;

import io.smallrye.graphql.api.ErrorCode;

/** A write without an accepted bearer token. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
