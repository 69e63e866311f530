package dev.quoteline.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Unhandled failures on the GraphQL endpoint (a handler threw, or SmallRye GraphQL gave up on a request) answer with a
 * GraphQL-shaped error carrying only an error id; the exception, with its stack trace, goes to the log under the same
 * id. Quarkus's own error page would answer in its format, with the stack trace in dev and test mode.
 */
@ApplicationScoped
public class GraphQlFailures {
    private static final Logger LOG = Logger.getLogger(GraphQlFailures.class);
    private static final AtomicLong IDS = new AtomicLong();

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql")
    String rootPath;

    void register(@Observes Router router) {
        router.route(rootPath).order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() == null && status >= 400 && status < 500) {
            GraphQlErrors.send(ctx, status, "BAD_REQUEST", "The request was refused (HTTP " + status + ").");
            return;
        }
        String id = Long.toString(System.currentTimeMillis(), 36) + "-" + IDS.incrementAndGet();
        LOG.errorf(ctx.failure(), "GraphQL request failed (error id %s)", id);
        GraphQlErrors.send(ctx, 500, "INTERNAL_SERVER_ERROR",
                "Internal server error (error id " + id + "; the server log has the details).",
                Map.of("errorId", id));
    }
}
