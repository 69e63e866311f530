package dev.quoteline.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Content negotiation for the GraphQL endpoint, as the GraphQL-over-HTTP specification describes it. */
final class MediaTypes {
    private MediaTypes() {
    }

    /** The media types a GraphQL answer can be sent as. */
    enum Response {
        /** Request errors answer 400; used when the client names it. */
        GRAPHQL_RESPONSE("application/graphql-response+json"),
        /** The default: every well-formed request answers 200, whatever its GraphQL errors. */
        JSON("application/json"),
        /** The specification's earlier draft name, still sent by some clients; treated like application/json. */
        LEGACY("application/graphql+json");

        final String mediaType;

        Response(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** A media type split into its lower-cased essence and charset parameter (null when absent). */
    record Parsed(String essence, String charset, double quality) {
    }

    static Parsed parse(String value) {
        String[] parts = value.split(";");
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        String charset = null;
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = p.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (name.equals("charset")) {
                charset = v.toLowerCase(Locale.ROOT);
            } else if (name.equals("q")) {
                try {
                    q = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
        }
        return new Parsed(essence, charset, q);
    }

    /**
     * A request's Content-Type. GraphiQL sends {@code application/json, application/json} (its fetcher sets the
     * header twice, and the browser joins the values), so a list of the same media type counts as that type; a list
     * of different types is null.
     */
    static Parsed parseContentType(String value) {
        Parsed first = null;
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            Parsed p = parse(item);
            if (first == null) {
                first = p;
            } else if (!first.essence().equals(p.essence()) || !java.util.Objects.equals(first.charset(), p.charset())) {
                return null;
            }
        }
        return first == null ? parse(value) : first;
    }

    /**
     * The answer's media type for an Accept header: the first supported type by preference, application/json when the
     * header is missing or allows anything, null when nothing offered is supported.
     */
    static Response negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Response.JSON;
        }
        List<Parsed> offered = new ArrayList<>();
        for (String item : accept.split(",")) {
            if (!item.isBlank()) {
                offered.add(parse(item));
            }
        }
        // stable: equal preferences keep the client's order
        offered.sort(Comparator.comparingDouble(Parsed::quality).reversed());
        for (Parsed p : offered) {
            if (p.quality() <= 0) {
                continue;
            }
            switch (p.essence()) {
                case "application/graphql-response+json":
                    return Response.GRAPHQL_RESPONSE;
                case "application/json":
                case "*/*":
                    return Response.JSON;
                case "application/graphql+json":
                    return Response.LEGACY;
                default:
                    break;
            }
        }
        return null;
    }
}
