package dev.quoteline.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.spi.config.Config;
import io.smallrye.graphql.spi.config.LogPayloadOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes a successful GraphQL answer straight to the HTTP response as UTF-8 JSON. SmallRye GraphQL renders every
 * answer three times over: the result's maps into a tree of JSON-P values, that tree into a Java string, the string
 * into bytes; on a 50-entry timeline page that was a tenth of the server's CPU (async-profiler, W1), and the string's
 * encoding sometimes much more, depending on how the JIT had compiled it. Here the maps are streamed once, by Jackson,
 * into the bytes that go out, with the same text SmallRye writes: the same member order, numbers written as SmallRye
 * writes them (a double through {@code BigDecimal.valueOf}), the same escapes for quotes, backslashes and the usual
 * control characters.
 * <p>
 * Only the plain case is taken: a request that {@link GraphQlHttpFilter} checked (not a WebSocket), an answer with data
 * and without errors or extensions, a response labelled UTF-8 and not yet ended, and values of the kinds graphql-java
 * produces (maps, lists, strings, numbers, booleans, enums, null). Anything else is left to SmallRye, whose error and
 * extension formatting stays the only one. Once the answer has left, the context's result is replaced by an empty one,
 * so that SmallRye's own writer, which runs next, renders nothing and finds the response already ended (it expects
 * that and lets it pass).
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by ExecutionEvents, which CDI does not see
public class DirectAnswer {
    private static final Logger LOG = Logger.getLogger(DirectAnswer.class);
    /** Characters outside the Basic Multilingual Plane as UTF-8, as SmallRye writes them, not as escaped pairs. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final ExecutionResult ALREADY_SENT = ExecutionResultImpl.newExecutionResult().build();
    /** Most pages fit: the buffer grows when one does not. */
    private static final int INITIAL_BUFFER = 16 * 1024;

    @Inject
    CurrentVertxRequest current;

    private final java.util.concurrent.atomic.LongAdder written = new java.util.concurrent.atomic.LongAdder();

    /** How many answers were written here since the start (the tests check that the plain case is taken). */
    long written() {
        return written.sum();
    }

    /** Writes the answer of {@code context} if it is the plain case; true when it did. */
    public boolean write(Context context) {
        try {
            // with payload logging on, SmallRye logs the answer from the context's result: it must stay there
            if (!(context instanceof SmallRyeContext writable) || !Arc.container().requestContext().isActive()
                    || Config.get().logPayload() != LogPayloadOption.off) {
                return false;
            }
            RoutingContext exchange = current.getCurrent();
            if (exchange == null || !Boolean.TRUE.equals(exchange.get(GraphQlHttpFilter.CHECKED))) {
                return false;
            }
            ExecutionResult result = context.unwrap(ExecutionResult.class);
            Map<String, Object> added = writable.getAddedExtensions();
            if (result == null || !result.isDataPresent() || !result.getErrors().isEmpty()
                    || result.getExtensions() != null && !result.getExtensions().isEmpty()
                    || added != null && !added.isEmpty()) {
                return false;
            }
            HttpServerResponse response = exchange.response();
            if (response.ended() || response.headWritten() || !utf8(response.headers().get(HttpHeaders.CONTENT_TYPE))) {
                return false;
            }
            byte[] body = render(result.getData());
            if (body == null) {
                return false;
            }
            // counted first: once the answer is out, a client may look at the count before this thread goes on
            written.increment();
            try {
                response.setStatusCode(200).setStatusMessage("OK").end(Buffer.buffer(body));
            } catch (RuntimeException e) {
                written.decrement();
                throw e;
            }
            writable.setExecutionResult(ALREADY_SENT);
            return true;
        } catch (RuntimeException e) {
            // the answer has not been replaced: SmallRye writes it as before
            LOG.debug("GraphQL answer left to SmallRye", e);
            return false;
        }
    }

    /** SmallRye labels the answer with the request's Accept entry; its charset is the one the body must be in. */
    static boolean utf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaTypes.Parsed parsed = MediaTypes.parse(contentType);
        return parsed != null && (parsed.charset() == null || parsed.charset().equals("utf-8"));
    }

    /** {@code {"data":...}} as UTF-8, or null when the data holds a value graphql-java would not have produced. */
    static byte[] render(Object data) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(INITIAL_BUFFER);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("data");
            value(json, data);
            json.writeEndObject();
        } catch (UnexpectedValue | IOException e) {
            return null;
        }
        return out.toByteArray();
    }

    /** A generator that writes as {@link #render} does, for answers rendered elsewhere. */
    public static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return JSON.createGenerator(out);
    }

    /**
     * Writes a completed value (what graphql-java's completion gives: maps, lists, strings, numbers, booleans, enums,
     * null) as SmallRye renders it; false when the value is of a kind graphql-java would not have produced, and then
     * what was written must be thrown away.
     */
    public static boolean writeValue(JsonGenerator json, Object value) throws IOException {
        try {
            value(json, value);
            return true;
        } catch (UnexpectedValue e) {
            return false;
        }
    }

    private static final class UnexpectedValue extends Exception {
        UnexpectedValue() {
            super(null, null, false, false);
        }
    }

    /** The value as SmallRye's {@code ExecutionResponse} renders it (its {@code toJsonValue}, then JSON-P's writer). */
    private static void value(JsonGenerator json, Object value) throws IOException, UnexpectedValue {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new UnexpectedValue();
                }
                json.writeFieldName(key);
                value(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new UnexpectedValue();
            }
            json.writeNumber(BigDecimal.valueOf(d));
        } else if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                throw new UnexpectedValue();
            }
            json.writeNumber(new BigDecimal(String.valueOf(f)));
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else {
            throw new UnexpectedValue();
        }
    }
}
