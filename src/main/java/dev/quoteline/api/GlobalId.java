package dev.quoteline.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque global IDs: base64url of {@code Type:rowId}. Clients must treat them as opaque; the type prefix lets
 * {@code node(id)} find the right table and lets every field reject an ID of the wrong type.
 */
public final class GlobalId {
    public enum Type { Article, Speaker, Statement, Event }

    public record Decoded(Type type, long rowId) {
    }

    private GlobalId() {
    }

    public static String of(Type type, long rowId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type.name() + ":" + rowId).getBytes(StandardCharsets.UTF_8));
    }

    public static Decoded decode(String id, String argument) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(argument + " is empty: pass an ID returned by this API");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(argument + " '" + abbreviate(id) + "' is not a Quoteline ID");
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException(argument + " '" + abbreviate(id) + "' is not a Quoteline ID");
        }
        try {
            Type type = Type.valueOf(raw.substring(0, colon));
            long rowId = Long.parseLong(raw.substring(colon + 1));
            if (rowId <= 0) {
                throw new NumberFormatException();
            }
            return new Decoded(type, rowId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(argument + " '" + abbreviate(id) + "' is not a Quoteline ID");
        }
    }

    public static long decode(String id, Type expected, String argument) {
        Decoded decoded = decode(id, argument);
        if (decoded.type() != expected) {
            throw new InvalidInputException(argument + " '" + abbreviate(id) + "' is the ID of a " + decoded.type()
                    + ", where an ID of type " + expected + " is expected");
        }
        return decoded.rowId();
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
