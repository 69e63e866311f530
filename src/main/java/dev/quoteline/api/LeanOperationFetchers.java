package dev.quoteline.api;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.validation.BeanValidationUtil;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.spi.config.Config;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import jakarta.json.JsonArray;
import jakarta.validation.ConstraintViolationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.BatchLoaderEnvironment;
import org.eclipse.microprofile.graphql.GraphQLException;
import org.jboss.logging.Logger;

/**
 * The fetchers of root operations and the batch loaders of {@code @Source List} resolvers: Quarkus's own
 * ({@link QuarkusDefaultDataFetcher}), with three costs taken out that nothing here needs paid on every request.
 * <ul>
 * <li>SmallRye builds each call's request context with the selected fields as JSON, twice (with and without source
 * fields), from graphql-java's selection set of the whole subtree, which makes graphql-java normalise the whole
 * operation first. For a timeline page's root field that was about 7.5 % of the server's CPU, and a batch's another
 * 2.5 % (async-profiler, W1), while only a resolver that asks {@code Context.getSelectedFields()} reads them, and none
 * here does. They are now built when first read ({@link LazySelectedFields}): the same arrays, for whoever asks.</li>
 * <li>SmallRye asks the fetcher services for a new batch loader for every {@code @Source List} operation on every
 * request (a new fetcher each: its field helper, invoker and argument helper; 2.6 % of the CPU on the same page). The
 * loaders hold no per-request state, as the root fetchers that SmallRye creates once already show, so one per
 * operation is kept here.</li>
 * <li>SmallRye converts every input object argument through JSON text ({@link PlainInputArguments}); plain ones are
 * now copied into their class directly.</li>
 * </ul>
 * Everything else (the other arguments, bean validation, error results, blocking dispatch, the request context) is Quarkus's
 * and SmallRye's code. Left to Quarkus's service when SmallRye's metrics or tracing are on (they keep per-fetcher
 * state), or when SmallRye's internals are not where this expects them (a warning at start). Registered through
 * {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService} with priority 0, ahead of Quarkus's (1).
 */
public class LeanOperationFetchers implements DataFetcherService {
    private static final Logger LOG = Logger.getLogger(LeanOperationFetchers.class);
    /** SmallRye's own builder of the selected-fields arrays; null when it cannot be reached. */
    private static final MethodHandle BUILD_SELECTED_FIELDS = selectedFieldsBuilder();

    /** By identity: two resolvers of the same name on different types are equal {@link Field}s. */
    private record Key(Operation operation, Type type) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.operation == operation && k.type == type;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(operation) * 31 + System.identityHashCode(type);
        }
    }

    private final Map<Key, Fetcher<?, ?>> fetchers = new ConcurrentHashMap<>();

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    @SuppressWarnings("rawtypes") // the SPI method is declared with the raw type
    public PlugableBatchableDataFetcher getDefaultDataFetcher(Operation operation, Type type) {
        if (BUILD_SELECTED_FIELDS == null || Config.get().isMetricsEnabled() || Config.get().isTracingEnabled()) {
            return null;
        }
        return fetchers.computeIfAbsent(new Key(operation, type), k -> new Fetcher<>(operation, type));
    }

    private static MethodHandle selectedFieldsBuilder() {
        try {
            var lookup = MethodHandles.privateLookupIn(SmallRyeContextManager.class, MethodHandles.lookup());
            return lookup.findStatic(SmallRyeContextManager.class, "buildSelectedFields", MethodType.methodType(
                    JsonArray.class, Type.class, DataFetchingEnvironment.class, Field.class, boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Root and batch fetchers stay Quarkus's own (SmallRye's context builder changed?): " + e);
            return null;
        }
    }

    static final class Fetcher<K, T> extends QuarkusDefaultDataFetcher<K, T> {
        Fetcher(Operation operation, Type type) {
            super(operation, type);
            argumentHelper = new PlainInputArguments(operation.getArguments());
        }

        /** SmallRye's {@code AbstractDataFetcher.get}, with the context built by {@link #context}. */
        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment dfe) throws Exception {
            SmallRyeContext context = context(type, operation, dfe);
            eventEmitter.fireBeforeDataFetch(context);
            DataFetcherResult.Builder<Object> resultBuilder = DataFetcherResult.newResult()
                    .localContext(dfe.getGraphQlContext());
            try {
                List<Object> arguments = argumentHelper.getArguments(dfe);
                return invokeAndTransform(context, dfe, resultBuilder, arguments.toArray());
            } catch (AbstractDataFetcherException e) {
                e.appendDataFetcherResult(resultBuilder, dfe);
                eventEmitter.fireOnDataFetchError(context, e);
            } catch (GraphQLException e) {
                errorResultHelper.appendPartialResult(resultBuilder, dfe, e);
                eventEmitter.fireOnDataFetchError(context, e);
            } catch (ConstraintViolationException e) {
                BeanValidationUtil.addConstraintViolationsToDataFetcherResult(e.getConstraintViolations(),
                        operationInvoker.getMethod(), resultBuilder, dfe);
                return (T) resultBuilder.build();
            } catch (Throwable e) {
                eventEmitter.fireOnDataFetchError(context, e);
                throw e;
            }
            return invokeFailure(resultBuilder);
        }

        /** SmallRye's {@code AbstractDataFetcher.load}, with the context built by {@link #context}. */
        @Override
        public CompletionStage<List<T>> load(List<K> keys, BatchLoaderEnvironment environment) {
            Map<String, Object> batchContext = batchLoaderHelper.getBatchContext(keys, environment);
            Object[] arguments = batchLoaderHelper.getArguments(batchContext);
            DataFetchingEnvironment dfe = batchLoaderHelper.getDataFetchingEnvironment(batchContext);
            try {
                context(type, operation, dfe);
                return invokeBatch(dfe, arguments);
            } finally {
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        }
    }

    /**
     * {@code SmallRyeContextManager.populateFromDataFetchingEnvironment}, field for field, except that the selected
     * fields are built on first read.
     */
    static SmallRyeContext context(Type type, Field field, DataFetchingEnvironment dfe) {
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (current == null) {
            current = SmallRyeContextManager.restoreSmallRyeContext(dfe);
        }
        if (!current.hasRequest()) {
            throw new RuntimeException("Invalid context provided, can not populate data from Data Fetching Environment");
        }
        SmallRyeContext clone = current.clone();
        clone.setDataFetchingEnvironment(dfe);
        clone.setField(field);
        clone.setArguments(dfe.getArguments());
        clone.setPath(dfe.getExecutionStepInfo().getPath().toString());
        clone.setExecutionId(dfe.getExecutionId().toString());
        clone.setFieldName(dfe.getField().getName());
        clone.setSource(dfe.getSource());
        clone.setSelectedFields(new LazySelectedFields(() -> selectedFields(type, dfe, field, false)));
        clone.setSelectedAndSourceFields(new LazySelectedFields(() -> selectedFields(type, dfe, field, true)));
        clone.setOperationType(dfe.getOperationDefinition().getOperation().toString());
        clone.setParentTypeName(typeName(dfe.getParentType()));
        if (clone.getOperationName().isEmpty()) {
            String name = dfe.getOperationDefinition().getName();
            clone.setOperationName(name == null || name.isEmpty() ? null : name);
        }
        dfe.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, clone);
        SmallRyeContextManager.restore(clone);
        return clone;
    }

    private static JsonArray selectedFields(Type type, DataFetchingEnvironment dfe, Field field, boolean withSource) {
        try {
            return (JsonArray) BUILD_SELECTED_FIELDS.invokeExact(type, dfe, field, withSource);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String typeName(GraphQLType type) {
        if (type instanceof GraphQLNamedType named) {
            return named.getName();
        } else if (type instanceof GraphQLNonNull nonNull) {
            return typeName(nonNull.getWrappedType());
        } else if (type instanceof GraphQLList list) {
            return typeName(list.getWrappedType());
        }
        return null;
    }
}
