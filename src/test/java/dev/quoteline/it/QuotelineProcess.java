package dev.quoteline.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A packaged Quoteline server (target/quarkus-app) started as its own process, as an operator would run it. */
final class QuotelineProcess implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int port;
    final Path log;
    private final Process process;

    private QuotelineProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static QuotelineProcess start(int port, String jdbcUrl, Map<String, String> extraEnv) throws IOException {
        QuotelineProcess server = launch(port, jdbcUrl, extraEnv);
        server.awaitReady(Duration.ofSeconds(120));
        return server;
    }

    /** Starts the server and returns at once, before it is ready (for tests that act during start-up). */
    static QuotelineProcess launch(int port, String jdbcUrl, Map<String, String> extraEnv) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the application first: " + jar + " is missing");
        }
        Path log = Files.createTempFile("quoteline-" + port + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("QUOTELINE_AUTH_TOKEN_HASHES", dev.quoteline.support.TestTokens.WRITER_SHA256);
        pb.environment().putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new QuotelineProcess(port, log, pb.start());
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> graphql(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/graphql"))
                .header("content-type", "application/json")
                .header("Authorization", dev.quoteline.support.TestTokens.AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hooks, no transaction gets to finish. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server on port " + port + " exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IllegalStateException("server on port " + port + " not ready in " + timeout + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
