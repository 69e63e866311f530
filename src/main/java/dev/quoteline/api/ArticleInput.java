package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ArticleInput")
@Description("A news article to analyse or ingest. Given metadata wins over what the analysis reads from the text.")
public class ArticleInput {
    @NonNull
    @Description("The article text exactly as scraped: title line, paragraphs (one per line), boilerplate and all. "
            + "At most 2 MiB of text.")
    public String body;

    @Description("The title, when known; otherwise read from the first line.")
    public String title;

    @Description("The publisher (\"Reuters\", \"The Guardian\"), when known; otherwise read from the header.")
    public String source;

    @Description("Where the article was published.")
    public String url;

    @Description("Publication date (2023-03-08) or date-time with offset (2023-03-08T22:31:00+05:30); otherwise read "
            + "from the text. An article with no date stays undated.")
    public String publishedAt;
}
