package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One article's report of an event.")
public record EventReport(
        @NonNull @Description("The reporting article.") ArticleView article,
        @NonNull @Description("The sentence that reports the event, with its offsets in that article's body.") TextSpan sentence) {
}
