package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What ingesting an article did.")
public record IngestResult(
        @NonNull @Description("The stored article (the existing one when the same text was ingested before).") ArticleView article,
        @Description("True when this call stored the article; false when the same text was already stored and nothing changed.") boolean created,
        @Description("Statements this call stored (0 when nothing changed).") int statementCount,
        @Description("Speakers the article's statements are attributed to (0 when nothing changed).") int speakerCount,
        @Description("Events this call stored or linked (0 when nothing changed).") int eventCount) {
}
