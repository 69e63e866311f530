package dev.quoteline.http;

import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Tells {@link GraphQlHttpFilter} when a GraphQL response has no {@code data} entry: the request failed before
 * execution (it did not parse, did not validate, or its variables did not coerce). SmallRye GraphQL writes that
 * answer with status 200; under application/graphql-response+json the specification wants 400, and the status can
 * only be changed before the headers leave, which the filter does from this mark.
 * <p>
 * Such failures complete synchronously inside SmallRye's handler, where the request context (and so the current
 * Vert.x request) is active; later, asynchronous completions always carry data and need no mark.
 */
@ApplicationScoped
public class ExecutionOutcome {
    private static final Logger LOG = Logger.getLogger(ExecutionOutcome.class);

    @Inject
    CurrentVertxRequest current;

    void after(@Observes @AfterExecute Context context) {
        // an observer that throws would break the request it observes
        try {
            ExecutionResult result = context.unwrap(ExecutionResult.class);
            if (result == null || result.isDataPresent() || !Arc.container().requestContext().isActive()) {
                return;
            }
            RoutingContext exchange = current.getCurrent();
            if (exchange != null) {
                exchange.put(GraphQlHttpFilter.NO_DATA, Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            LOG.debug("GraphQL outcome not recorded", e);
        }
    }
}
