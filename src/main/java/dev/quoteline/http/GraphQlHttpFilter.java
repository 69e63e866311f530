package dev.quoteline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quoteline.security.WriteTokens;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP side of the GraphQL endpoint, in front of SmallRye GraphQL's handler, which is lax where the
 * GraphQL-over-HTTP specification is strict: it answers 200 to unreadable requests, treats a request without a
 * Content-Type as JSON, turns raw line breaks inside JSON strings into spaces, decodes GET parameters twice and reads
 * GET's operationName from the query. This filter:
 * <ul>
 * <li>reads POST bodies itself, within {@link HttpLimits} (413 as soon as a body is known to be too large, chunked or
 * not), and checks that they are UTF-8 JSON objects with well-typed {@code query}, {@code operationName},
 * {@code variables} and {@code extensions} (400 otherwise; a JSON array, i.e. a batch, included);</li>
 * <li>turns a GET into the equivalent POST after refusing anything but a query (405), so that one path executes
 * both;</li>
 * <li>negotiates the answer's media type (406 when nothing offered is supported) and, for
 * application/graphql-response+json, answers 400 when the request failed before execution (no {@code data}, see
 * {@link ExecutionOutcome});</li>
 * <li>lets a compiled plan answer a checked request for a plain timeline page
 * ({@link dev.quoteline.api.CompiledOperations}), and hands every other request, and any a plan declines, to
 * SmallRye.</li>
 * </ul>
 * Every refusal is a GraphQL-shaped JSON error ({@link GraphQlErrors}).
 */
@ApplicationScoped
public class GraphQlHttpFilter {
    /** Routing-context key: the negotiated {@link MediaTypes.Response}. */
    static final String RESPONSE_TYPE = "quoteline.http.response-type";
    /** Routing-context key: the body was read and checked here (survives the GET-to-POST reroute). */
    static final String CHECKED = "quoteline.http.checked";
    /** Routing-context key set by {@link ExecutionOutcome} when GraphQL execution started. */
    static final String EXECUTED = "quoteline.http.executed";
    /** Routing-context key set by {@link ExecutionOutcome} when the GraphQL response has no {@code data} entry. */
    static final String NO_DATA = "quoteline.http.no-data";
    /** After CORS (300), so refusals carry CORS headers too; before Quarkus's body-size check and body handler. */
    static final int PRIORITY = 250;
    /**
     * How much of an oversized body is read and thrown away before the connection is closed. Closing at once would
     * make most clients, which send the whole body before reading the answer, see a reset instead of the 413.
     */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Inject
    HttpLimits limits;
    @Inject
    dev.quoteline.api.CompiledOperations operations;
    @Inject
    WriteTokens tokens;
    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql")
    String rootPath;
    @ConfigProperty(name = "quarkus.smallrye-graphql.field-visibility", defaultValue = "default")
    String fieldVisibility;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = stripTrailingSlash(request.path());
        if (path.equals(rootPath + "/schema.graphql") && fieldVisibility.contains("no-introspection")) {
            // the SDL would tell what introspection no longer does
            GraphQlErrors.send(ctx, 404, "NOT_FOUND", "The schema is not published: introspection is switched off.");
            return;
        }
        if (!path.equals(rootPath) || isWebSocketUpgrade(request)) {
            ctx.next();
            return;
        }
        if (Boolean.TRUE.equals(ctx.get(CHECKED))) {
            // second pass of a GET rerouted as POST: everything was checked on the first
            passToGraphQL(ctx);
            return;
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        MediaTypes.Response type = MediaTypes.negotiate(request.getHeader(HttpHeaders.ACCEPT));
        if (type == null) {
            GraphQlErrors.send(ctx, 406, "NOT_ACCEPTABLE", "None of the media types in Accept can be served: ask for "
                    + "application/graphql-response+json or application/json.");
            return;
        }
        ctx.put(RESPONSE_TYPE, type);
        if (method == HttpMethod.POST) {
            handlePost(ctx);
        } else if (method == HttpMethod.GET) {
            handleGet(ctx);
        } else {
            ctx.response().headers().set(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
            GraphQlErrors.send(ctx, 405, "METHOD_NOT_ALLOWED",
                    "Method " + method.name() + " is not supported here: use POST (or GET for queries).");
        }
    }

    // ------------------------------------------------------------------------------------------------- POST

    private void handlePost(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            GraphQlErrors.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "A POST needs a Content-Type header: application/json with a body {\"query\": …}.");
            return;
        }
        MediaTypes.Parsed parsed = MediaTypes.parseContentType(contentType);
        if (parsed == null) {
            GraphQlErrors.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type '" + contentType
                    + "' names several different media types: send application/json with a body {\"query\": …}.");
            return;
        }
        boolean json = parsed.essence().equals("application/json");
        boolean graphql = parsed.essence().equals("application/graphql");
        if (!json && !graphql) {
            GraphQlErrors.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type " + parsed.essence()
                    + " is not supported: send application/json with a body {\"query\": …}.");
            return;
        }
        if (parsed.charset() != null && !parsed.charset().equals("utf-8")) {
            GraphQlErrors.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "Charset " + parsed.charset() + " is not supported: request bodies are UTF-8.");
            return;
        }
        boolean writer = tokens.accepts(request.getHeader(HttpHeaders.AUTHORIZATION));
        long limit = writer ? limits.writerMaxBodySize().asLongValue() : limits.maxBodySize().asLongValue();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                ctx.response().headers().set(HttpHeaders.CONNECTION, "close");
                GraphQlErrors.send(ctx, 400, "BAD_REQUEST", "Content-Length '" + declared + "' is not a number.");
                return;
            }
            if (length > limit) {
                tooLarge(ctx, writer, limit, length, 0);
                return;
            }
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        readBody(ctx, writer, limit, body -> {
            if (json) {
                checkJsonBody(ctx, body);
            } else {
                checkGraphQlBody(ctx, body);
            }
        });
    }

    private void readBody(RoutingContext ctx, boolean writer, long limit, java.util.function.Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                if (received[0] - limit > DRAIN_LIMIT) {
                    request.connection().close();
                }
                return;
            }
            if (received[0] > limit) {
                refused[0] = true;
                tooLarge(ctx, writer, limit, -1, received[0]);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                then.accept(body);
            }
        });
        // a client that goes away mid-body gets no answer; nothing was executed
        request.exceptionHandler(t -> refused[0] = true);
        request.resume();
    }

    /**
     * Answers 413 and drains what is left of the body (up to {@link #DRAIN_LIMIT}) so that the client, still sending,
     * gets to read the answer.
     */
    private void tooLarge(RoutingContext ctx, boolean writer, long limit, long declared, long received) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean expectContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        if (declared > limit + DRAIN_LIMIT || expectContinue) {
            // not worth reading (or never going to be sent): close once answered
            response.headers().set(HttpHeaders.CONNECTION, "close");
        } else if (declared >= 0 && !request.isEnded()) {
            long[] drained = {0};
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > DRAIN_LIMIT) {
                    request.connection().close();
                }
            });
            request.endHandler(null);
            request.exceptionHandler(t -> {
            });
            request.resume();
        }
        String size = declared >= 0 ? "is " + declared + " bytes" : "is more than " + limit + " bytes";
        String message = "Request body too large: it " + size + "; the limit is " + limit + " bytes ("
                + (writer ? "quoteline.http.writer-max-body-size, for requests with a writer token)"
                        : "quoteline.http.max-body-size; requests with a writer token may send up to "
                                + limits.writerMaxBodySize().asLongValue()
                                + " bytes, quoteline.http.writer-max-body-size)")
                + ".";
        GraphQlErrors.send(ctx, 413, "PAYLOAD_TOO_LARGE", message,
                Map.of("limit", limit, "limitName",
                        writer ? "quoteline.http.writer-max-body-size" : "quoteline.http.max-body-size"));
    }

    private void checkJsonBody(RoutingContext ctx, Buffer body) {
        byte[] bytes = body.getBytes();
        if (!isUtf8(ctx, bytes)) {
            return;
        }
        if (bytes.length == 0) {
            badRequest(ctx, "The request body is empty: send a JSON object {\"query\": …}.");
            return;
        }
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            badRequest(ctx, "The request body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
            return;
        } catch (java.io.IOException e) {
            badRequest(ctx, "The request body could not be read as JSON.");
            return;
        }
        if (root == null || root.isMissingNode()) {
            badRequest(ctx, "The request body is empty: send a JSON object {\"query\": …}.");
            return;
        }
        if (root.isArray()) {
            badRequest(ctx, "Batched requests (a JSON array of operations) are not supported: send one operation "
                    + "per request, as a JSON object {\"query\": …}.");
            return;
        }
        if (!root.isObject()) {
            badRequest(ctx, "The request body must be a JSON object {\"query\": …}, not a " + kind(root) + ".");
            return;
        }
        ObjectNode checked = checkParameters(ctx, (ObjectNode) root);
        if (checked != null) {
            answerOr(ctx, checked, () -> {
                useBody(ctx, checked);
                passToGraphQL(ctx);
            });
        }
    }

    private void checkGraphQlBody(RoutingContext ctx, Buffer body) {
        byte[] bytes = body.getBytes();
        if (!isUtf8(ctx, bytes)) {
            return;
        }
        if (bytes.length == 0) {
            badRequest(ctx, "The request body is empty: it should be a GraphQL document.");
            return;
        }
        ObjectNode checked = STRICT_JSON.createObjectNode().put("query", body.toString(StandardCharsets.UTF_8));
        answerOr(ctx, checked, () -> {
            setBody(ctx, body);
            passToGraphQL(ctx);
        });
    }

    /** The request's parameters, normalised; null when refused (the answer is then already sent). */
    private ObjectNode checkParameters(RoutingContext ctx, ObjectNode root) {
        JsonNode query = root.get("query");
        if (query == null || query.isNull()) {
            badRequest(ctx, "The request has no 'query': send {\"query\": \"{ … }\"}.");
            return null;
        }
        if (!query.isTextual()) {
            badRequest(ctx, "'query' must be a string, not a " + kind(query) + ".");
            return null;
        }
        if (query.textValue().isBlank()) {
            badRequest(ctx, "'query' is empty.");
            return null;
        }
        ObjectNode out = STRICT_JSON.createObjectNode();
        out.set("query", query);
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull()) {
            if (!operationName.isTextual()) {
                badRequest(ctx, "'operationName' must be a string, not a " + kind(operationName) + ".");
                return null;
            }
            out.set("operationName", operationName);
        }
        for (String name : List.of("variables", "extensions")) {
            JsonNode value = root.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isObject()) {
                badRequest(ctx, "'" + name + "' must be a JSON object (a map), not a " + kind(value) + ".");
                return null;
            }
            out.set(name, value);
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------- GET

    private void handleGet(RoutingContext ctx) {
        var params = ctx.queryParams();
        ObjectNode root = STRICT_JSON.createObjectNode();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = params.getAll(name);
            if (values.size() > 1) {
                badRequest(ctx, "Parameter '" + name + "' is given " + values.size() + " times.");
                return;
            }
            if (values.isEmpty() || values.get(0).isEmpty()) {
                continue;
            }
            String value = values.get(0);
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    root.set(name, STRICT_JSON.readTree(value));
                } catch (JsonProcessingException e) {
                    badRequest(ctx, "Parameter '" + name + "' is not valid JSON: " + e.getOriginalMessage() + ".");
                    return;
                }
            } else {
                root.put(name, value);
            }
        }
        ObjectNode checked = checkParameters(ctx, root);
        if (checked == null) {
            return;
        }
        OperationDefinition.Operation operation = operationType(checked.get("query").textValue(),
                checked.hasNonNull("operationName") ? checked.get("operationName").textValue() : null);
        if (operation != null && operation != OperationDefinition.Operation.QUERY) {
            ctx.response().headers().set(HttpHeaders.ALLOW, "POST");
            GraphQlErrors.send(ctx, 405, "METHOD_NOT_ALLOWED", "A " + operation.name().toLowerCase()
                    + " cannot be sent with GET, which is for queries only: send it with POST.");
            return;
        }
        answerOr(ctx, checked, () -> {
            useBody(ctx, checked);
            // one execution path for both methods: SmallRye's own GET handling mangles parameters (see class comment)
            ctx.reroute(HttpMethod.POST, ctx.request().path());
        });
    }

    /**
     * Answers a checked request from a compiled plan ({@link dev.quoteline.api.CompiledOperations}) on a worker thread,
     * or, when that declines, runs {@code otherwise} (which hands it to SmallRye) back on the event loop. A plan answers
     * only with data and no errors, so what it sends is what SmallRye would: status 200 and the negotiated media type
     * in UTF-8. An Accept that names a charset is left to SmallRye, which decides what to do with it.
     */
    private void answerOr(RoutingContext ctx, ObjectNode checked, Runnable otherwise) {
        String query = checked.get("query").textValue();
        String operationName = checked.hasNonNull("operationName") ? checked.get("operationName").textValue() : null;
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        MediaTypes.Response type = ctx.get(RESPONSE_TYPE);
        if (type == null || accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("charset")
                || !operations.mayAnswer(query, operationName)) {
            otherwise.run();
            return;
        }
        JsonNode variablesNode = checked.get("variables");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = variablesNode == null ? null : STRICT_JSON.convertValue(variablesNode, Map.class);
        ctx.vertx().executeBlocking(() -> operations.answer(query, operationName, variables), false)
                .onComplete(done -> {
                    dev.quoteline.api.CompiledOperations.Answer answer = done.succeeded() ? done.result() : null;
                    HttpServerResponse response = ctx.response();
                    if (answer == null) {
                        otherwise.run();
                        return;
                    }
                    boolean clientGone = response.ended() || response.closed();
                    operations.sent(answer, query, operationName, clientGone);
                    if (!clientGone) {
                        response.headers().set(HttpHeaders.CONTENT_TYPE, type.mediaType + "; charset=utf-8");
                        response.setStatusCode(200).setStatusMessage("OK").end(Buffer.buffer(answer.body()));
                    }
                });
    }

    /**
     * The type of the operation a GET would run; null when the document does not parse or names no single operation,
     * which GraphQL execution then reports as usual.
     */
    static OperationDefinition.Operation operationType(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return null;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition chosen = null;
        if (operationName == null) {
            if (operations.size() == 1) {
                chosen = operations.get(0);
            }
        } else {
            for (OperationDefinition op : operations) {
                if (operationName.equals(op.getName())) {
                    chosen = op;
                }
            }
        }
        return chosen == null ? null : chosen.getOperation();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static void useBody(RoutingContext ctx, ObjectNode body) {
        try {
            setBody(ctx, Buffer.buffer(STRICT_JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request could not be written back", e);
        }
    }

    @SuppressWarnings("deprecation")
    private static void setBody(RoutingContext ctx, Buffer body) {
        ctx.setBody(body);
        ctx.put(CHECKED, Boolean.TRUE);
        // the body is consumed: Vert.x's body handler must not wait for it again (nor apply its own, lower limit)
        if (ctx instanceof RoutingContextInternal internal) {
            internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        }
    }

    /** Hands a checked request to SmallRye GraphQL and fixes its answer's media type and status on the way out. */
    private static void passToGraphQL(RoutingContext ctx) {
        MediaTypes.Response type = ctx.get(RESPONSE_TYPE);
        ctx.addHeadersEndHandler(v -> {
            HttpServerResponse response = ctx.response();
            String written = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null || written == null || !written.startsWith("application/")) {
                return;
            }
            MediaTypes.Parsed parsed = MediaTypes.parse(written);
            if (!parsed.essence().contains("json")) {
                return;
            }
            // SmallRye labels answers with the request's Accept entry, or the obsolete application/graphql+json
            // when Accept is missing or */*; keep its charset, which is what the body was encoded in
            String charset = parsed.charset() == null ? "utf-8" : parsed.charset();
            response.headers().set(HttpHeaders.CONTENT_TYPE, type.mediaType + "; charset=" + charset);
            boolean noData = Boolean.TRUE.equals(ctx.get(NO_DATA)) || !Boolean.TRUE.equals(ctx.get(EXECUTED));
            if (type == MediaTypes.Response.GRAPHQL_RESPONSE && response.getStatusCode() == 200 && noData) {
                response.setStatusCode(400).setStatusMessage("Bad Request");
            }
        });
        ctx.next();
    }

    private boolean isUtf8(RoutingContext ctx, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            badRequest(ctx, "The request body is not valid UTF-8.");
            return false;
        }
    }

    private static void badRequest(RoutingContext ctx, String message) {
        GraphQlErrors.send(ctx, 400, "BAD_REQUEST", message);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "JSON array";
            case OBJECT -> "JSON object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
