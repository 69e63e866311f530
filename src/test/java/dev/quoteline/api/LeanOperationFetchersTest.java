package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request context the lean fetchers build is SmallRye's own, field for field: built here by both, from the same
 * data-fetching environment of a real graphql-java execution, and compared.
 */
class LeanOperationFetchersTest {
    private static final String SCHEMA = """
            type Query { page(first: Int, search: String): Page }
            type Page { total: Int items: [Item] }
            type Item { name: String tags: [String] owner: Owner }
            type Owner { name: String }""";
    private static final String QUERY = """
            query Listing($n: Int) { page(first: $n, search: "x") { total items { name ...T owner { name } } } }
            fragment T on Item { tags }""";

    @AfterEach
    void clear() {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
    }

    @Test
    void contextsMatchSmallRyesFieldForField() {
        List<SmallRyeContext[]> built = new ArrayList<>();
        Field field = new Field("page", "page", "page", new Reference());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("page", env -> {
            SmallRyeContext initial = env.getGraphQlContext().get(SmallRyeContextManager.CONTEXT);
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            SmallRyeContext eager = SmallRyeContextManager.populateFromDataFetchingEnvironment(null, field, env);
            env.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, initial);
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            SmallRyeContext lean = LeanOperationFetchers.context(null, field, env);
            assertSame(lean, env.getGraphQlContext().get(SmallRyeContextManager.CONTEXT), "the field's context is shared");
            assertSame(lean, SmallRyeContextManager.getCurrentSmallRyeContext(), "and current on this thread");
            built.add(new SmallRyeContext[] {eager, lean});
            return null;
        })).build();
        GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA),
                wiring)).build();
        SmallRyeContext initial = SmallRyeContextManager.fromInitialRequest(Json.createObjectBuilder()
                .add("query", QUERY).add("operationName", "Listing").build());
        var result = graphQL.execute(ExecutionInput.newExecutionInput(QUERY).operationName("Listing")
                .variables(Map.of("n", 5)).graphQLContext(Map.of(SmallRyeContextManager.CONTEXT, initial)).build());
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        assertEquals(1, built.size());
        SmallRyeContext eager = built.get(0)[0];
        SmallRyeContext lean = built.get(0)[1];
        assertEquals("[\"total\",{\"items\":[\"name\",\"tags\",{\"owner\":[\"name\"]}]}]",
                eager.getSelectedFields().toString(), "what SmallRye builds for this selection");
        assertEquals(eager.getSelectedFields().toString(), lean.getSelectedFields().toString());
        assertEquals(eager.getSelectedFields(), lean.getSelectedFields());
        assertEquals(eager.getSelectedAndSourceFields().toString(), lean.getSelectedAndSourceFields().toString());
        assertEquals(eager.getPath(), lean.getPath());
        assertEquals(eager.getExecutionId(), lean.getExecutionId());
        assertEquals(eager.getFieldName(), lean.getFieldName());
        assertEquals(eager.getArguments(), lean.getArguments());
        assertEquals(Map.of("first", 5, "search", "x"), lean.getArguments());
        assertEquals(eager.getOperationType(), lean.getOperationType());
        assertEquals(eager.getOperationName(), lean.getOperationName());
        assertEquals(eager.getParentTypeName(), lean.getParentTypeName());
        assertEquals(java.util.Optional.of("Query"), lean.getParentTypeName());
        assertSame(eager.getField(), lean.getField());
        assertSame(eager.unwrap(graphql.schema.DataFetchingEnvironment.class),
                lean.unwrap(graphql.schema.DataFetchingEnvironment.class));
    }

    @Test
    void selectedFieldsAreBuiltOnceAndOnlyWhenRead() {
        AtomicInteger builds = new AtomicInteger();
        LazySelectedFields lazy = new LazySelectedFields(() -> {
            builds.incrementAndGet();
            return Json.createArrayBuilder().add("name").add(Json.createObjectBuilder().add("owner",
                    Json.createArrayBuilder().add("name"))).build();
        });
        assertEquals(0, builds.get());
        assertEquals(jakarta.json.JsonValue.ValueType.ARRAY, lazy.getValueType(), "the type needs no build");
        assertEquals(0, builds.get());
        assertEquals(2, lazy.size());
        assertEquals("name", lazy.getString(0));
        assertEquals("name", lazy.getJsonObject(1).getJsonArray("owner").getString(0));
        assertEquals("[\"name\",{\"owner\":[\"name\"]}]", lazy.toString());
        assertFalse(lazy.isNull(0));
        assertEquals(1, builds.get());
    }

    @Test
    void oneFetcherPerOperationAndNoneForMetrics() {
        var service = new LeanOperationFetchers();
        var a = operation();
        var b = operation();
        assertEquals(a, b, "SmallRye's model calls them equal");
        assertNotNull(service.getDefaultDataFetcher(a, null));
        assertSame(service.getDefaultDataFetcher(a, null), service.getDefaultDataFetcher(a, null));
        assertFalse(service.getDefaultDataFetcher(a, null) == service.getDefaultDataFetcher(b, null),
                "equal operations of different types keep fetchers of their own");
    }

    private static io.smallrye.graphql.schema.model.Operation operation() {
        var operation = new io.smallrye.graphql.schema.model.Operation();
        operation.setName("speaker");
        operation.setClassName(FieldResolvers.class.getName());
        operation.setMethodName("toString"); // any public method without parameters
        return operation;
    }
}
