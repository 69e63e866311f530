package dev.quoteline.support;

/** The bearer token the test profile accepts (its SHA-256 digest is in application.properties under %test). */
public final class TestTokens {
    public static final String WRITER = "quoteline-test-writer";
    public static final String WRITER_SHA256 = "c7fb11d65e3fa5a3545fdc81e9ffd7605e9e17548f9cc1e1c046d5cfe8ea7e47";
    public static final String AUTHORIZATION = "Bearer " + WRITER;

    private TestTokens() {
    }
}
