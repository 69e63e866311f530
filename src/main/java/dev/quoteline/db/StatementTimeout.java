package dev.quoteline.db;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps every statement on the pool's connections at quoteline.db.statement-timeout, set once per physical connection
 * as PostgreSQL's session statement_timeout. The server enforces it, so a runaway query is cancelled there and its
 * worker thread and connection come back, rather than only the client giving up while the server keeps working.
 * Migrations run on the same pool: one that needs longer must begin with {@code SET LOCAL statement_timeout = 0}.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {
    @ConfigProperty(name = "quoteline.db.statement-timeout", defaultValue = "5s")
    Duration limit;

    public Duration limit() {
        return limit;
    }

    @jakarta.annotation.PostConstruct
    void check() {
        if (limit.isNegative() || limit.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("quoteline.db.statement-timeout must be between 0 (no limit) and "
                    + Integer.MAX_VALUE + " ms (was " + limit + ")");
        }
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            try (Statement statement = connection.createStatement()) {
                // a plain SET inside a transaction that later rolls back would be undone with it
                if (!autoCommit) connection.setAutoCommit(true);
                statement.execute("SET statement_timeout = " + limit.toMillis());
            } finally {
                if (!autoCommit) connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set statement_timeout on a new database connection", e);
        }
    }

    static String describe(Duration limit) {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
