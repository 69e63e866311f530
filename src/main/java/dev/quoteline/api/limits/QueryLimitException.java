package dev.quoteline.api.limits;

import graphql.execution.AbortExecutionException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An operation refused before it ran, naming the limit, the configured maximum and what the operation needed. */
public final class QueryLimitException extends AbortExecutionException {
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    QueryLimitException(String code, String message, long limit, long measured) {
        super(message);
        extensions.put("code", code);
        extensions.put("limit", limit);
        extensions.put("measured", measured);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
