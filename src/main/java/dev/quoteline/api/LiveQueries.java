package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The rows a live update carries: one article's statements, filtered as a subscriber asked. */
@ApplicationScoped
public class LiveQueries {
    @Inject
    NativeSql sql;
    @Inject
    ReadRepository reads;

    public List<StatementView> statementsOf(long articleId, Long speakerId, String search) {
        StringBuilder where = new StringBuilder("s.article_id = ?");
        List<Object> params = new ArrayList<>(List.of(articleId));
        if (speakerId != null) {
            where.append(" and s.speaker_id = ?");
            params.add(speakerId);
        }
        if (search != null) {
            where.append(" and s.search_vector @@ websearch_to_tsquery('english', ?)");
            params.add(search);
        }
        return sql.rows("select " + ReadRepository.STATEMENT_COLUMNS + " from statement s where " + where
                + " order by s.start_offset, s.id", params.toArray()).stream().map(ReadRepository::statement).toList();
    }

    public List<ArticleView> article(long articleId) {
        return reads.articles(List.of(articleId));
    }
}
