package dev.quoteline.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Article")
@Description("A stored news article, its body exactly as submitted.")
public class ArticleView implements Node {
    private final long rowId;
    private final String title;
    private final String publisher;
    private Detail detail;
    /**
     * {@link Detail#publishedAt()} once read. SmallRye types the GraphQL field {@code publishedAt} from this member
     * (DateTime, as the published schema has it), while its getter writes a date alone when there is no time of day.
     */
    private OffsetDateTime publishedAt;
    /** Where {@link #detail} comes from when the page's statement left it out; null when it was read with the rest. */
    private final RestOfPage<Detail> restOfPage;

    /** The article's other columns, which a timeline page that names only its title and publisher does not read. */
    record Detail(String section, String url, LocalDate publishedOn, OffsetDateTime publishedAt, String contentHash,
                  OffsetDateTime ingestedAt) {
    }

    public ArticleView(long rowId, String title, String publisher, String section, String url, LocalDate publishedOn,
                       OffsetDateTime publishedAt, String contentHash, OffsetDateTime ingestedAt) {
        this(rowId, title, publisher, new Detail(section, url, publishedOn, publishedAt, contentHash, ingestedAt), null);
    }

    /** An article whose {@link Detail} is read with the rest of its page's when first asked for. */
    ArticleView(long rowId, String title, String publisher, RestOfPage<Detail> restOfPage) {
        this(rowId, title, publisher, null, restOfPage);
    }

    private ArticleView(long rowId, String title, String publisher, Detail detail, RestOfPage<Detail> restOfPage) {
        this.rowId = rowId;
        this.title = title;
        this.publisher = publisher;
        this.detail = detail;
        this.restOfPage = restOfPage;
        this.publishedAt = detail == null ? null : detail.publishedAt();
    }

    private Detail detail() {
        Detail d = detail;
        if (d == null) {
            d = detail = restOfPage.of(rowId);
            publishedAt = d.publishedAt();
        }
        return d;
    }

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of the article.")
    public String getId() {
        return GlobalId.of(GlobalId.Type.Article, rowId);
    }

    @Description("Title, from metadata or the header line, without site suffixes.")
    public String getTitle() {
        return title;
    }

    @Description("Publisher (source), from metadata or the site name in the title; null when unknown.")
    public String getPublisher() {
        return publisher;
    }

    @Description("Site section named in the title (\"National\"), if any.")
    public String getSection() {
        return detail().section();
    }

    @Description("Where the article was published, when given.")
    public String getUrl() {
        return detail().url();
    }

    @Description("Publication day as the publisher saw it; null for an undated article.")
    public LocalDate getPublishedOn() {
        return detail().publishedOn();
    }

    @Description("Publication time in ISO form: a date-time with offset when the source gave a time of day "
            + "(2023-03-08T22:31+05:30), else the date (2022-04-05); null for an undated article.")
    public String getPublishedAt() {
        Detail d = detail();
        return publishedAt != null ? publishedAt.toString() : d.publishedOn() == null ? null : d.publishedOn().toString();
    }

    @Description("Whether the article has no publication date (its statements and events are then undated too).")
    public boolean isUndated() {
        return detail().publishedOn() == null;
    }

    @NonNull
    @Description("SHA-256 of the body: the same text is never stored twice.")
    public String getContentHash() {
        return detail().contentHash();
    }

    @NonNull
    @Description("When Quoteline stored the article.")
    public OffsetDateTime getIngestedAt() {
        return detail().ingestedAt();
    }

    @Ignore
    public long rowId() {
        return rowId;
    }
}
