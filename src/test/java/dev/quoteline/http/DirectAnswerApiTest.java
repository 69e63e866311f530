package dev.quoteline.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which answers are written directly, and that those and SmallRye's still read the same to a client. */
@QuarkusTest
class DirectAnswerApiTest {
    /** A root field that compiled plans do not take (CompiledOperationsApiTest covers those). */
    private static final String PAGE = "{ statements(first: 5) { totalCount edges { cursor node { __typename "
            + "id when { value precision } speaker { name } } } } }";

    @Inject
    DirectAnswer answers;

    private static Response post(String accept, String query) {
        return given().contentType("application/json").accept(accept).body(Map.of("query", query))
                .when().post("/graphql");
    }

    @Test
    void aSuccessfulPageIsWrittenDirectlyWithSmallRyesHeaders() {
        long before = answers.written();
        Response response = post("application/graphql-response+json", PAGE);
        assertEquals(200, response.statusCode());
        assertEquals("application/graphql-response+json; charset=utf-8", response.contentType());
        assertEquals(before + 1, answers.written());
        String body = response.body().asString();
        assertTrue(body.startsWith("{\"data\":{\"statements\":{\"totalCount\":"), body);
        assertEquals(5, response.jsonPath().getList("data.statements.edges").size());
        assertEquals(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length), response.header("Content-Length"));
    }

    @Test
    void errorsAndOtherCharsetsAreLeftToSmallRye() {
        long before = answers.written();
        Response failed = post("application/json", "{ speaker(id: \"nope\") { name } }");
        assertEquals(200, failed.statusCode());
        assertTrue(failed.jsonPath().getString("errors[0].message") != null, failed.body().asString());
        Response invalid = post("application/graphql-response+json", "{ timeline { noSuchField } }");
        assertEquals(400, invalid.statusCode(), "a validation failure keeps its status");
        Response latin1 = post("application/json; charset=iso-8859-1", PAGE);
        assertEquals(200, latin1.statusCode());
        assertTrue(latin1.contentType().contains("iso-8859-1"), latin1.contentType());
        assertEquals(before, answers.written(), "none of these was written directly");
        Response direct = post("application/json", PAGE);
        assertEquals(before + 1, answers.written());
        assertEquals(direct.jsonPath().getMap("data").toString(), latin1.jsonPath().getMap("data").toString(),
                "the same page, from either writer");
    }
}
