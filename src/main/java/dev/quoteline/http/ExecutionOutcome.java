package dev.quoteline.http;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import dev.quoteline.api.RequestObserver;
import dev.quoteline.db.DatabaseTimeoutException;
import dev.quoteline.db.DatabaseUnavailableException;
import dev.quoteline.security.UnauthenticatedException;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.error.ErrorInfoMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Tells {@link GraphQlHttpFilter} whether a GraphQL response has a {@code data} entry. It has none when the request
 * failed before execution: the document did not parse (SmallRye then answers without starting an execution at all),
 * did not validate, or its variables did not coerce. SmallRye GraphQL writes those answers with status 200; under
 * application/graphql-response+json the specification wants 400, and the status can only be changed before the
 * headers leave, which the filter does from these marks.
 * <p>
 * Both events ({@link dev.quoteline.api.ExecutionEvents} passes them on) fire synchronously inside SmallRye's handler for these cases, where the request context (and so the
 * current Vert.x request) is active; later, asynchronous completions always carry data and need no mark.
 * <p>
 * It also keeps internals out of error answers. SmallRye hides the message of an unexpected exception but still
 * derives {@code extensions.code} from its class name (a database failure answers {@code "s-q-l-grammar"}), and it
 * shows the message of any checked exception. An error raised by an exception without an error code of its own
 * ({@code @ErrorCode}, as on {@code InvalidInputException}) is therefore replaced here, before the answer is written,
 * by a plain "Internal server error" with code {@code INTERNAL_SERVER_ERROR}; the server log keeps the exception.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by ExecutionEvents, which CDI does not see
public class ExecutionOutcome {
    private static final Logger LOG = Logger.getLogger(ExecutionOutcome.class);
    static final String INTERNAL_MESSAGE = "Internal server error: the request could not be completed. The server log "
            + "has the details.";

    @Inject
    CurrentVertxRequest current;
    @Inject
    RequestObserver requests;

    public void before(Context context) {
        RoutingContext exchange = mark(GraphQlHttpFilter.EXECUTED);
        String executionId = context.getExecutionId();
        if (exchange != null && executionId != null) {
            try {
                // Vert.x fails the end handlers when the connection closes before the response has been written
                exchange.addEndHandler(ended -> {
                    if (ended.failed()) {
                        requests.clientGone(executionId);
                    }
                });
                // weakly: a request that never reports back stays in the observer's records until they are purged,
                // and must not keep its response (and connection) alive with it
                java.lang.ref.WeakReference<io.vertx.core.http.HttpServerResponse> response =
                        new java.lang.ref.WeakReference<>(exchange.response());
                requests.watchConnection(executionId, () -> {
                    io.vertx.core.http.HttpServerResponse watched = response.get();
                    return watched != null && watched.closed();
                });
            } catch (RuntimeException e) {
                LOG.debug("GraphQL request's end not watched", e);
            }
        }
    }

    public void after(Context context) {
        // an observer that throws would break the request it observes
        try {
            ExecutionResult result = context.unwrap(ExecutionResult.class);
            if (result == null) {
                return;
            }
            if (!result.isDataPresent()) {
                mark(GraphQlHttpFilter.NO_DATA);
            }
            logFailures(context, result);
            boolean anyInternal = result.getErrors().stream().anyMatch(ExecutionOutcome::internal);
            if (anyInternal && context instanceof SmallRyeContext writable) {
                // SmallRye writes the answer from the context's result after this event: the replacement is what leaves
                writable.setExecutionResult(result.transform(b -> b.errors(result.getErrors().stream()
                        .map(e -> internal(e) ? hidden(e) : e).toList())));
            }
        } catch (RuntimeException e) {
            LOG.debug("GraphQL outcome not recorded", e);
        }
    }

    /**
     * The server log's account of the fields that failed (SmallRye's own, {@code print-data-fetcher-exception}, is off:
     * it logs every failure at ERROR with its stack trace, a cancelled request's included). An unexpected exception is
     * logged at ERROR with its stack trace. A failure with an error code of its own is the answer working as designed:
     * a database outage or timeout and a refused write get one line at WARN, invalid input and not found one at DEBUG.
     * When the client has gone, the failures are its leaving: {@link RequestObserver} logs the request once, as
     * cancelled.
     */
    private void logFailures(Context context, ExecutionResult result) {
        if (result.getErrors().isEmpty() || requests.isClientGone(context.getExecutionId())) {
            return;
        }
        for (GraphQLError error : result.getErrors()) {
            if (!(error instanceof ExceptionWhileDataFetching fetching) || fetching.getException() == null) {
                continue;
            }
            Throwable e = unwrap(fetching.getException());
            if (internal(error)) {
                LOG.errorf(e, "GraphQL field %s failed", error.getPath());
            } else if (e instanceof DatabaseUnavailableException || e instanceof DatabaseTimeoutException
                    || e instanceof UnauthenticatedException) {
                // outages, timeouts and refused writes are what an operator watches for
                LOG.warnf("GraphQL field %s failed: %s", error.getPath(), e.getMessage());
            } else {
                LOG.debugf("GraphQL field %s answered an error: %s", error.getPath(), e.getMessage());
            }
        }
    }

    private static Throwable unwrap(Throwable e) {
        if ((e instanceof CompletionException || e instanceof InvocationTargetException) && e.getCause() != null) {
            return e.getCause();
        }
        return e;
    }

    /** Whether an error comes from an exception that has no error code of its own, i.e. one nobody meant to show. */
    static boolean internal(GraphQLError error) {
        if (!(error instanceof ExceptionWhileDataFetching fetching) || fetching.getException() == null) {
            return false;
        }
        return ErrorInfoMap.getErrorInfo(unwrap(fetching.getException()).getClass().getName()) == null;
    }

    private static GraphQLError hidden(GraphQLError error) {
        return GraphqlErrorBuilder.newError()
                .message(INTERNAL_MESSAGE)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(Map.of("code", "INTERNAL_SERVER_ERROR"))
                .build();
    }

    /** Marks the current HTTP exchange, and returns it (null outside a request). */
    private RoutingContext mark(String key) {
        try {
            if (!Arc.container().requestContext().isActive()) {
                return null;
            }
            RoutingContext exchange = current.getCurrent();
            if (exchange != null) {
                exchange.put(key, Boolean.TRUE);
            }
            return exchange;
        } catch (RuntimeException e) {
            LOG.debug("GraphQL outcome not recorded", e);
            return null;
        }
    }
}
