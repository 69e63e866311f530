package dev.quoteline.extract;

import dev.quoteline.extract.time.PublicationTime;
import java.util.List;

/**
 * Everything the analysis found in one article. All offsets point into the body as submitted.
 *
 * @param title       the title from metadata or the header line, with site suffixes removed
 * @param publisher   the publisher from metadata or read from the title's site suffix (null when unknown)
 * @param section     the site section when the title names one ("National"), else null
 * @param publishedAt publication time from metadata or text; null when the article is undated
 * @param paragraphs  the kept paragraphs (non-empty lines that are not boilerplate or the header)
 * @param boilerplate dropped lines and fragments (site furniture such as "Read more:")
 */
public record ArticleAnalysis(String title, String publisher, String section, PublicationTime publishedAt,
                              List<Span> paragraphs, List<Span> boilerplate,
                              List<ExtractedStatement> statements, List<ExtractedSpeaker> speakers,
                              List<ExtractedEvent> events) {
}
