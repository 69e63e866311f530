package dev.quoteline.db;

import io.smallrye.graphql.api.ErrorCode;
import java.time.Duration;

/** A database statement ran past quoteline.db.statement-timeout and PostgreSQL cancelled it. */
@ErrorCode("DATABASE_TIMEOUT")
public class DatabaseTimeoutException extends RuntimeException {
    public DatabaseTimeoutException(Duration limit, Throwable cause) {
        super("the request needed more database time than the limit of " + StatementTimeout.describe(limit)
                + " allows and was cancelled; narrow the request (a smaller page or a tighter filter) or try again later",
                cause);
    }
}
