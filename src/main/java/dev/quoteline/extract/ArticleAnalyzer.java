package dev.quoteline.extract;

import java.util.List;

/** PLACEHOLDER until the extraction branch merges: finds nothing. */
public final class ArticleAnalyzer {
    public ArticleAnalysis analyze(RawArticle article) {
        return new ArticleAnalysis(article.title(), article.publisher(), null, article.publishedAt(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
