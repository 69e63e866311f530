package dev.quoteline.ui;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** GraphQL over HTTP from the tests, and the articles the browser tests add so that timelines run to several pages. */
final class TestData {
    private TestData() {
    }

    static final String SPEAKER = "Marta Quillon";
    static final int HARBOUR_ARTICLES = 12;

    static JsonPath graphql(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        JsonPath json = given().contentType(ContentType.JSON).body(body)
                .header("Authorization", dev.quoteline.support.TestTokens.AUTHORIZATION)
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("GraphQL errors: " + errors);
        }
        return json;
    }

    static String ingest(String title, String publishedAt, String body) {
        return graphql("""
                mutation($input: ArticleInput!) { ingestArticle(input: $input) { article { id } } }""",
                Map.of("input", Map.of("title", title, "source", "Brindale Courier", "publishedAt", publishedAt,
                        "body", body)))
                .getString("data.ingestArticle.article.id");
    }

    /**
     * Twelve short articles a week apart, each quoting Mayor Marta Quillon twice and a councillor once: with the seeds
     * the whole timeline and her own timeline both run past one page of 20. Ingesting is idempotent (same text, same
     * article), so every test class may call this.
     */
    static void ingestHarbourArticles() {
        LocalDate day = LocalDate.of(2024, 1, 9);
        for (int i = 1; i <= HARBOUR_ARTICLES; i++, day = day.plusWeeks(1)) {
            String title = "Brindale council weighs harbour plan " + i;
            ingest(title, day.toString(), title + "\n"
                    + "Mayor Marta Quillon said on Monday that harbour plan " + i + " would go ahead despite the storms.\n"
                    + "“We will rebuild the harbour wall before winter, whatever stage " + i + " costs,” Quillon told reporters.\n"
                    + "Opposition councillor Tomas Brek warned that the cost of plan " + i + " would rise sharply.\n");
        }
    }

    static int timelineCount(Map<String, Object> filter) {
        return graphql("query($f: TimelineFilter) { timeline(filter: $f, first: 1) { totalCount } }",
                Map.of("f", filter)).getInt("data.timeline.totalCount");
    }

    static String speakerId(String name) {
        return graphql("query($n: String) { speaker(name: $n) { id } }", Map.of("n", name)).getString("data.speaker.id");
    }

    static List<String> subscriptionFields() {
        List<String> names = graphql("{ __schema { subscriptionType { fields { name } } } }", Map.of())
                .getList("data.__schema.subscriptionType.fields.name");
        return names == null ? List.of() : names;
    }
}
