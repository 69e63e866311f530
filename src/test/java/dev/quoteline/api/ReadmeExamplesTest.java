package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every ```graphql block of README.md runs without errors against the seeded server: the examples stay runnable. */
@QuarkusTest
class ReadmeExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeQueriesRun() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<String> queries = new ArrayList<>();
        while (m.find()) {
            queries.add(m.group(1));
        }
        assertTrue(queries.size() >= 3, "README has its example queries");
        for (String query : queries) {
            GraphQL.ok(query);
        }
    }
}
