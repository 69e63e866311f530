package dev.quoteline.http;

import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Tells {@link GraphQlHttpFilter} whether a GraphQL response has a {@code data} entry. It has none when the request
 * failed before execution: the document did not parse (SmallRye then answers without starting an execution at all),
 * did not validate, or its variables did not coerce. SmallRye GraphQL writes those answers with status 200; under
 * application/graphql-response+json the specification wants 400, and the status can only be changed before the
 * headers leave, which the filter does from these marks.
 * <p>
 * Both events fire synchronously inside SmallRye's handler for these cases, where the request context (and so the
 * current Vert.x request) is active; later, asynchronous completions always carry data and need no mark.
 */
@ApplicationScoped
public class ExecutionOutcome {
    private static final Logger LOG = Logger.getLogger(ExecutionOutcome.class);

    @Inject
    CurrentVertxRequest current;

    void before(@Observes @BeforeExecute Context context) {
        mark(GraphQlHttpFilter.EXECUTED);
    }

    void after(@Observes @AfterExecute Context context) {
        // an observer that throws would break the request it observes
        try {
            ExecutionResult result = context.unwrap(ExecutionResult.class);
            if (result != null && !result.isDataPresent()) {
                mark(GraphQlHttpFilter.NO_DATA);
            }
        } catch (RuntimeException e) {
            LOG.debug("GraphQL outcome not recorded", e);
        }
    }

    private void mark(String key) {
        try {
            if (!Arc.container().requestContext().isActive()) {
                return;
            }
            RoutingContext exchange = current.getCurrent();
            if (exchange != null) {
                exchange.put(key, Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            LOG.debug("GraphQL outcome not recorded", e);
        }
    }
}
