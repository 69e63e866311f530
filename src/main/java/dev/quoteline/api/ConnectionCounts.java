package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

/**
 * {@code totalCount} of every connection. It is a resolver rather than a getter because counting runs SQL, which must
 * happen on a worker thread (plain getters run on the I/O thread), and only when a client asks for it.
 */
@GraphQLApi
public class ConnectionCounts {
    private static final String DESCRIPTION = "Number of entries in the whole list (all pages) under the same filter.";

    @Description(DESCRIPTION)
    public int totalCount(@Source TimelineConnection connection) {
        return connection.total();
    }

    @Description(DESCRIPTION)
    public int totalCount(@Source StatementConnection connection) {
        return connection.total();
    }

    @Description(DESCRIPTION)
    public int totalCount(@Source SpeakerConnection connection) {
        return connection.total();
    }

    @Description(DESCRIPTION)
    public int totalCount(@Source ArticleConnection connection) {
        return connection.total();
    }

    @Description(DESCRIPTION)
    public int totalCount(@Source EventConnection connection) {
        return connection.total();
    }
}
