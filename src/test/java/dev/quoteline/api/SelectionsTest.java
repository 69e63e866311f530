package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Selections} reads off a real graphql-java execution, through fragments of both kinds. */
class SelectionsTest {
    private static final String SDL = """
            type Query { page: Page }
            type Page { edges: [Edge] }
            type Edge { node: Entry }
            interface Entry { id: ID }
            type Statement implements Entry { id: ID article: Article speaker: Speaker }
            type Event implements Entry { id: ID title: String }
            type Article { title: String }
            type Speaker { name: String roles: [String] }
            """;

    private static List<Boolean> answers(String query) {
        List<Boolean> seen = new ArrayList<>();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("page", env -> {
                    seen.add(Selections.asks(env, "edges", "node", "article"));
                    seen.add(Selections.asks(env, "edges", "node", "speaker", "roles"));
                    seen.add(Selections.asksAny(env, List.of("edges", "node"), "title", "roles"));
                    return Map.of();
                }))
                .type("Entry", t -> t.typeResolver(env -> env.getSchema().getObjectType("Statement")))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        var result = GraphQL.newGraphQL(schema).build().execute(query);
        assertEquals(List.of(), result.getErrors(), query);
        return seen;
    }

    @Test
    void readsFieldsDirectlyAndThroughInlineFragments() {
        assertEquals(List.of(true, false, false), answers("{ page { edges { node { ... on Statement { article { title } } } } } }"));
        assertEquals(List.of(false, true, false),
                answers("{ page { edges { node { id ... on Statement { speaker { name roles } } } } } }"));
        // any one of the names, on whichever type under the path
        assertEquals(List.of(false, false, true), answers("{ page { edges { node { id ... on Event { title } } } } }"));
    }

    @Test
    void readsThroughNamedFragmentsAndAliases() {
        assertEquals(List.of(true, true, true), answers("""
                { page { e: edges { n: node { ...S ...E } } } }
                fragment S on Statement { a: article { title } speaker { ...R } }
                fragment E on Event { t: title }
                fragment R on Speaker { r: roles }"""));
    }

    @Test
    void answersNoWhenTheFieldIsNotAsked() {
        assertEquals(List.of(false, false, false), answers("{ page { edges { node { id } } } }"));
        // the name of a field, not an alias, is what counts
        assertEquals(List.of(false, false, false), answers("{ page { edges { node { article: id title: id } } } }"));
        // a name deeper than the path's end is not at it
        assertEquals(List.of(true, false, false), answers("{ page { edges { node { ... on Statement { article { title } } } } } }"));
    }
}
