package dev.quoteline.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A JSON array built the first time it is read: SmallRye's selected fields of a resolver call, which cost a
 * normalisation of the whole operation to build and which no resolver here reads ({@link LeanOperationFetchers}).
 * Reads, equality and text are those of the built array.
 */
final class LazySelectedFields extends AbstractList<JsonValue> implements JsonArray {
    private Supplier<JsonArray> builder;
    private volatile JsonArray built;

    LazySelectedFields(Supplier<JsonArray> builder) {
        this.builder = builder;
    }

    private JsonArray array() {
        JsonArray a = built;
        if (a == null) {
            synchronized (this) {
                a = built;
                if (a == null) {
                    a = built = builder.get();
                    builder = null; // the selection set and environment it holds can go
                }
            }
        }
        return a;
    }

    @Override
    public JsonValue get(int index) {
        return array().get(index);
    }

    @Override
    public int size() {
        return array().size();
    }

    @Override
    public JsonObject getJsonObject(int index) {
        return array().getJsonObject(index);
    }

    @Override
    public JsonArray getJsonArray(int index) {
        return array().getJsonArray(index);
    }

    @Override
    public JsonNumber getJsonNumber(int index) {
        return array().getJsonNumber(index);
    }

    @Override
    public JsonString getJsonString(int index) {
        return array().getJsonString(index);
    }

    @Override
    public <T extends JsonValue> List<T> getValuesAs(Class<T> clazz) {
        return array().getValuesAs(clazz);
    }

    @Override
    public String getString(int index) {
        return array().getString(index);
    }

    @Override
    public String getString(int index, String defaultValue) {
        return array().getString(index, defaultValue);
    }

    @Override
    public int getInt(int index) {
        return array().getInt(index);
    }

    @Override
    public int getInt(int index, int defaultValue) {
        return array().getInt(index, defaultValue);
    }

    @Override
    public boolean getBoolean(int index) {
        return array().getBoolean(index);
    }

    @Override
    public boolean getBoolean(int index, boolean defaultValue) {
        return array().getBoolean(index, defaultValue);
    }

    @Override
    public boolean isNull(int index) {
        return array().isNull(index);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.ARRAY;
    }

    @Override
    public String toString() {
        return array().toString();
    }
}
