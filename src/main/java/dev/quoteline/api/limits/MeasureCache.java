package dev.quoteline.api.limits;

import graphql.analysis.QueryTraverser;
import graphql.execution.ExecutionContext;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what {@link QueryLimits} measured for an operation. Walking an operation against the schema was 3–5 % of
 * the server's CPU on a timeline page (async-profiler, W1 and W2), for an answer that depends only on the document,
 * the operation's name and the few variables that can change it: those inside a {@code first} or {@code last}
 * argument (page sizes multiply the cost) and those inside a directive ({@code @skip}/{@code @include} remove
 * fields). A speaker's timeline asked for another speaker is the same measure. Documents are told apart by identity:
 * SmallRye's query cache hands out the same parsed document for the same query text, and a document it did not cache
 * simply misses here. Both maps are bounded by being emptied when full, which a working set of a few hundred
 * operations never reaches.
 */
final class MeasureCache {
    static final int MAX_ENTRIES = 512;

    private record Key(Document document, String operationName, List<Object> variables) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.document == document && java.util.Objects.equals(k.operationName,
                    operationName) && k.variables.equals(variables);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(document) * 31 + java.util.Objects.hashCode(operationName)) * 31
                    + variables.hashCode();
        }
    }

    /** Per document (by identity), the names of the variables that can change its measure, in a fixed order. */
    private final Map<Document, List<String>> relevantVariables = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());
    private final Map<Key, QueryLimits.Measure> measures = new ConcurrentHashMap<>();

    QueryLimits.Measure measure(ExecutionContext context) {
        return measure(context.getGraphQLSchema(), context.getDocument(), context.getOperationDefinition().getName(),
                context.getCoercedVariables());
    }

    QueryLimits.Measure measure(graphql.schema.GraphQLSchema schema, Document document, String operationName,
                                graphql.execution.CoercedVariables variables) {
        Map<String, Object> coerced = variables.toMap();
        List<String> names = relevantVariables.get(document);
        if (names == null) {
            names = relevantVariables(document);
            if (relevantVariables.size() >= MAX_ENTRIES) {
                relevantVariables.clear();
            }
            relevantVariables.put(document, names);
        }
        List<Object> values = new ArrayList<>(names.size());
        for (String name : names) {
            values.add(coerced.get(name));
        }
        Key key = new Key(document, operationName, values);
        QueryLimits.Measure measure = measures.get(key);
        if (measure == null) {
            measure = QueryLimits.measure(QueryTraverser.newQueryTraverser()
                    .schema(schema)
                    .document(document)
                    .operationName(operationName)
                    .coercedVariables(variables)
                    .build());
            if (measures.size() >= MAX_ENTRIES) {
                measures.clear();
            }
            measures.put(key, measure);
        }
        return measure;
    }

    /** The variables used inside a {@code first} or {@code last} argument or inside a directive, anywhere. */
    static List<String> relevantVariables(Document document) {
        Set<String> names = new TreeSet<>();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitVariableReference(VariableReference node, TraverserContext<Node> context) {
                for (Node<?> parent : context.getParentNodes()) {
                    if (parent instanceof Directive || parent instanceof Argument argument
                            && (argument.getName().equals("first") || argument.getName().equals("last"))) {
                        names.add(node.getName());
                        break;
                    }
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return List.copyOf(names);
    }
}
