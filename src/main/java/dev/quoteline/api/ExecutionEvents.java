package dev.quoteline.api;

import dev.quoteline.api.limits.QueryLimitsInstaller;
import dev.quoteline.http.DirectAnswer;
import dev.quoteline.http.ExecutionOutcome;
import graphql.GraphQL;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * Hands SmallRye GraphQL's execution events to the beans that act on them, by plain calls. SmallRye's own bridge to CDI
 * events ({@code quarkus.smallrye-graphql.events.enabled}) resolves the observers of every event anew (a new
 * {@code Event}, a new notifier, a walk over every observer method of the application) and fires before and after
 * every resolver call: about a tenth of the server's CPU on a 50-entry timeline page (async-profiler), for events
 * nothing here observes. The calls below are the ones the CDI observers used to receive.
 * Registered through {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; no configuration key, so it is
 * always on.
 */
public class ExecutionEvents implements EventingService {
    private record Beans(RequestObserver requests, ExecutionOutcome outcome, QueryLimitsInstaller limits,
                         DirectAnswer answer) {
    }

    // ServiceLoader creates this before CDI can answer: the beans are looked up on first use
    private volatile Beans beans;

    private Beans beans() {
        Beans b = beans;
        if (b == null) {
            var arc = Arc.container();
            b = beans = new Beans(arc.instance(RequestObserver.class).get(), arc.instance(ExecutionOutcome.class).get(),
                    arc.instance(QueryLimitsInstaller.class).get(), arc.instance(DirectAnswer.class).get());
        }
        return b;
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        beans().limits().install(builder);
        ExecutionSchema.install(builder);
        return builder;
    }

    @Override
    public void beforeExecute(Context context) {
        Beans b = beans();
        // the request first: the outcome's watch of the connection is kept in its record
        b.requests().before(context);
        b.outcome().before(context);
    }

    @Override
    public void afterExecute(Context context) {
        Beans b = beans();
        b.outcome().after(context);
        b.requests().after(context);
        // last: it replaces the context's result once the answer has left
        b.answer().write(context);
    }

    @Override
    public void errorExecute(Context context, Throwable t) {
        beans().requests().failed(context.getExecutionId());
    }

    @Override
    public void errorDataFetch(Context context, Throwable t) {
        beans().requests().failed(context.getExecutionId());
    }
}
