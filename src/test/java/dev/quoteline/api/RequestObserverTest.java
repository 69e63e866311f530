package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestObserverTest {
    /** Documents and the operation name each is counted under. */
    private static final String[][] NAMED = {
        {"query Newest { timeline(first: 50) { totalCount } }", "Newest"},
        {"  mutation Ingest($a: ArticleInput!) { x }", "Ingest"},
        {"subscription Live { statementAdded { id } }", "Live"},
        {"# a note\n  # another\nquery Commented { a }", "Commented"},
        {"{ timeline(first: 50) { totalCount } }", "anonymous"},
        {"query ($first: Int) { timeline(first: $first) { a } }", "anonymous"},
        // a name further on is not the operation's: only the document's start counts
        {"{ a } query Later { b }", "anonymous"},
        {"fragment F on Speaker { name } query Q { a }", "anonymous"},
        {null, "anonymous"},
    };

    @Test
    void theOperationIsNamedFromTheDocumentsFirstDefinitionOnly() {
        for (String[] named : NAMED) {
            assertEquals(named[1], RequestObserver.nameInDocument(named[0]), String.valueOf(named[0]));
        }
    }

    /**
     * Quarkus ends a request's context from the response's close handler, and a resolver that then fails must find
     * the client already gone (else its failure is logged at ERROR and counted as an error): the watched connection
     * says so from within the close's handlers, with no end handler having reported anything. A real Vert.x server
     * and a real client socket; the request without a watch is the control.
     */
    @Test
    void aClosedConnectionIsTheClientGoneWhenTheClosesHandlersRun() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RequestObserver observer = new RequestObserver();
            CompletableFuture<HttpServerResponse> seen = new CompletableFuture<>();
            CompletableFuture<boolean[]> inCloseHandler = new CompletableFuture<>();
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                HttpServerResponse response = request.response();
                response.closeHandler(closed -> inCloseHandler.complete(
                        new boolean[] {observer.isClientGone("watched"), observer.isClientGone("unwatched")}));
                seen.complete(response);
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            observer.started("watched");
            observer.started("unwatched");
            try (Socket client = new Socket("127.0.0.1", server.actualPort())) {
                client.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                HttpServerResponse response = seen.get(10, TimeUnit.SECONDS);
                observer.watchConnection("watched", response::closed);
                assertFalse(observer.isClientGone("watched"), "the client is still connected");
            }
            boolean[] gone = inCloseHandler.get(10, TimeUnit.SECONDS);
            assertTrue(gone[0], "a watched request's client is gone by the time the close's handlers run");
            assertFalse(gone[1], "control: without the watch, only an end handler could have said so");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOperationsFirstRequestRegistersEveryOutcomeAtZero() {
        RequestObserver observer = new RequestObserver();
        observer.registry = new SimpleMeterRegistry();
        observer.record("Newest", "query", "success", 1_000_000);
        for (String outcome : RequestObserver.OUTCOMES) {
            Timer timer = observer.registry.find("quoteline.graphql.requests").tag("operation", "Newest")
                    .tag("type", "query").tag("outcome", outcome).timer();
            assertTrue(timer != null, outcome + " should be registered");
            assertEquals("success".equals(outcome) ? 1 : 0, timer.count(), outcome);
        }
        observer.record("Newest", "query", "cancelled", 1_000_000);
        assertEquals(4, observer.registry.find("quoteline.graphql.requests").timers().size(),
                "a later outcome reuses its timer");
    }

    @Test
    void operationNamesBeyondTheCapCountAsOther() {
        RequestObserver observer = new RequestObserver();
        observer.registry = new SimpleMeterRegistry();
        observer.record("Early", "query", "success", 1_000);
        for (int i = 0; i < RequestObserver.MAX_OPERATION_LABELS + 50; i++) {
            observer.record("Name" + i, "query", "success", 1_000);
        }
        observer.record("Early", "query", "success", 1_000);
        observer.record("not a name!", "query", "success", 1_000);
        Set<String> labels = observer.registry.find("quoteline.graphql.requests").timers().stream()
                .map(t -> t.getId().getTag("operation")).collect(Collectors.toSet());
        assertEquals(RequestObserver.MAX_OPERATION_LABELS + 2, labels.size(), "the cap, other and invalid");
        assertTrue(labels.contains("Early") && labels.contains("other") && labels.contains("invalid"), labels.toString());
        assertEquals(2, observer.registry.find("quoteline.graphql.requests").tag("operation", "Early")
                .tag("outcome", "success").timer().count(), "a name labelled before the cap keeps its series");
        // "Early" took one of the labels, so 51 of the 250 numbered names found none left
        assertEquals(51, observer.registry.find("quoteline.graphql.requests").tag("operation", "other")
                .tag("outcome", "success").timer().count());
    }
}
