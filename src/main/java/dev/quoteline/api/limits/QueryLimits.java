package dev.quoteline.api.limits;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses an operation before any resolver runs when it is too deep, too costly or uses too many aliases. The cost is
 * an upper bound on the objects an answer can hold: every field costs 1 plus what it selects, and a list multiplies
 * that by how many items it may return (a connection's first/last, default 20; another list's first, default 10). So
 * aliases and fragments count once per use, and 100 speakers x 100 statements x 100 co-speakers costs about a
 * million while a timeline page of 100 with speakers, roles and articles costs a few thousand.
 */
public final class QueryLimits extends SimplePerformantInstrumentation {
    static final int DEFAULT_CONNECTION_PAGE = 20;
    static final int DEFAULT_LIST_SIZE = 10;

    private final int maxDepth;
    private final long maxCost;
    private final int maxAliases;

    private final java.util.function.Consumer<String> refused;
    private final Instrumentation validationPartner;
    private final MeasureCache measures = new MeasureCache();

    /** {@code refused} hears the execution ID of every operation refused by validation or by a limit. */
    public QueryLimits(int maxDepth, long maxCost, int maxAliases, java.util.function.Consumer<String> refused) {
        this(maxDepth, maxCost, maxAliases, refused, null);
    }

    /**
     * As above, also passing the validation step to {@code validationPartner}, an instrumentation that watches nothing
     * else (SmallRye's query cache stores a document once it validated). One instrumentation instead of a chain of two:
     * graphql-java asks a chain for a context at every field of every result and skips the asking for a single
     * instrumentation that has nothing to say about fields (about 4 % of the server's CPU on a 50-entry page).
     */
    public QueryLimits(int maxDepth, long maxCost, int maxAliases, java.util.function.Consumer<String> refused,
                       Instrumentation validationPartner) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
        this.maxAliases = maxAliases;
        this.refused = refused;
        this.validationPartner = validationPartner;
    }

    /** Set once the schema's data loaders are made on demand ({@code LazyDataLoaders}): each request then needs a registry. */
    private volatile boolean registryPerRequest;

    /**
     * Gives every request an empty data loader registry of its own, into which its data loaders are put when it first
     * asks for them. Without one, graphql-java executes with its shared empty registry, which takes no loader.
     */
    public void giveEachRequestARegistry() {
        registryPerRequest = true;
    }

    @Override
    public graphql.ExecutionInput instrumentExecutionInput(graphql.ExecutionInput input,
            graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (registryPerRequest && input.getDataLoaderRegistry()
                == graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY) {
            return input.transform(b -> b.dataLoaderRegistry(new org.dataloader.DataLoaderRegistry()));
        }
        return input;
    }

    @Override
    public InstrumentationContext<java.util.List<graphql.validation.ValidationError>> beginValidation(
            graphql.execution.instrumentation.parameters.InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        graphql.execution.ExecutionId id = parameters.getExecutionInput().getExecutionId();
        InstrumentationContext<java.util.List<graphql.validation.ValidationError>> partner = validationPartner == null
                ? null : validationPartner.beginValidation(parameters, null);
        return new InstrumentationContext<>() {
            @Override
            public void onDispatched() {
                if (partner != null) {
                    partner.onDispatched();
                }
            }

            @Override
            public void onCompleted(java.util.List<graphql.validation.ValidationError> errors, Throwable failure) {
                if (partner != null) {
                    partner.onCompleted(errors, failure);
                }
                if (id != null && (failure != null || errors != null && !errors.isEmpty())) {
                    refused.accept(id.toString());
                }
            }
        };
    }

    /** What an operation would cost, as measured before it runs. */
    public record Measure(int depth, long cost, int aliases) {
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = measures.measure(context);
        if (measure.depth() > maxDepth || measure.aliases() > maxAliases || measure.cost() > maxCost) {
            refused.accept(context.getExecutionId().toString());
        }
        if (measure.depth() > maxDepth) {
            throw new QueryLimitException("QUERY_TOO_DEEP", "The query is " + measure.depth()
                    + " fields deep; the limit is " + maxDepth + " (quoteline.graphql.max-depth). Nothing was run.",
                    maxDepth, measure.depth());
        }
        if (measure.aliases() > maxAliases) {
            throw new QueryLimitException("TOO_MANY_ALIASES", "The query uses " + measure.aliases()
                    + " aliases; the limit is " + maxAliases + " (quoteline.graphql.max-aliases). Nothing was run.",
                    maxAliases, measure.aliases());
        }
        if (measure.cost() > maxCost) {
            throw new QueryLimitException("QUERY_TOO_COSTLY", "The query could return up to " + measure.cost()
                    + " objects; the limit is " + maxCost + " (quoteline.graphql.max-cost). Each list multiplies the "
                    + "cost of what it selects by its page size (first/last, default " + DEFAULT_CONNECTION_PAGE
                    + "): ask for smaller pages or fewer nested lists. Nothing was run.", maxCost, measure.cost());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * Whether an operation is within the limits, measured as {@link #beginExecuteOperation} measures it; for an
     * operation run without graphql-java's execution, which must still be refused exactly when this would refuse it.
     */
    public boolean allows(graphql.schema.GraphQLSchema schema, graphql.language.Document document,
                          String operationName, graphql.execution.CoercedVariables variables) {
        Measure measure = measures.measure(schema, document, operationName, variables);
        return measure.depth() <= maxDepth && measure.aliases() <= maxAliases && measure.cost() <= maxCost;
    }

    static Measure measure(QueryTraverser traverser) {
        Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
        long[] total = new long[1];
        int[] depthAndAliases = new int[2];
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                if (env.isTypeNameIntrospectionField()) {
                    // __typename is resolved without touching data; it costs nothing but still counts as an alias
                    countAlias(env);
                    return;
                }
                if (underIntrospection(env)) {
                    // schema introspection is bounded by the schema itself (and graphql-java's own introspection
                    // checks); GraphiQL's type query nests deeper than any data query needs
                    return;
                }
                countAlias(env);
                depthAndAliases[0] = Math.max(depthAndAliases[0], depth(env));
                long own = saturatedAdd(1, childCosts.getOrDefault(env, 0L));
                long cost = saturatedMultiply(own, multiplier(env));
                QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
                if (parent == null) {
                    total[0] = saturatedAdd(total[0], cost);
                } else {
                    childCosts.merge(parent, cost, QueryLimits::saturatedAdd);
                }
            }

            private void countAlias(QueryVisitorFieldEnvironment env) {
                if (env.getField().getAlias() != null) {
                    depthAndAliases[1]++;
                }
            }
        });
        return new Measure(depthAndAliases[0], total[0], depthAndAliases[1]);
    }

    private static boolean underIntrospection(QueryVisitorFieldEnvironment env) {
        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            String name = e.getField().getName();
            if (name.equals("__schema") || name.equals("__type")) {
                return true;
            }
        }
        return false;
    }

    private static int depth(QueryVisitorFieldEnvironment env) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    /** How many times a field's selection can repeat in the answer. */
    static long multiplier(QueryVisitorFieldEnvironment env) {
        GraphQLOutputType type = env.getFieldDefinition().getType();
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
            return 1;
        }
        QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
        String name = env.getField().getName();
        if (parent != null && (name.equals("edges") || name.equals("nodes"))
                && GraphQLTypeUtil.unwrapAll(parent.getFieldDefinition().getType()).getName().endsWith("Connection")) {
            return pageSize(parent.getArguments(), DEFAULT_CONNECTION_PAGE);
        }
        return pageSize(env.getArguments(), DEFAULT_LIST_SIZE);
    }

    private static long pageSize(Map<String, Object> arguments, int fallback) {
        Object first = arguments.get("first");
        Object last = arguments.get("last");
        long size = first instanceof Number n ? n.longValue() : last instanceof Number n ? n.longValue() : fallback;
        // a negative or absurd size is refused by the resolver with its own message; here it must not lower the cost
        return Math.max(1, size);
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
