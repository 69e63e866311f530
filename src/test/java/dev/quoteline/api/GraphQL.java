package dev.quoteline.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** Posts GraphQL requests to the running test server. */
final class GraphQL {
    private GraphQL() {
    }

    static JsonPath post(String query) {
        return post(query, Map.of());
    }

    static JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (query.stripLeading().startsWith("mutation")) {
            // writes need the test profile's token; AuthApiTest covers requests without one
            request = request.header("Authorization", dev.quoteline.support.TestTokens.AUTHORIZATION);
        }
        return request.when().post("/graphql")
                .then().extract().jsonPath();
    }

    /** Posts and fails the test when the response carries errors. */
    static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath json = post(query, variables);
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("GraphQL errors: " + errors);
        }
        return json;
    }

    static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** The first error's message; fails when there is none. */
    static String error(String query, Map<String, Object> variables) {
        JsonPath json = post(query, variables);
        String message = json.getString("errors[0].message");
        if (message == null) {
            throw new AssertionError("expected an error, got " + json.prettify());
        }
        return message;
    }

    static String error(String query) {
        return error(query, Map.of());
    }
}
