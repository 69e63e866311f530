package dev.quoteline.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Error answers written before (or instead of) GraphQL execution, shaped like a GraphQL response
 * ({@code {"errors":[{"message":…,"extensions":{"code":…}}]}}) so that clients read every failure the same way.
 */
final class GraphQlErrors {
    static final ObjectMapper JSON = new ObjectMapper();

    private GraphQlErrors() {
    }

    static Buffer body(String code, String message, Map<String, Object> extensions) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putArray("errors").addObject();
        error.put("message", message);
        ObjectNode ext = error.putObject("extensions");
        ext.put("code", code);
        extensions.forEach((k, v) -> ext.set(k, JSON.valueToTree(v)));
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }

    /** Ends the exchange with {@code status} and one error; the media type is the negotiated one when known. */
    static void send(RoutingContext ctx, int status, String code, String message, Map<String, Object> extensions) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.end();
            return;
        }
        MediaTypes.Response type = ctx.get(GraphQlHttpFilter.RESPONSE_TYPE);
        response.setStatusCode(status);
        response.headers().set(HttpHeaders.CONTENT_TYPE,
                (type == null ? MediaTypes.Response.JSON : type).mediaType + "; charset=utf-8");
        response.end(body(code, message, extensions));
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, code, message, Map.of());
    }
}
