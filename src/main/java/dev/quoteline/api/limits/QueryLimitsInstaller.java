package dev.quoteline.api.limits;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Installs {@link QueryLimits} as graphql-java's instrumentation. SmallRye GraphQL hands the GraphQL builder to its
 * eventing services just before building ({@link dev.quoteline.api.ExecutionEvents} calls this); it has already set its
 * own chain (the query cache among it), which has no getter, so it is read reflectively. A chain of the query cache
 * alone becomes part of the limits; any other chain is kept behind them.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by ExecutionEvents, which CDI does not see
public class QueryLimitsInstaller {
    @ConfigProperty(name = "quoteline.graphql.max-depth", defaultValue = "12")
    int maxDepth;
    @ConfigProperty(name = "quoteline.graphql.max-cost", defaultValue = "25000")
    long maxCost;
    @ConfigProperty(name = "quoteline.graphql.max-aliases", defaultValue = "100")
    int maxAliases;

    @jakarta.inject.Inject
    dev.quoteline.api.RequestObserver requests;

    /** The limits when they are graphql-java's only instrumentation (nothing else observes an execution), else null. */
    private volatile QueryLimits sole;

    public QueryLimits soleInstrumentation() {
        return sole;
    }

    public void install(GraphQL.Builder builder) {
        // graphql-java's parser gives up at 500 grammar rules (about 100 fields deep) with a message SmallRye reduces
        // to "Unparseable input document". Parsing deeper (the token limit still bounds the work) lets the depth limit
        // answer instead, naming itself.
        graphql.parser.ParserOptions defaults = graphql.parser.ParserOptions.getDefaultOperationParserOptions();
        graphql.parser.ParserOptions.setDefaultOperationParserOptions(defaults.transform(o -> o.maxRuleDepth(
                Math.max(defaults.getMaxRuleDepth(), 3000))));
        Instrumentation existing = existing(builder);
        Instrumentation cache = onlyQueryCache(existing);
        if (cache != null || existing == null) {
            QueryLimits limits = new QueryLimits(maxDepth, maxCost, maxAliases, requests::rejected, cache);
            builder.instrumentation(limits);
            sole = limits;
            return;
        }
        sole = null;
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new QueryLimits(maxDepth, maxCost, maxAliases, requests::rejected));
        chain.add(existing);
        builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /**
     * SmallRye's chain when it holds nothing but its query cache (no complexity or depth limit of SmallRye's own, no
     * federation tracing): the cache, which acts only once validation is done. Otherwise null.
     */
    private static Instrumentation onlyQueryCache(Instrumentation existing) {
        if (existing instanceof ChainedInstrumentation chained && chained.getInstrumentations().size() == 1
                && chained.getInstrumentations().get(0) instanceof io.smallrye.graphql.execution.QueryCache cache) {
            return cache;
        }
        return null;
    }

    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            return (Instrumentation) field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // dropping SmallRye's chain silently would lose its query cache: better not to start
            throw new IllegalStateException("Cannot install the query limits: graphql-java's GraphQL.Builder changed", e);
        }
    }
}
