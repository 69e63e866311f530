package dev.quoteline.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.quoteline.api.limits.QueryLimits;
import dev.quoteline.api.limits.QueryLimitsInstaller;
import dev.quoteline.http.DirectAnswer;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.DataFetcherResult;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.RawVariables;
import graphql.execution.ValueUnboxer;
import graphql.execution.ValuesResolver;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.graphql.spi.config.Config;
import io.smallrye.graphql.spi.config.LogPayloadOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers the commonest request, a page of the timeline, from a plan made once per document instead of through
 * SmallRye GraphQL and graphql-java's execution. After the twelve earlier rounds of the README's "Performance", those
 * two layers (building the execution input, the context, the execution strategy's bookkeeping, the result maps, SmallRye
 * parsing the body again as JSON-P) were about a third of the server's CPU on a 50-entry page, spread over many small
 * items. A document is planned when it is first seen: parsed and validated against the schema graphql-java executes,
 * and taken only if its one operation is a query whose one root field is {@code timeline}, without directives, whose
 * every field below is a plain read ({@link DirectCompletion}'s test: getters, and batched fields whose parent carries
 * the answer) without arguments. Each request then coerces its variables and the root field's arguments with
 * graphql-java's own code, checks the query limits as {@link QueryLimits} would, calls the same resolver, and streams
 * the fields in the order graphql-java would put them, through the same fetchers and scalar coercions, straight into the
 * JSON bytes ({@link DirectAnswer}'s writer).
 * <p>
 * It answers as the full path would, or not at all: anything it does not handle itself (a variable that does not
 * coerce, an input object SmallRye would convert, a query over a limit, a resolver that throws, a null in a non-null
 * field, a fetcher that asks for its environment) gives {@code null}, and the caller hands the request to SmallRye
 * unchanged, which answers it, errors included, as before. A query reads only, so running part of it twice costs time,
 * never data. It is used only while nothing else observes executions: SmallRye's metrics, tracing, payload logging and
 * CDI events off, and the query limits graphql-java's only instrumentation. {@code quoteline.graphql.compiled-operations}
 * switches it off.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class CompiledOperations {
    private static final Logger LOG = Logger.getLogger(CompiledOperations.class);
    /** A bound on remembered documents, since a client can send any number of distinct ones. */
    static final int MAX_DOCUMENTS = 1024;
    /** The root field's arguments this class passes on; a schema with others is left to SmallRye. */
    private static final Set<String> TIMELINE_ARGUMENTS = Set.of("filter", "first", "after", "last", "before", "orderBy");
    private static final Object NOT_PLANNED = new Object();

    /** The schema graphql-java executes, once {@link ExecutionSchema} has made it; null while it may not be used. */
    private static volatile GraphQLSchema executed;

    static void schemaBuilt(GraphQLSchema schema) {
        executed = schema;
    }

    @ConfigProperty(name = "quoteline.graphql.compiled-operations", defaultValue = "true")
    boolean configured;
    @ConfigProperty(name = "quarkus.smallrye-graphql.events.enabled", defaultValue = "false")
    boolean cdiEvents;
    @Inject
    QuotelineApi api;
    @Inject
    QueryLimitsInstaller limits;
    @Inject
    RequestObserver requests;

    /** For the tests, which compare both paths on one server. */
    volatile boolean switchedOn = true;
    private final LongAdder answered = new LongAdder();
    private final Map<PlanKey, Object> plans = new ConcurrentHashMap<>();
    private final PlainInputArguments inputs = new PlainInputArguments(List.of());
    private final FieldCollector collector = new FieldCollector();

    private record PlanKey(GraphQLSchema schema, String query, String operationName) {
    }

    /** How many requests were answered here since the start. */
    public long answered() {
        return answered.sum();
    }

    /**
     * Whether a request for this document may be tried here: false when it never can (then the caller need not leave
     * its thread for a worker).
     */
    public boolean mayAnswer(String query, String operationName) {
        GraphQLSchema schema = executed;
        return schema != null && usable() && plans.get(new PlanKey(schema, query, operationName)) != NOT_PLANNED;
    }

    private boolean usable() {
        return configured && switchedOn && !cdiEvents && limits.soleInstrumentation() != null
                && !Config.get().isMetricsEnabled() && !Config.get().isTracingEnabled()
                && Config.get().logPayload() == LogPayloadOption.off;
    }

    /** A request answered here: its JSON ({@code {"data":…}}, UTF-8) and when it started. */
    public record Answer(byte[] body, long startNanos) {
    }

    /**
     * The answer, or null when SmallRye must answer. Blocks: it reads the database. The caller sends it, then reports
     * it with {@link #sent}.
     */
    public Answer answer(String query, String operationName, Map<String, Object> variables) {
        long start = System.nanoTime();
        GraphQLSchema schema = executed;
        QueryLimits queryLimits = limits.soleInstrumentation();
        if (schema == null || queryLimits == null || !usable()) {
            return null;
        }
        Plan plan = plan(schema, query, operationName);
        if (plan == null) {
            return null;
        }
        try {
            GraphQLContext graphQLContext = GraphQLContext.newContext().build();
            Locale locale = Locale.getDefault();
            CoercedVariables coerced = ValuesResolver.coerceVariableValues(schema, plan.operation.getVariableDefinitions(),
                    RawVariables.of(variables == null ? Map.of() : variables), graphQLContext, locale);
            if (!queryLimits.allows(schema, plan.document, plan.operation.getName(), coerced)) {
                return null;
            }
            Map<String, Object> arguments = ValuesResolver.getArgumentValues(schema.getCodeRegistry(),
                    plan.root.getArguments(), plan.rootField.getSingleField().getArguments(), coerced, graphQLContext,
                    locale);
            byte[] body = run(plan, arguments, graphQLContext, locale);
            if (body == null) {
                return null;
            }
            answered.increment();
            return new Answer(body, start);
        } catch (RuntimeException e) {
            // SmallRye runs it again and reports whatever this was, as it always has
            LOG.debug("compiled operation left to SmallRye", e);
            return null;
        }
    }

    /** Logs and counts an answer as SmallRye's requests are; {@code clientGone} when it could not be sent. */
    public void sent(Answer answer, String query, String operationName, boolean clientGone) {
        requests.answeredDirectly(operationName, query, answer.startNanos(), clientGone);
    }

    private byte[] run(Plan plan, Map<String, Object> arguments, GraphQLContext graphQLContext, Locale locale) {
        Object filterValue = arguments.get("filter");
        TimelineFilter filter = null;
        if (filterValue instanceof Map<?, ?> map) {
            filter = (TimelineFilter) inputs.build(map, TimelineFilter.class.getName());
            if (filter == null) {
                return null; // a value SmallRye converts its own way (a date, say)
            }
        } else if (filterValue != null) {
            return null;
        }
        Object order = arguments.get("orderBy");
        EntryOrder orderBy;
        if (order == null || order instanceof EntryOrder) {
            orderBy = (EntryOrder) order;
        } else if (order instanceof String name) {
            orderBy = EntryOrder.valueOf(name);
        } else {
            return null;
        }
        if (!(arguments.get("first") == null || arguments.get("first") instanceof Integer)
                || !(arguments.get("last") == null || arguments.get("last") instanceof Integer)
                || !(arguments.get("after") == null || arguments.get("after") instanceof String)
                || !(arguments.get("before") == null || arguments.get("before") instanceof String)) {
            return null;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            TimelineConnection connection = api.timeline(filter, (Integer) arguments.get("first"),
                    (String) arguments.get("after"), (Integer) arguments.get("last"), (String) arguments.get("before"),
                    orderBy, plan.selected);
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            try (JsonGenerator json = DirectAnswer.generator(out)) {
                json.writeStartObject();
                json.writeFieldName("data");
                json.writeStartObject();
                json.writeFieldName(plan.rootKey);
                if (!new Renderer(plan.schema, graphQLContext, locale, json).object(plan.connection, connection)) {
                    return null;
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ plans

    private Plan plan(GraphQLSchema schema, String query, String operationName) {
        PlanKey key = new PlanKey(schema, query, operationName);
        Object plan = plans.get(key);
        if (plan == null) {
            try {
                plan = compile(schema, query, operationName);
            } catch (RuntimeException e) {
                LOG.debug("document left to SmallRye", e);
                plan = null;
            }
            if (plan == null) {
                plan = NOT_PLANNED;
            }
            if (plans.size() >= MAX_DOCUMENTS) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan instanceof Plan p ? p : null;
    }

    /** A document this class answers; null for any other, which SmallRye answers. */
    private Plan compile(GraphQLSchema schema, String query, String operationName) {
        // the options graphql-java's execution parses operations with (their limits on tokens and nesting included)
        Document document = new Parser().parseDocument(graphql.parser.ParserEnvironment.newParserEnvironment()
                .document(query).parserOptions(graphql.parser.ParserOptions.getDefaultOperationParserOptions()).build());
        if (hasDirective(document) || !new graphql.validation.Validator()
                .validateDocument(schema, document, Locale.getDefault()).isEmpty()) {
            return null;
        }
        OperationDefinition operation = null;
        int operations = 0;
        for (OperationDefinition candidate : document.getDefinitionsOfType(OperationDefinition.class)) {
            operations++;
            if (operationName == null ? true : operationName.equals(candidate.getName())) {
                operation = candidate;
            }
        }
        if (operation == null || operationName == null && operations != 1
                || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return null;
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(fragment.getName(), fragment);
        }
        GraphQLObjectType queryType = schema.getQueryType();
        MergedSelectionSet roots = collector.collectFields(parameters(schema, queryType, fragments),
                operation.getSelectionSet());
        if (roots.size() != 1) {
            return null;
        }
        String rootKey = roots.getKeys().get(0);
        MergedField rootField = roots.getSubField(rootKey);
        GraphQLFieldDefinition root = queryType.getFieldDefinition(rootField.getName());
        if (root == null || !rootField.getName().equals("timeline") || rootField.getFields().size() != 1
                || !(graphql.schema.GraphQLTypeUtil.unwrapNonNull(root.getType()) instanceof GraphQLObjectType connectionType)
                || !connectionType.getName().equals("TimelineConnection")) {
            return null;
        }
        for (GraphQLArgument argument : root.getArguments()) {
            if (!TIMELINE_ARGUMENTS.contains(argument.getName())) {
                return null;
            }
        }
        Compiler compiler = new Compiler(schema, fragments);
        ObjectPlan connection = compiler.object(connectionType, rootField);
        if (connection == null) {
            return null;
        }
        return new Plan(schema, document, operation, root, rootField, new SerializedString(rootKey), connection,
                new Selections.Selected(rootField.getFields(), fragments));
    }

    private static boolean hasDirective(Document document) {
        boolean[] found = {false};
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                found[0] = true;
                return TraversalControl.QUIT;
            }
        }, document);
        return found[0];
    }

    private static FieldCollectorParameters parameters(GraphQLSchema schema, GraphQLObjectType type,
                                                       Map<String, FragmentDefinition> fragments) {
        // without directives the collected fields depend only on the document and the type, not on variables
        return FieldCollectorParameters.newParameters().schema(schema).objectType(type).fragments(fragments)
                .variables(Map.of()).graphQLContext(GraphQLContext.newContext().build()).build();
    }

    private final class Compiler {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;

        Compiler(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
            this.schema = schema;
            this.fragments = fragments;
        }

        /** The plan of {@code field}'s selection on {@code type}; null when some field is not a plain read. */
        ObjectPlan object(GraphQLObjectType type, MergedField field) {
            MergedSelectionSet selected = collector.collectFields(parameters(schema, type, fragments), field, false);
            List<FieldPlan> fields = new ArrayList<>(selected.size());
            for (String resultKey : selected.getKeys()) {
                MergedField sub = selected.getSubField(resultKey);
                if (sub.getName().equals("__typename")) {
                    fields.add(new FieldPlan(new SerializedString(resultKey), null, null, null));
                    continue;
                }
                if (!sub.getArguments().isEmpty()) {
                    return null;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(sub.getName());
                if (definition == null) {
                    return null;
                }
                DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(type, definition);
                if (type.getName().equals("TimelineConnection") && sub.getName().equals("totalCount")
                        && fetcher instanceof LeanOperationFetchers.Fetcher<?, ?>) {
                    fetcher = TimelineTotal.INSTANCE;
                } else if (!DirectCompletion.plainFetcher(fetcher)) {
                    return null;
                }
                ValuePlan value = value(definition.getType(), sub);
                if (value == null) {
                    return null;
                }
                fields.add(new FieldPlan(new SerializedString(resultKey), definition, (LightDataFetcher<?>) fetcher,
                        value));
            }
            return new ObjectPlan(type.getName(), fields.toArray(FieldPlan[]::new));
        }

        private ValuePlan value(GraphQLOutputType type, MergedField field) {
            boolean nonNull = type instanceof GraphQLNonNull;
            GraphQLOutputType inner = nonNull ? (GraphQLOutputType) ((GraphQLNonNull) type).getWrappedType() : type;
            if (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) {
                return new ValuePlan(nonNull, inner, null, null);
            }
            if (inner instanceof GraphQLList list) {
                ValuePlan item = value((GraphQLOutputType) list.getWrappedType(), field);
                return item == null ? null : new ValuePlan(nonNull, inner, item, null);
            }
            List<GraphQLObjectType> possible = inner instanceof GraphQLObjectType object ? List.of(object)
                    : inner instanceof GraphQLUnionType union ? union.getTypes().stream()
                            .map(GraphQLObjectType.class::cast).toList()
                    : inner instanceof GraphQLInterfaceType anInterface ? schema.getImplementations(anInterface)
                    : null;
            if (possible == null) {
                return null;
            }
            Map<String, ObjectPlan> byType = new HashMap<>();
            for (GraphQLObjectType object : possible) {
                ObjectPlan plan = object(object, field);
                if (plan == null) {
                    return null;
                }
                byType.put(object.getName(), plan);
            }
            return new ValuePlan(nonNull, inner, null, byType);
        }
    }

    /**
     * {@code TimelineConnection.totalCount}: its resolver ({@link ConnectionCounts}) only reads the connection's count,
     * which runs its SQL on first use. It is a resolver so that the count runs on a worker thread, where a plan runs
     * anyway.
     */
    private static final class TimelineTotal implements LightDataFetcher<Integer> {
        static final TimelineTotal INSTANCE = new TimelineTotal();

        @Override
        public Integer get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
            return ((TimelineConnection) source).total();
        }

        @Override
        public Integer get(DataFetchingEnvironment environment) {
            return ((TimelineConnection) environment.getSource()).total();
        }
    }

    private record Plan(GraphQLSchema schema, Document document, OperationDefinition operation,
                        GraphQLFieldDefinition root, MergedField rootField, SerializedString rootKey,
                        ObjectPlan connection, Selections.Selected selected) {
    }

    /** An object's fields in answer order; a field without definition is {@code __typename}. */
    private record ObjectPlan(String typeName, FieldPlan[] fields) {
    }

    private record FieldPlan(SerializedString key, GraphQLFieldDefinition definition, LightDataFetcher<?> fetcher,
                             ValuePlan value) {
    }

    /** A leaf (scalar or enum), a list of {@code item}, or an object whose plan depends on its type ({@code byType}). */
    private record ValuePlan(boolean nonNull, GraphQLOutputType type, ValuePlan item, Map<String, ObjectPlan> byType) {
    }

    // --------------------------------------------------------------------------------------------- rendering

    /** Handed to fetchers in place of their environment: one that asks for it is left to SmallRye. */
    private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
        throw new GiveUp();
    };

    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super("left to SmallRye", null, false, false);
        }
    }

    /** Writes values by their plans; each method returns false when the full path must answer instead. */
    private static final class Renderer {
        private final GraphQLSchema schema;
        private final GraphQLContext graphQLContext;
        private final Locale locale;
        private final JsonGenerator json;

        Renderer(GraphQLSchema schema, GraphQLContext graphQLContext, Locale locale, JsonGenerator json) {
            this.schema = schema;
            this.graphQLContext = graphQLContext;
            this.locale = locale;
            this.json = json;
        }

        boolean object(ObjectPlan plan, Object source) throws IOException {
            json.writeStartObject();
            for (FieldPlan field : plan.fields) {
                json.writeFieldName(field.key);
                if (field.definition == null) {
                    json.writeString(plan.typeName);
                    continue;
                }
                Object fetched;
                try {
                    fetched = field.fetcher.get(field.definition, source, NO_ENVIRONMENT);
                } catch (Exception e) {
                    return false;
                }
                if (!value(field.value, fetched)) {
                    return false;
                }
            }
            json.writeEndObject();
            return true;
        }

        private boolean value(ValuePlan plan, Object raw) throws IOException {
            Object value = ValueUnboxer.DEFAULT.unbox(raw);
            if (value == null) {
                if (plan.nonNull) {
                    return false;
                }
                json.writeNull();
                return true;
            }
            if (value instanceof java.util.concurrent.CompletionStage || value instanceof DataFetcherResult
                    || value instanceof org.reactivestreams.Publisher || value instanceof java.util.concurrent.Flow.Publisher) {
                return false;
            }
            if (plan.type instanceof GraphQLScalarType scalar) {
                return leaf(plan, scalar.getCoercing().serialize(value, graphQLContext, locale));
            }
            if (plan.type instanceof GraphQLEnumType enumType) {
                return leaf(plan, enumType.serialize(value, graphQLContext, locale));
            }
            if (plan.item != null) {
                if (!(value instanceof Collection<?> items)) {
                    return false;
                }
                json.writeStartArray();
                for (Object item : items) {
                    if (!value(plan.item, item)) {
                        return false;
                    }
                }
                json.writeEndArray();
                return true;
            }
            GraphQLObjectType type = DirectCompletion.objectType(schema, graphQLContext, plan.type, value);
            ObjectPlan objectPlan = type == null ? null : plan.byType.get(type.getName());
            return objectPlan != null && object(objectPlan, value);
        }

        private boolean leaf(ValuePlan plan, Object serialized) throws IOException {
            if (serialized == null) {
                if (plan.nonNull) {
                    return false;
                }
                json.writeNull();
                return true;
            }
            return DirectAnswer.writeValue(json, serialized);
        }
    }
}
