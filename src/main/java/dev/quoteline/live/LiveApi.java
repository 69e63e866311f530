package dev.quoteline.live;

import dev.quoteline.api.ArticleView;
import dev.quoteline.api.GlobalId;
import dev.quoteline.api.StatementView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import io.smallrye.graphql.api.Subscription;

/** Live updates over WebSocket at /graphql (graphql-transport-ws), fed by PostgreSQL LISTEN/NOTIFY. */
@GraphQLApi
public class LiveApi {
    @Inject
    IngestNotifications notifications;
    @Inject
    LiveReads reads;

    @Subscription("statementAdded")
    @Description("Each statement stored from now on, on any instance; optionally only one speaker's, or only those "
            + "matching a full-text search (web search syntax).")
    public Multi<StatementView> statementAdded(
            @Id @Description("Only this speaker's statements.") String speakerId,
            @Description("Only statements matching this search.") String search) {
        Long speaker = speakerId == null ? null : GlobalId.decode(speakerId, GlobalId.Type.Speaker, "speakerId");
        String query = search == null || search.isBlank() ? null : search;
        return onSubscriberContext(notifications.articles()
                .onItem().transformToUniAndConcatenate(articleId -> blocking(() -> reads.statements(articleId, speaker, query)))
                .onItem().<StatementView>disjoint());
    }

    @Subscription("articleIngested")
    @Description("Each article stored from now on, on any instance.")
    public Multi<ArticleView> articleIngested() {
        return onSubscriberContext(notifications.articles()
                .onItem().transformToUniAndConcatenate(articleId -> blocking(() -> reads.article(articleId)))
                .onItem().<ArticleView>disjoint());
    }

    /** Database reads run on a worker thread, never on the event loop. */
    private static <T> Uni<List<T>> blocking(java.util.function.Supplier<List<T>> read) {
        return Uni.createFrom().item(read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Items go out on a worker thread of the subscriber's own Vert.x context, one at a time in order: with requests run
     * on workers (quarkus.smallrye-graphql.nonblocking.enabled=false) each item's field resolvers (speaker, article...)
     * run inline on the emitting thread, and they read the database, which an event-loop thread must not do.
     */
    private static <T> Multi<T> onSubscriberContext(Multi<T> items) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return items.emitOn(Infrastructure.getDefaultWorkerPool());
        }
        return items.emitOn(task -> context.executeBlocking(() -> {
            task.run();
            return null;
        }, true));
    }
}
