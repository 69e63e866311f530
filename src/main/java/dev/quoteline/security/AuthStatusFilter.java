package dev.quoteline.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns a refused write into HTTP 401 with a Bearer challenge. The GraphQL answer (with code UNAUTHENTICATED) is
 * written by SmallRye GraphQL as usual; only the status line changes, just before the headers leave.
 */
@ApplicationScoped
public class AuthStatusFilter {
    void register(@Observes Filters filters) {
        filters.register(exchange -> {
            exchange.addHeadersEndHandler(ignored -> {
                if (Boolean.TRUE.equals(exchange.get(WriteAccess.REFUSED))) {
                    exchange.response().setStatusCode(401).setStatusMessage("Unauthorized");
                    exchange.response().headers().set("WWW-Authenticate", "Bearer realm=\"quoteline\"");
                }
            });
            exchange.next();
        }, 100);
    }
}
