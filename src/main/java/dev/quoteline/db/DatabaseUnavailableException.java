package dev.quoteline.db;

import io.smallrye.graphql.api.ErrorCode;

/**
 * PostgreSQL cannot be reached (stopped, restarting, refusing connections, or the pool found no live connection in
 * time). The message is the same whatever the driver said: clients get no SQL, host names or stack traces; the server
 * log has the cause.
 */
@ErrorCode("DATABASE_UNAVAILABLE")
public class DatabaseUnavailableException extends RuntimeException {
    public static final String MESSAGE = "the database is unavailable; try again shortly";

    public DatabaseUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
