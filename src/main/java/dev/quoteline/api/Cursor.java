package dev.quoteline.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of {@code connection|value|value...}. The connection name makes a cursor from one
 * connection fail clearly in another instead of silently paging wrong.
 */
public final class Cursor {
    private Cursor() {
    }

    public static String encode(String connection, Object... values) {
        StringBuilder sb = new StringBuilder(connection);
        for (Object v : values) {
            sb.append('|').append(v);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String[] decode(String cursor, String connection, int arity, String argument) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(cursor, argument);
        }
        String[] parts = raw.split("\\|", -1);
        if (!parts[0].equals(connection) && parts[0].matches("[A-Z][A-Za-z]{1,20}")) {
            throw new InvalidInputException(argument + " '" + GlobalId.abbreviate(cursor) + "' is a cursor of a "
                    + parts[0] + " connection, not of this " + connection + " connection");
        }
        if (parts.length != arity + 1 || !parts[0].equals(connection)) {
            throw malformed(cursor, argument);
        }
        String[] values = new String[arity];
        System.arraycopy(parts, 1, values, 0, arity);
        return values;
    }

    static InvalidInputException malformed(String cursor, String argument) {
        return new InvalidInputException(argument + " '" + GlobalId.abbreviate(cursor)
                + "' is not a valid cursor: pass a cursor from this connection's edges or pageInfo");
    }
}
