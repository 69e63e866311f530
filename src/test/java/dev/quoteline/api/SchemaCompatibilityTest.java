package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The build fails when the served schema breaks the committed src/main/graphql/schema.graphql (a removed or retyped
 * field, a new required argument...) until that file is updated, so every breaking change shows up in review.
 * The served SDL is always written to target/schema.graphql for copying over.
 */
@QuarkusTest
class SchemaCompatibilityTest {
    static final Path COMMITTED = Path.of("src/main/graphql/schema.graphql");

    @Test
    void servedSchemaDoesNotBreakTheCommittedOne() throws Exception {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/schema.graphql"), served);
        assertTrue(Files.exists(COMMITTED), "commit the schema: cp target/schema.graphql " + COMMITTED);
        String committed = Files.readString(COMMITTED);
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(committed, served), reporter);
        if (reporter.getBreakageCount() > 0) {
            fail("The schema changed in a breaking way; if that is intended, update " + COMMITTED
                    + " (cp target/schema.graphql " + COMMITTED + "):\n" + reporter.getBreakages().stream()
                    .map(DiffEvent::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void theCheckCatchesARemovedField() throws Exception {
        String committed = Files.readString(COMMITTED);
        String withExtraField = committed.replaceFirst("type Query \\{", "type Query {\n  retiredField: String");
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(withExtraField, committed), reporter);
        assertEquals(1, reporter.getBreakageCount(), "removing Query.retiredField is breaking");
    }
}
