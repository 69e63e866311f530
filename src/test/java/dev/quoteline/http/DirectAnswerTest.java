package dev.quoteline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResultImpl;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer written directly is the text SmallRye GraphQL writes for the same result. */
class DirectAnswerTest {
    private static String direct(Object data) {
        byte[] bytes = DirectAnswer.render(data);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String smallRye(Object data) {
        return new ExecutionResponse(ExecutionResultImpl.newExecutionResult().data(data).build())
                .getExecutionResultAsString();
    }

    private static Map<String, Object> page() {
        Map<String, Object> when = new LinkedHashMap<>();
        when.put("value", "2023-05-02");
        when.put("precision", "DAY");
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("__typename", "Statement");
        node.put("id", "U3RhdGVtZW50OjE=");
        node.put("text", "\"We will not\" — he said, «non», 北京, emoji \uD83D\uDE00, a \\ backslash, a / slash");
        node.put("when", when);
        node.put("score", 0.1);
        node.put("big", 1.0e21);
        node.put("small", 1.0e-7);
        node.put("whole", 3.0);
        node.put("float", 2.5f);
        node.put("count", 42);
        node.put("long", 9_007_199_254_740_993L);
        node.put("decimal", new BigDecimal("12.500"));
        node.put("integer", new BigInteger("123456789012345678901234567890"));
        node.put("flag", true);
        node.put("off", false);
        node.put("missing", null);
        node.put("tags", Arrays.asList("a", null, "c"));
        node.put("empty", List.of());
        node.put("nothing", Map.of());
        List<Object> edges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            edges.add(Map.of("cursor", "c" + i, "node", node));
        }
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("edges", edges);
        timeline.put("pageInfo", Map.of("hasNextPage", true));
        return Map.of("timeline", timeline);
    }

    @Test
    void aPageIsWrittenByteForByteAsSmallRyeWritesIt() {
        assertEquals(smallRye(page()), direct(page()));
    }

    @Test
    void controlCharactersAreEscapedToTheSameValue() throws Exception {
        Map<String, Object> data = Map.of("text", "line\nbreak\ttab\rreturn\bback\fform\u0001\u001f end");
        assertTrue(direct(data).contains("line\\nbreak\\ttab\\rreturn\\bback\\fform"), direct(data));
        // the rarer control characters are \\u escapes in both, whose hex digits may differ in case
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(smallRye(data)), json.readTree(direct(data)));
    }

    @Test
    void textsOfEveryKindAreWrittenAsSmallRyeWritesThem() {
        List<String> texts = List.of("", "plain ascii", "a question?", "?", "non-ASCII ’curly’ and a question?",
                "é?", "北京?", "emoji \uD83D\uDE00?", "quote \" inside", "back\\slash", "tab\there", "\u007f delete",
                "ascii then ’", "x".repeat(5000), "’".repeat(3000) + "?");
        for (String text : texts) {
            Map<String, Object> data = Map.of("text", text);
            assertEquals(smallRye(data), direct(data), text);
        }
    }

    @Test
    void nullDataAndEmptyObjects() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("speaker", null);
        assertEquals(smallRye(data), direct(data));
        assertEquals("{\"data\":null}", direct(null));
        assertEquals(smallRye(null), direct(null));
    }

    @Test
    void valuesGraphqlJavaWouldNotProduceAreLeftToSmallRye() {
        assertNull(direct(Map.of("when", java.time.LocalDate.of(2024, 1, 1))));
        assertNull(direct(Map.of("score", Double.NaN)));
        assertNull(direct(Map.of(1, "not a field name")));
    }

    @Test
    void onlyUtf8AnswersAreWrittenHere() {
        assertTrue(DirectAnswer.utf8("application/json"));
        assertTrue(DirectAnswer.utf8("application/graphql-response+json; charset=utf-8"));
        assertTrue(DirectAnswer.utf8("application/json;charset=UTF-8"));
        assertFalse(DirectAnswer.utf8("application/json; charset=iso-8859-1"));
        assertFalse(DirectAnswer.utf8(null));
    }
}
