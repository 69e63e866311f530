package dev.quoteline.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Data fetchers for plain getter fields (a record component, a getter, a public field): the value, transformed or
 * adapted exactly as SmallRye's own FieldDataFetcher does, but without populating SmallRye's per-field request context
 * first. That population (a context clone, the result path as a string and the selected sub-fields built twice as JSON)
 * ran for every scalar of every entry and was about a quarter of the server's CPU on a 50-entry timeline page (JFR);
 * nothing reads that context for plain getters, since resolvers with {@code @Source}, root operations and fields that
 * SmallRye converts keep SmallRye's fetchers and get their context as before.
 * Registered through {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}; every other kind of fetcher
 * is left to the services after this one (null means "not mine").
 */
public class PlainFieldFetchers implements DataFetcherService {
    @Override
    public Integer getPriority() {
        return 10;
    }

    @Override
    @SuppressWarnings("rawtypes") // the SPI method is declared with the raw type
    public PlugableDataFetcher getFieldDataFetcher(Field field, Type type, Reference owner) {
        // fields SmallRye transforms or adapts (dates and other scalars whose Java class differs from the GraphQL one,
        // formats, adapters) keep SmallRye's own fetcher: its transformers may depend on what it sets up first
        Reference ref = field.getReference();
        boolean converted = field.hasTransformation() || field.isAdaptingTo() || field.isAdaptingWith()
                || ref.getType() == io.smallrye.graphql.schema.model.ReferenceType.SCALAR
                && !ref.getClassName().equals(ref.getGraphQLClassName());
        if (!converted) {
            return new Getter<>(field, owner, true);
        }
        // A getter that returns text for a converted scalar (Article.publishedAt: a DateTime, written as a date alone
        // when the source gave no time of day) has already written the value: SmallRye's fetcher would cast it to the
        // member's Java type, fail, and log an error with its stack trace for every such value it serves.
        boolean adapted = field.isAdaptingTo() || field.isAdaptingWith();
        return !adapted && returnsText(field, owner) ? new Getter<>(field, owner, false) : null;
    }

    private static boolean returnsText(Field field, Reference owner) {
        if (field.getMethodName() == null) {
            return false;
        }
        try {
            Class<?> declaring = ClassloadingService.get().loadClass(owner.getClassName());
            return declaring.getMethod(field.getMethodName()).getReturnType() == String.class;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A {@link LightDataFetcher}: graphql-java then hands it the source and builds the field's
     * {@code DataFetchingEnvironment} only if asked (its selection-set collector, directives and builder were about 4 %
     * of a timeline page's request-thread CPU, spent on every scalar of every entry). The environment is asked for
     * only where SmallRye's response helper reads it: a map field's adapter (its {@code key} argument).
     */
    static final class Getter<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {
        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private final boolean needsEnvironment;
        private final boolean converts;
        private volatile MethodHandle accessor;

        Getter(Field field, Reference owner, boolean converts) {
            this.field = field;
            this.owner = owner;
            this.converts = converts;
            this.helper = new FieldHelper(field);
            this.needsEnvironment = field.hasWrapper() && field.getWrapper().isMap();
        }

        @Override
        public T get(DataFetchingEnvironment env) throws Exception {
            return value(env.getSource(), () -> env);
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> env) throws Exception {
            return value(source, env);
        }

        @SuppressWarnings("unchecked")
        private T value(Object source, Supplier<DataFetchingEnvironment> env) throws Exception {
            if (source == null) {
                return null;
            }
            MethodHandle h = accessor;
            if (h == null) {
                h = accessor = resolve();
            }
            Object value;
            try {
                value = h.invoke(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (!converts) {
                return (T) value;
            }
            return (T) helper.transformOrAdaptResponse(value, needsEnvironment ? env.get() : null);
        }

        /** The same member SmallRye's FieldDataFetcher reads: the getter named by the model, else the public field. */
        private MethodHandle resolve() throws ReflectiveOperationException {
            Class<?> declaring = ClassloadingService.get().loadClass(owner.getClassName());
            MethodHandle h;
            if (field.getMethodName() == null) {
                java.lang.reflect.Field f = declaring.getField(field.getPropertyName());
                f.setAccessible(true); // a public member of a package-private class, as reflection allowed before
                h = MethodHandles.lookup().unreflectGetter(f);
            } else {
                java.lang.reflect.Method m = declaring.getMethod(field.getMethodName());
                m.setAccessible(true);
                h = MethodHandles.lookup().unreflect(m);
            }
            return h.asType(MethodType.methodType(Object.class, Object.class));
        }
    }
}
