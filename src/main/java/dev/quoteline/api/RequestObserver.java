package dev.quoteline.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.graphql.api.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * One log line and one timer sample per GraphQL request, by operation name and outcome ({@code success}, {@code error},
 * {@code rejected}, {@code cancelled}). SmallRye GraphQL's execution
 * events bracket each request ({@link ExecutionEvents} passes them on), so nothing here has to parse the HTTP body.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by ExecutionEvents, which CDI does not see
public class RequestObserver {
    private static final Logger LOG = Logger.getLogger(RequestObserver.class);

    @Inject
    MeterRegistry registry;

    /**
     * {@code outcome}: success until a field fails (error) or the operation is refused before running (rejected).
     * {@code clientGone}: the client closed its connection before the answer was written (set from the event loop).
     */
    private static final class Started {
        final long nanos = System.nanoTime();
        volatile String outcome = "success";
        volatile boolean clientGone;
        /**
         * Whether the request's connection has closed, asked at the moment it matters. The flag above is set by an end
         * handler on the event loop, and Quarkus ends the request's context from another handler of the same close: a
         * resolver that fails between the two (seen once under load, a cancelled page logged at ERROR and counted as
         * an error) would otherwise be taken for the server's fault.
         */
        volatile BooleanSupplier connectionClosed;

        boolean clientGone() {
            if (clientGone) {
                return true;
            }
            BooleanSupplier closed = connectionClosed;
            return closed != null && closed.getAsBoolean();
        }
    }

    private final Map<String, Started> running = new ConcurrentHashMap<>();

    private record TimerKey(String operation, String type, String outcome) {
    }

    /** Registered once per label set: building and looking up a meter on every request cost more than recording. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    static final String[] OUTCOMES = {"success", "error", "rejected", "cancelled"};
    static final int MAX_OPERATION_LABELS = 200;
    static final String OTHER_OPERATIONS = "other";
    private final java.util.Set<String> labelled = ConcurrentHashMap.newKeySet();
    private static final java.util.regex.Pattern VALID_LABEL = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public void before(Context context) {
        if (context.getExecutionId() != null) {
            started(context.getExecutionId());
        }
    }

    void started(String executionId) {
        if (running.size() > 10_000) {
            // an execution that never reported back must not hold memory forever
            long stale = System.nanoTime() - 300_000_000_000L;
            running.values().removeIf(s -> s.nanos < stale);
        }
        running.put(executionId, new Started());
    }

    /**
     * {@code closed} answers whether the running request's connection has closed (the HTTP response's own flag, set
     * before any of the close's handlers run).
     */
    public void watchConnection(String executionId, BooleanSupplier closed) {
        Started s = executionId == null ? null : running.get(executionId);
        if (s != null) {
            s.connectionClosed = closed;
        }
    }

    /** A field or the whole execution failed. */
    public void failed(String executionId) {
        Started s = executionId == null ? null : running.get(executionId);
        if (s != null && !"rejected".equals(s.outcome)) {
            s.outcome = "error";
        }
    }

    /** An operation that failed validation or a query limit: it never ran. Must not throw (it runs inside graphql-java). */
    public void rejected(String executionId) {
        Started s = executionId == null ? null : running.get(executionId);
        if (s != null) {
            s.outcome = "rejected";
        }
    }

    /**
     * The client closed its connection while the request ran. Quarkus then ends the request's context, so whatever the
     * resolvers still do fails (ContextNotActiveException): those failures are the client's leaving, not the server's
     * faults, and the request is counted and logged as {@code cancelled} instead of {@code error}.
     */
    public void clientGone(String executionId) {
        Started s = executionId == null ? null : running.get(executionId);
        if (s != null) {
            s.clientGone = true;
        }
    }

    /** Whether the client of a running request has closed its connection. */
    public boolean isClientGone(String executionId) {
        Started s = executionId == null ? null : running.get(executionId);
        return s != null && s.clientGone();
    }

    public void after(Context context) {
        // an observer that throws would break the request it observes: measuring must never cost an answer
        try {
            record(context);
        } catch (RuntimeException e) {
            LOG.debug("request not measured", e);
        }
    }

    private static String operationType(Context context) {
        String type = context.getOperationType();
        if (type != null) {
            return type.toLowerCase(java.util.Locale.ROOT);
        }
        String query = context.getQuery() == null ? "" : context.getQuery().stripLeading();
        return query.startsWith("mutation") ? "mutation" : query.startsWith("subscription") ? "subscription" : "query";
    }

    private static final java.util.regex.Pattern NAMED_OPERATION =
            java.util.regex.Pattern.compile("^\\s*(?:#[^\\n]*\\n\\s*)*(?:query|mutation|subscription)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    /** Most clients name the operation only in the document ("query Newest { ... }"), not in operationName. */
    static String nameInDocument(String query) {
        if (query == null) {
            return "anonymous";
        }
        java.util.regex.Matcher m = NAMED_OPERATION.matcher(query);
        return m.find() ? m.group(1) : "anonymous";
    }

    private void record(Context context) {
        Started s = context.getExecutionId() == null ? null : running.remove(context.getExecutionId());
        if (s == null) {
            return;
        }
        long nanos = System.nanoTime() - s.nanos;
        String operation = context.getOperationName().filter(n -> !n.isBlank())
                .orElseGet(() -> nameInDocument(context.getQuery()));
        // a refused operation never ran, so a client leaving during it changed nothing
        String outcome = s.clientGone() && !"rejected".equals(s.outcome) ? "cancelled" : s.outcome;
        record(operation, operationType(context), outcome, nanos);
    }

    /**
     * A query answered without SmallRye's execution ({@link CompiledOperations}), started at {@code startNanos}: the
     * same timer and log line as one that went through it, {@code cancelled} when the client had gone before the answer
     * could be sent.
     */
    public void answeredDirectly(String operationName, String query, long startNanos, boolean clientGone) {
        try {
            String operation = operationName != null && !operationName.isBlank() ? operationName : nameInDocument(query);
            record(operation, "query", clientGone ? "cancelled" : "success", System.nanoTime() - startNanos);
        } catch (RuntimeException e) {
            LOG.debug("request not measured", e);
        }
    }

    void record(String operation, String type, String outcome, long nanos) {
        timer(label(operation), type, outcome).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            // concatenated, not printf-formatted: java.util.Formatter was a third of this line's cost, on every request
            LOG.info("graphql " + type + " " + operation + " " + outcome + " " + Math.round(nanos / 1e5) / 10.0 + " ms"
                    + ("cancelled".equals(outcome) ? " (the client closed the connection before the answer)" : ""));
        }
    }

    /**
     * An operation's timer. The first request of an operation registers the timers of all its outcomes, so that an
     * operation's error and cancellation series exist at zero from then on (a rate of errors reads 0, not "no data"),
     * and the meters are all made while the operation is new rather than on its first failure, later.
     */
    private Timer timer(String label, String type, String outcome) {
        Timer timer = timers.get(new TimerKey(label, type, outcome));
        if (timer != null) {
            return timer;
        }
        for (String other : OUTCOMES) {
            timers.computeIfAbsent(new TimerKey(label, type, other), this::register);
        }
        return timers.computeIfAbsent(new TimerKey(label, type, outcome), this::register);
    }

    private Timer register(TimerKey k) {
        return Timer.builder("quoteline.graphql.requests")
                .description("GraphQL requests by operation name, type and outcome")
                .tag("operation", k.operation()).tag("type", k.type()).tag("outcome", k.outcome())
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /**
     * The operation's metric label. Clients choose operation names, so only plain identifiers of at most 64 characters
     * are labels ({@code invalid} otherwise), and only the first {@link #MAX_OPERATION_LABELS} distinct names get
     * series of their own: every later name counts as {@code other}. Each name costs a handful of timers with their
     * percentile histograms (about 6 kB each), so a client sending ever new names would otherwise grow the heap and
     * the metrics page without bound.
     */
    String label(String operation) {
        if (operation.length() > 64 || !VALID_LABEL.matcher(operation).matches()) {
            return "invalid";
        }
        if (labelled.contains(operation)) {
            return operation;
        }
        synchronized (labelled) {
            if (labelled.contains(operation) || labelled.size() < MAX_OPERATION_LABELS) {
                labelled.add(operation);
                return operation;
            }
        }
        return OTHER_OPERATIONS;
    }
}
