package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every type, field, argument, input field and enum value of the schema has a description. */
@QuarkusTest
class SchemaDocumentationTest {
    private static final String INTROSPECTION = """
            { __schema { types { name kind description
                fields { name description args { name description } }
                inputFields { name description }
                enumValues { name description } } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void everythingIsDescribed() {
        JsonPath json = GraphQL.ok(INTROSPECTION);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> type : json.<Map<String, Object>>getList("data.__schema.types")) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || "SCALAR".equals(type.get("kind"))) {
                continue; // GraphQL's own introspection types and scalars
            }
            check(missing, name, type.get("description"));
            for (Map<String, Object> field : (List<Map<String, Object>>) orEmpty(type.get("fields"))) {
                String path = name + "." + field.get("name");
                check(missing, path, field.get("description"));
                for (Map<String, Object> arg : (List<Map<String, Object>>) orEmpty(field.get("args"))) {
                    check(missing, path + "(" + arg.get("name") + ")", arg.get("description"));
                }
            }
            for (Map<String, Object> field : (List<Map<String, Object>>) orEmpty(type.get("inputFields"))) {
                check(missing, name + "." + field.get("name"), field.get("description"));
            }
            for (Map<String, Object> value : (List<Map<String, Object>>) orEmpty(type.get("enumValues"))) {
                check(missing, name + "." + value.get("name"), value.get("description"));
            }
        }
        assertEquals(List.of(), missing, "schema elements without a description");
    }

    private static Object orEmpty(Object list) {
        return list == null ? List.of() : list;
    }

    private static void check(List<String> missing, String path, Object description) {
        if (description == null || description.toString().isBlank()) {
            missing.add(path);
        }
    }
}
