package dev.quoteline.api;

import dev.quoteline.api.limits.QueryLimits;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.execution.TypeResolutionParameters;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.schema.TypeResolver;
import io.smallrye.graphql.execution.resolver.InterfaceResolver;
import io.smallrye.graphql.execution.resolver.UnionResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * graphql-java's query strategy with a direct path for objects whose selected fields are all plain reads: getters
 * ({@link PlainFieldFetchers}) and batched fields whose parent already carries the answer ({@link PrefetchedAnswers}).
 * Such an object is completed by one loop over a plan made once per selection and type (the collected fields, their
 * definitions, fetchers and types), instead of graphql-java's per-field machinery: a step info, parameters, a fetched
 * value and a value info per field, the data loader dispatcher's lock per field, and the selection collected again for
 * every object of a page. On a 50-entry timeline page that machinery is most of the server's CPU (some 800 fields).
 * <p>
 * The direct path gives the answer graphql-java would, or none: on anything it does not handle itself (a null in a
 * non-null field, a fetcher that throws or needs its environment, a future, a coercion problem, a selection with
 * directives, a type resolved by value) it gives up on that object, and graphql-java completes it as always, with its
 * errors, null propagation and data loaders. The getters it runs are pure reads, so running them again costs time only.
 * It is used only when nothing observes fields one by one: no field-level instrumentation, no {@code @defer}, no
 * result-node limit. A directly completed object is reported to the data loader dispatcher as a finished value, so the
 * dispatcher neither waits for nor counts fetches below it.
 */
final class DirectCompletion extends AsyncExecutionStrategy {
    /** Plans by selection and type; a bound, since a client can send any number of distinct documents. */
    private static final int MAX_PLANS = 4096;

    private final Map<PlanKey, Plan> plans = new ConcurrentHashMap<>();

    DirectCompletion(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        GraphQLType type = parameters.getExecutionStepInfo().getUnwrappedNonNullType();
        if (!GraphQLTypeUtil.isList(type) && !GraphQLTypeUtil.isLeaf(type) && applies(context)) {
            Object direct = completeObject(context, parameters.getField(), (GraphQLOutputType) type,
                    context.getValueUnboxer().unbox(parameters.getSource()));
            if (direct != GIVE_UP && direct != null) {
                // a finished value to the dispatcher: no object below it to wait for
                return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, direct);
            }
        }
        return super.completeValue(context, parameters);
    }

    private static boolean applies(ExecutionContext context) {
        var instrumentation = context.getInstrumentation();
        return (instrumentation instanceof QueryLimits || instrumentation == SimplePerformantInstrumentation.INSTANCE)
                && !context.hasIncrementalSupport() && !context.isSubscriptionOperation()
                && context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null;
    }

    /** Signals that the direct path gives up; no stack trace, it is control flow. */
    private static final Object GIVE_UP = new Object();

    private static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("the direct path gives up", null, false, false);
        }
    }

    /** Handed to fetchers in place of their environment: one that asks for it is left to graphql-java. */
    private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
        throw GiveUp.INSTANCE;
    };

    private Object complete(ExecutionContext context, MergedField field, GraphQLOutputType type, Object raw) {
        boolean nonNull = GraphQLTypeUtil.isNonNull(type);
        GraphQLOutputType inner = nonNull ? (GraphQLOutputType) ((GraphQLNonNull) type).getWrappedType() : type;
        Object value = context.getValueUnboxer().unbox(raw);
        if (value == null) {
            return nonNull ? GIVE_UP : null;
        }
        Object completed;
        if (inner instanceof GraphQLScalarType scalar) {
            completed = scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale());
        } else if (inner instanceof GraphQLEnumType enumType) {
            completed = enumType.serialize(value, context.getGraphQLContext(), context.getLocale());
        } else if (inner instanceof GraphQLList list) {
            completed = completeList(context, field, (GraphQLOutputType) list.getWrappedType(), value);
        } else {
            completed = completeObject(context, field, inner, value);
        }
        return completed == null && nonNull ? GIVE_UP : completed;
    }

    private Object completeList(ExecutionContext context, MergedField field, GraphQLOutputType itemType, Object value) {
        if (!(value instanceof Collection<?> items)) {
            return GIVE_UP;
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            Object completed = complete(context, field, itemType, item);
            if (completed == GIVE_UP) {
                return GIVE_UP;
            }
            out.add(completed);
        }
        return out;
    }

    private Object completeObject(ExecutionContext context, MergedField field, GraphQLOutputType type, Object value) {
        if (value == null) {
            return null;
        }
        GraphQLObjectType objectType = objectType(context, type, value);
        if (objectType == null) {
            return GIVE_UP;
        }
        Plan plan = plan(context, field, objectType);
        if (plan == Plan.NONE) {
            return GIVE_UP;
        }
        Map<String, Object> out = new LinkedHashMap<>(plan.fields.length * 4 / 3 + 1);
        for (FieldPlan f : plan.fields) {
            Object completed;
            if (f.fetcher == null) {
                completed = objectType.getName(); // __typename
            } else {
                Object fetched;
                try {
                    fetched = f.fetcher.get(f.definition, value, NO_ENVIRONMENT);
                } catch (Exception e) {
                    return GIVE_UP; // graphql-java fetches it again and reports the error as it always does
                }
                if (fetched instanceof CompletionStage || fetched instanceof DataFetcherResult
                        || fetched instanceof org.reactivestreams.Publisher || fetched instanceof java.util.concurrent.Flow.Publisher) {
                    return GIVE_UP;
                }
                try {
                    completed = complete(context, f.field, f.definition.getType(), fetched);
                } catch (RuntimeException e) {
                    return GIVE_UP; // a coercion problem: graphql-java reports it
                }
                if (completed == GIVE_UP) {
                    return GIVE_UP;
                }
            }
            out.put(f.resultKey, completed);
        }
        return out;
    }

    private GraphQLObjectType objectType(ExecutionContext context, GraphQLOutputType type, Object value) {
        return objectType(context.getGraphQLSchema(), context.getGraphQLContext(), type, value);
    }

    /** The object type of a value; for a union or interface, only where SmallRye resolves it by the value's class. */
    static GraphQLObjectType objectType(graphql.schema.GraphQLSchema schema, graphql.GraphQLContext graphQLContext,
                                        GraphQLOutputType type, Object value) {
        if (type instanceof GraphQLObjectType object) {
            return object;
        }
        var registry = schema.getCodeRegistry();
        TypeResolver resolver = type instanceof GraphQLUnionType union ? registry.getTypeResolver(union)
                : type instanceof GraphQLInterfaceType anInterface ? registry.getTypeResolver(anInterface) : null;
        if (!(resolver instanceof UnionResolver) && !(resolver instanceof InterfaceResolver)) {
            return null;
        }
        try {
            return resolver.getType(TypeResolutionParameters.newParameters().value(value).fieldType(type)
                    .schema(schema).graphQLContext(graphQLContext)
                    .argumentValues(Map::of).build());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Plan plan(ExecutionContext context, MergedField field, GraphQLObjectType type) {
        PlanKey key = new PlanKey(field, type);
        Plan plan = plans.get(key);
        if (plan == null) {
            plan = Plan.of(context, field, type, fieldCollector);
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    /** Whether a fetcher only reads its parent (see {@link Plan#plain}). */
    static boolean plainFetcher(DataFetcher<?> fetcher) {
        return Plan.plain(fetcher);
    }

    /** A selection (the query's own field nodes, compared by identity) on one object type. */
    private record PlanKey(MergedField field, GraphQLObjectType type) {
    }

    private record FieldPlan(String resultKey, MergedField field, GraphQLFieldDefinition definition,
                             LightDataFetcher<?> fetcher) {
    }

    private record Plan(FieldPlan[] fields) {
        static final Plan NONE = new Plan(new FieldPlan[0]);

        static Plan of(ExecutionContext context, MergedField field, GraphQLObjectType type,
                       graphql.execution.FieldCollector collector) {
            // without directives the collected fields depend only on the document and the type, not on variables
            for (Field node : field.getFields()) {
                if (!withoutDirectives(node.getSelectionSet(), context.getFragmentsByName())) {
                    return NONE;
                }
            }
            MergedSelectionSet selected = collector.collectFields(FieldCollectorParameters.newParameters()
                    .schema(context.getGraphQLSchema()).objectType(type).fragments(context.getFragmentsByName())
                    .variables(context.getCoercedVariables().toMap()).graphQLContext(context.getGraphQLContext())
                    .build(), field, false);
            List<FieldPlan> fields = new ArrayList<>(selected.size());
            for (String resultKey : selected.getKeys()) {
                MergedField sub = selected.getSubField(resultKey);
                if (!sub.getArguments().isEmpty()) {
                    return NONE;
                }
                if (sub.getName().equals("__typename")) {
                    fields.add(new FieldPlan(resultKey, sub, null, null));
                    continue;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(sub.getName());
                if (definition == null) {
                    return NONE;
                }
                DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(type, definition);
                if (!plain(fetcher)) {
                    return NONE;
                }
                fields.add(new FieldPlan(resultKey, sub, definition, (LightDataFetcher<?>) fetcher));
            }
            return new Plan(fields.toArray(FieldPlan[]::new));
        }

        /** Fetchers known to read the parent only: a getter, or a batched field that answers from what the parent carries. */
        static boolean plain(DataFetcher<?> fetcher) {
            return fetcher instanceof PlainFieldFetchers.Getter<?>
                    || fetcher instanceof ExecutionSchema.Lean lean && lean.answersFromParent();
        }

        private static boolean withoutDirectives(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
            if (selections == null) {
                return true;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field f) {
                    if (!f.getDirectives().isEmpty()) {
                        return false;
                    }
                } else if (selection instanceof InlineFragment inline) {
                    if (!inline.getDirectives().isEmpty() || !withoutDirectives(inline.getSelectionSet(), fragments)) {
                        return false;
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition definition = fragments.get(spread.getName());
                    if (!spread.getDirectives().isEmpty() || definition == null || !definition.getDirectives().isEmpty()
                            || !withoutDirectives(definition.getSelectionSet(), fragments)) {
                        return false;
                    }
                } else {
                    return false;
                }
            }
            return true;
        }
    }
}
