package dev.quoteline.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gate every mutation passes first. Reads stay open; writes need a bearer token from {@link WriteTokens}. A refused
 * write marks the HTTP exchange so that {@link AuthStatusFilter} answers 401 instead of 200.
 */
@ApplicationScoped
public class WriteAccess {
    /** Routing-context key set when a request tried to write without an accepted token. */
    public static final String REFUSED = "quoteline.write-refused";

    @Inject
    WriteTokens tokens;
    @Inject
    CurrentVertxRequest request;

    public void requireWriter() {
        RoutingContext exchange = request.getCurrent();
        String authorization = exchange == null ? null : exchange.request().getHeader("Authorization");
        if (tokens.accepts(authorization)) {
            return;
        }
        if (exchange != null) {
            exchange.put(REFUSED, Boolean.TRUE);
        }
        String why = authorization == null ? "no Authorization header was sent"
                : WriteTokens.bearerToken(authorization) == null ? "the Authorization header is not 'Bearer <token>'"
                : "the bearer token is not accepted";
        throw new UnauthenticatedException("Writing needs a bearer token (Authorization: Bearer <token>): " + why
                + ". Nothing was changed.");
    }
}
