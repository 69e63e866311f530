package dev.quoteline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer tokens allowed to write. Configuration holds only their SHA-256 digests
 * ({@code quoteline.auth.token-hashes}), so a leaked configuration or environment dump does not leak a usable token.
 * With none configured nothing may write.
 */
@ApplicationScoped
public class WriteTokens {
    private final List<byte[]> digests = new ArrayList<>();

    @Inject
    public WriteTokens(@ConfigProperty(name = "quoteline.auth.token-hashes") Optional<List<String>> configured) {
        for (String entry : configured.orElse(List.of())) {
            String hex = entry.strip().toLowerCase(Locale.ROOT);
            if (hex.isEmpty()) {
                continue;
            }
            if (!hex.matches("[0-9a-f]{64}")) {
                // never echo the entry: an operator may have pasted the token itself instead of its digest
                throw new IllegalStateException("quoteline.auth.token-hashes: entry " + (digests.size() + 1)
                        + " is not a SHA-256 digest (64 hex digits); configure sha256(token), never the token");
            }
            digests.add(HexFormat.of().parseHex(hex));
        }
    }

    /** Whether any token is configured at all. */
    public boolean anyConfigured() {
        return !digests.isEmpty();
    }

    /** Whether an HTTP Authorization header value carries an accepted bearer token. */
    public boolean accepts(String authorization) {
        String token = bearerToken(authorization);
        if (token == null || digests.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(token);
        boolean match = false;
        // compare against every digest in constant time, so timing tells nothing about which or how close
        for (byte[] accepted : digests) {
            match |= MessageDigest.isEqual(accepted, digest);
        }
        return match;
    }

    /** The token of a {@code Bearer} Authorization header, or null when the header is absent or another scheme. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
