package dev.quoteline.api;

import graphql.GraphQL;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.spi.config.Config;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.jboss.logging.Logger;

/**
 * The schema graphql-java executes against, made cheaper to execute than the one SmallRye builds; the answers stay the
 * same. It replaces SmallRye's fetcher of every batched field ({@code @Source List} resolvers) by one that only queues
 * the parent on the field's data loader (and sets the field visibility, see {@link #install}). SmallRye's {@code BatchDataFetcher} first builds its request context for each
 * parent (a context clone, the result path as text, the selected sub-fields as JSON, twice), fires an event and starts
 * a metrics measurement: on a 50-entry timeline page that was 150 context builds (speaker, article, roles of each
 * entry) and about a seventh of the server's CPU (async-profiler). The batch itself still runs through SmallRye's
 * loader, which builds the context once for the whole batch before calling the resolver, so resolvers see the same
 * context as before. Left alone when SmallRye's metrics or tracing are switched on: those are what the per-parent work
 * feeds.
 */
final class ExecutionSchema {
    private static final Logger LOG = Logger.getLogger(ExecutionSchema.class);

    private ExecutionSchema() {
    }

    /**
     * Puts the lean fetchers into the schema the builder will execute against. It also gives that schema graphql-java's
     * plain field visibility when the configured one is {@code default}: SmallRye treats the word as a pattern of
     * blocked field names, so every field lookup of every request ran a regular expression ("default" blocks nothing
     * here, no field has that name). With the lean fetchers it makes {@link DirectCompletion} the query strategy.
     */
    static void install(GraphQL.Builder builder) {
        boolean lean = !Config.get().isMetricsEnabled() && !Config.get().isTracingEnabled();
        boolean plainVisibility = Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility());
        if (!lean && !plainVisibility) {
            return;
        }
        try {
            Field schemaField = GraphQL.Builder.class.getDeclaredField("graphQLSchema");
            schemaField.setAccessible(true);
            GraphQLSchema schema = (GraphQLSchema) schemaField.get(builder);
            GraphQLCodeRegistry registry = schema.getCodeRegistry();
            Map<FieldCoordinates, DataFetcher<?>> replaced = new HashMap<>();
            List<Lean> leans = new java.util.ArrayList<>();
            for (GraphQLType type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLObjectType object) {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        DataFetcher<?> fetcher = registry.getDataFetcher(object, field);
                        if (lean && fetcher instanceof BatchDataFetcher<?> batch) {
                            Lean leanFetcher = Lean.of(batch, PrefetchedAnswers.of(object.getName(), field.getName()));
                            leans.add(leanFetcher);
                            replaced.put(FieldCoordinates.coordinates(object, field), leanFetcher);
                        }
                    }
                }
            }
            GraphQLCodeRegistry transformed = registry.transform(b -> {
                replaced.forEach(b::dataFetcher);
                if (plainVisibility) {
                    b.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY);
                }
            });
            GraphQLSchema executed = schema.transformWithoutTypes(b -> b.codeRegistry(transformed));
            builder.schema(executed);
            if (lean) {
                boolean direct = installDirectCompletion(builder);
                LazyDataLoaders.install(builder, leans);
                CompiledOperations.schemaBuilt(direct ? executed : null);
            } else {
                CompiledOperations.schemaBuilt(null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // SmallRye's fetchers and visibility still answer correctly, only slower: worth a warning, not a failed start
            LOG.warn("Batched fields keep SmallRye's fetcher and field visibility (its internals changed?): " + e);
        }
    }

    /**
     * Makes {@link DirectCompletion} the query strategy, with the data fetcher exception handler SmallRye gave the
     * builder (graphql-java hands it to the default strategy only when no strategy is set). A strategy someone else
     * set is kept.
     */
    private static boolean installDirectCompletion(GraphQL.Builder builder) {
        try {
            Field strategy = GraphQL.Builder.class.getDeclaredField("queryExecutionStrategy");
            strategy.setAccessible(true);
            if (strategy.get(builder) != null) {
                LOG.info("Query strategy set elsewhere: plain fields are completed by graphql-java's own");
                return false;
            }
            Field handler = GraphQL.Builder.class.getDeclaredField("defaultExceptionHandler");
            handler.setAccessible(true);
            builder.queryExecutionStrategy(new DirectCompletion((DataFetcherExceptionHandler) handler.get(builder)));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // graphql-java's own strategy answers the same, only slower
            LOG.warn("Plain fields are completed by graphql-java's own strategy (its builder changed?): " + e);
            return false;
        }
    }

    /**
     * {@code BatchDataFetcher.get} without the per-parent context, event and measurement; a parent that already carries
     * the answer ({@link PrefetchedAnswers}) gets it at once, without a data loader or even a fetching environment.
     */
    static final class Lean implements LightDataFetcher<Object> {
        private final ArgumentHelper arguments;
        private final String loaderName;
        private final Function<Object, Object> carried;
        /** Where this field's loader comes from once loaders are made on demand; until then, graphql-java's registry. */
        private volatile LazyDataLoaders lazy;

        Lean(ArgumentHelper arguments, String loaderName, Function<Object, Object> carried) {
            this.arguments = arguments;
            this.loaderName = loaderName;
            this.carried = carried;
        }

        static Lean of(BatchDataFetcher<?> batch, Function<Object, Object> carried) throws ReflectiveOperationException {
            return new Lean((ArgumentHelper) read(batch, "argumentHelper"), (String) read(batch, "batchLoaderName"),
                    carried);
        }

        private static Object read(BatchDataFetcher<?> batch, String name) throws ReflectiveOperationException {
            Field f = BatchDataFetcher.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(batch);
        }

        String loaderName() {
            return loaderName;
        }

        void useLoadersOf(LazyDataLoaders loaders) {
            lazy = loaders;
        }

        /** Whether some parents carry this field's answer (then it may answer without its data loader). */
        boolean answersFromParent() {
            return carried != null;
        }

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            if (carried != null && source != null) {
                Object answer = carried.apply(source);
                if (answer != PrefetchedAnswers.NOT_CARRIED) {
                    return answer;
                }
            }
            return get(environment.get());
        }

        @Override
        public Object get(DataFetchingEnvironment dfe) throws Exception {
            List<Object> transformedArguments = arguments.getArguments(dfe, true);
            LazyDataLoaders loaders = lazy;
            DataLoader<Object, Object> loader = loaders == null ? dfe.getDataLoader(loaderName)
                    : loaders.loader(dfe, loaderName);
            Map<String, Object> batchContext = new HashMap<>(4);
            batchContext.put(BatchLoaderHelper.ARGUMENTS, transformedArguments);
            batchContext.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, dfe);
            return loader.load(dfe.getSource(), batchContext);
        }
    }
}
