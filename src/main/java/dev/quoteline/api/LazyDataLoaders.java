package dev.quoteline.api;

import dev.quoteline.api.limits.QueryLimits;
import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.jboss.logging.Logger;

/**
 * Makes a batched field's data loader when a request first needs it, instead of one for every batched field of the
 * schema on every request. SmallRye builds all of them (22 here) before each execution, and graphql-java then
 * dispatches every one of them at every level of the result: on a 50-entry timeline page, which needs none (its
 * speakers, articles and roles come with its own statement), that was about 3 % of the request threads' CPU
 * (async-profiler, W1: building them 2 %, dispatching them 1.1 %).
 * <p>
 * The batch loaders come from SmallRye's factory, as SmallRye makes them, one data loader per field and set of
 * arguments (see {@link #loader}), registered in a registry each request gets from {@link QueryLimits}. SmallRye's
 * execution service builds its loaders from its schema model's batch operations, so those are taken out of the model
 * here, once, after the executable schema is built from it. It happens only when every
 * batched field has a {@link ExecutionSchema.Lean} fetcher (which asks for its loader through this class) and
 * {@link QueryLimits} is the instrumentation; otherwise SmallRye's loaders are left as they are.
 */
final class LazyDataLoaders {
    private static final Logger LOG = Logger.getLogger(LazyDataLoaders.class);

    /** Whether the running schema's loaders are made on demand (the tests check that they are). */
    private static volatile boolean installed;

    private final Map<String, Operation> operations;
    private final Map<String, Type> types;
    private final DataFetcherFactory factory = new DataFetcherFactory();

    private LazyDataLoaders(Map<String, Operation> operations, Map<String, Type> types) {
        this.operations = operations;
        this.types = types;
    }

    /** Takes over the loaders of {@code leans} when it safely can; true when it did. */
    static boolean install(GraphQL.Builder builder, Collection<ExecutionSchema.Lean> leans) {
        try {
            Field instrumentation = GraphQL.Builder.class.getDeclaredField("instrumentation");
            instrumentation.setAccessible(true);
            if (!(instrumentation.get(builder) instanceof QueryLimits limits)) {
                return false;
            }
            Schema model = model();
            if (model == null || !model.hasTypes()) {
                return false;
            }
            BatchLoaderHelper names = new BatchLoaderHelper();
            Map<String, Operation> operations = new HashMap<>();
            for (Operation operation : model.getBatchOperations()) {
                operations.put(names.getName(operation), operation);
            }
            Set<String> lean = leans.stream().map(ExecutionSchema.Lean::loaderName).collect(Collectors.toSet());
            if (operations.isEmpty() || !lean.equals(operations.keySet())) {
                // a batched field without a lean fetcher would ask graphql-java for its loader directly
                return false;
            }
            LazyDataLoaders lazy = new LazyDataLoaders(Map.copyOf(operations), Map.copyOf(model.getTypes()));
            limits.giveEachRequestARegistry();
            for (ExecutionSchema.Lean l : leans) {
                l.useLoadersOf(lazy);
            }
            for (Type type : model.getTypes().values()) {
                if (type.hasBatchOperations()) {
                    type.setBatchOperations(new LinkedHashMap<>());
                }
            }
            installed = true;
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Every request keeps a data loader for every batched field (SmallRye's internals changed?): " + e);
            return false;
        }
    }

    static boolean installed() {
        return installed;
    }

    /** The model SmallRye's execution service builds its loaders from. */
    private static Schema model() throws ReflectiveOperationException {
        ExecutionService service = Arc.container().instance(ExecutionService.class).get();
        if (service == null) {
            return null;
        }
        Field schema = ExecutionService.class.getDeclaredField("schema");
        schema.setAccessible(true);
        return (Schema) schema.get(service);
    }

    /**
     * The request's loader for this field with these arguments, made and registered on first use. One loader per
     * distinct set of arguments: SmallRye's batch loader calls the resolver once per batch with the arguments of the
     * batch's first parent, so the same field asked twice on a parent with other arguments (aliases such as
     * {@code one: timeline(first: 1) three: timeline(first: 3)}) got the first one's answer twice when both shared
     * SmallRye's single loader per field.
     */
    @SuppressWarnings("unchecked")
    DataLoader<Object, Object> loader(DataFetchingEnvironment dfe, String name) {
        String key = name;
        Map<String, Object> arguments = dfe.getArguments();
        if (!arguments.isEmpty()) {
            Names names = dfe.getGraphQlContext().computeIfAbsent(Names.class, k -> new Names());
            // compared by value: the coerced arguments are scalars, lists and maps
            key = names.byArguments.computeIfAbsent(Arrays.asList(name, new HashMap<>(arguments)),
                    k -> name + "#" + names.next.incrementAndGet());
        }
        return (DataLoader<Object, Object>) dfe.getDataLoaderRegistry().computeIfAbsent(key,
                k -> DataLoaderFactory.newDataLoader(batchLoader(operations.get(name))));
    }

    /** A request's loader names by field and arguments (kept in the request's GraphQL context). */
    private static final class Names {
        final Map<List<Object>, String> byArguments = new ConcurrentHashMap<>();
        final AtomicInteger next = new AtomicInteger();
    }

    /** As SmallRye's {@code ExecutionService.getDataLoaderForOperation} makes it. */
    private BatchLoaderWithContext<Object, Object> batchLoader(Operation operation) {
        return factory.getSourceBatchLoader(operation, types.get(operation.getName()));
    }
}
