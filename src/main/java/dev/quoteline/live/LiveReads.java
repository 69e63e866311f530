package dev.quoteline.live;

import dev.quoteline.api.ArticleView;
import dev.quoteline.api.LiveQueries;
import dev.quoteline.api.StatementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;

/** Reads for live updates, which run outside any HTTP request: each read gets its own request context and session. */
@ApplicationScoped
public class LiveReads {
    @Inject
    LiveQueries queries;

    @ActivateRequestContext
    public List<StatementView> statements(long articleId, Long speakerId, String search) {
        return queries.statementsOf(articleId, speakerId, search);
    }

    @ActivateRequestContext
    public List<ArticleView> article(long articleId) {
        return queries.article(articleId);
    }
}
