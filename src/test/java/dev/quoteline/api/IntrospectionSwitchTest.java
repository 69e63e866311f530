package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Introspection switched off the way an operator would (QUARKUS_SMALLRYE_GRAPHQL_FIELD_VISIBILITY=no-introspection):
 * __schema and __type are refused, the SDL is not published, ordinary queries still run. With the default setting
 * both work (SchemaCompatibilityTest reads the SDL, GraphiqlPageTest introspects).
 */
@QuarkusTest
@TestProfile(IntrospectionSwitchTest.IntrospectionOff.class)
class IntrospectionSwitchTest {
    public static class IntrospectionOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "no-introspection");
        }
    }

    @Test
    void introspectionIsRefusedAndQueriesStillRun() {
        JsonPath schema = GraphQL.post("{ __schema { queryType { name } } }");
        assertNull(schema.get("data"), schema.prettify());
        assertTrue(schema.getString("errors[0].message").contains("__schema"), schema.prettify());

        JsonPath type = GraphQL.post("{ __type(name: \"Speaker\") { fields { name } } }");
        assertNull(type.get("data"), type.prettify());

        given().get("/graphql/schema.graphql").then().statusCode(404);

        assertEquals("Query", GraphQL.ok("{ __typename }").getString("data.__typename"));
        assertTrue(GraphQL.ok("{ speakers(first: 1) { totalCount } }").getInt("data.speakers.totalCount") > 0);
    }
}
