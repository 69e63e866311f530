package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Raw HTTP requests to /graphql and the checks every bad-input test repeats. */
final class HttpChecks {
    private static final List<String> TABLES = List.of("article", "statement", "speaker", "speaker_alias",
            "speaker_role", "event", "event_article", "event_participant");

    private HttpChecks() {
    }

    /** A request that sends exactly the bytes and headers given: RestAssured adds no charset of its own. */
    static RequestSpecification raw() {
        return given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    static Response postJson(String body) {
        return raw().contentType("application/json").body(body).post("/graphql");
    }

    /** Asserts a GraphQL-shaped error answer with one error of {@code code} and returns its message. */
    static String error(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> "status of " + response.asString());
        String contentType = response.contentType();
        assertNotNull(contentType);
        assertFalse(response.asString().isBlank(), "error answers have a body");
        assertEquals(code, response.jsonPath().getString("errors[0].extensions.code"), response.asString());
        assertNull(response.jsonPath().get("data"), "a refused request has no data: " + response.asString());
        return response.jsonPath().getString("errors[0].message");
    }

    /** Readiness is UP and an ordinary query answers. */
    static void assertHealthy() {
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals("UP", given().get("/q/health/ready").jsonPath().getString("status"));
        GraphQL.ok("{ speakers(first: 1) { totalCount } timeline(first: 1) { totalCount } }");
    }

    /** Row counts of every table the API writes. */
    static Map<String, Long> rowCounts(DataSource db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static int port() {
        return RestAssured.port;
    }
}
