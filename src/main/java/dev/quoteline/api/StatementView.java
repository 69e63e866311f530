package dev.quoteline.api;

import dev.quoteline.extract.StatementKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Statement")
@Description("Something a speaker said, as an article reports it: a direct quote or reported speech.")
public class StatementView implements Node, TimelineEntry {
    private final long rowId;
    private final long articleRowId;
    private final Long speakerRowId;
    private final Long occasionRowId;
    private final String text;
    private final StatementKind kind;
    private Detail detail;
    /** Where {@link #detail} comes from when the page's statement left it out; null when it was read with the rest. */
    private final RestOfPage<Detail> restOfPage;
    private final When saidOn;
    private final String snippet;
    /** The article when the page's own statement read it (the client asked for it), else null. */
    private ArticleView prefetchedArticle;
    /** The speaker when the page's own statement read it (the client asked for it), else null. */
    private SpeakerView prefetchedSpeaker;

    /** Where the statement sits in its article: the columns a timeline page reads only when they are asked for. */
    record Detail(int start, int end, TextSpan cue, TextSpan speakerMention, int paragraphIndex, TextSpan sentence) {
    }

    public StatementView(long rowId, long articleRowId, Long speakerRowId, Long occasionRowId, String text,
                         StatementKind kind, When saidOn, Detail detail, String snippet) {
        this(rowId, articleRowId, speakerRowId, occasionRowId, text, kind, saidOn, detail, null, snippet);
    }

    /** A statement whose {@link Detail} is read with the rest of its page's when first asked for. */
    StatementView(long rowId, long articleRowId, Long speakerRowId, Long occasionRowId, String text, StatementKind kind,
                  When saidOn, RestOfPage<Detail> restOfPage) {
        this(rowId, articleRowId, speakerRowId, occasionRowId, text, kind, saidOn, null, restOfPage, null);
    }

    private StatementView(long rowId, long articleRowId, Long speakerRowId, Long occasionRowId, String text,
                          StatementKind kind, When saidOn, Detail detail, RestOfPage<Detail> restOfPage, String snippet) {
        this.rowId = rowId;
        this.articleRowId = articleRowId;
        this.speakerRowId = speakerRowId;
        this.occasionRowId = occasionRowId;
        this.text = text;
        this.kind = kind;
        this.saidOn = saidOn;
        this.detail = detail;
        this.restOfPage = restOfPage;
        this.snippet = snippet;
    }

    private Detail detail() {
        Detail d = detail;
        if (d == null) {
            d = detail = restOfPage.of(rowId);
        }
        return d;
    }

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of the statement.")
    public String getId() {
        return GlobalId.of(GlobalId.Type.Statement, rowId);
    }

    @Override
    @Description("When it was said (the same as `saidOn`); null only for statements of undated articles.")
    public When getWhen() {
        return saidOn;
    }

    @Description("When it was said: the article's date unless the sentence dates it (\"said on Tuesday\").")
    public When getSaidOn() {
        return saidOn;
    }

    @NonNull
    @Description("The statement's words as they stand in the article (quotation marks included for direct quotes).")
    public String getText() {
        return text;
    }

    @NonNull
    @Description("DIRECT quote, INDIRECT reported speech, or MIXED (reported speech carrying a quoted phrase).")
    public StatementKind getKind() {
        return kind;
    }

    @Description("Offset of the statement's first character in the article body (UTF-16 code units).")
    public int getStart() {
        return detail().start();
    }

    @Description("Offset just past the statement's last character in the article body (UTF-16 code units).")
    public int getEnd() {
        return detail().end();
    }

    @Description("The verb or phrase of saying (said, told, added, according to); null for a quote paragraph with no cue.")
    public TextSpan getCue() {
        return detail().cue();
    }

    @Description("The words the statement was attributed through (a name, a pronoun, a description); null when none.")
    public TextSpan getSpeakerMention() {
        return detail().speakerMention();
    }

    @Description("0-based index of the article paragraph (line) where the statement starts.")
    public int getParagraphIndex() {
        return detail().paragraphIndex();
    }

    @NonNull
    @Description("The sentence around the statement, with its offsets.")
    public TextSpan getSentence() {
        return detail().sentence();
    }

    @Description("When the list was searched: the statement text around the matched words, which are wrapped in <mark>…</mark> "
            + "(PostgreSQL ts_headline); null otherwise.")
    public String getSnippet() {
        return snippet;
    }

    @Ignore
    public long rowId() {
        return rowId;
    }

    @Ignore
    public long articleRowId() {
        return articleRowId;
    }

    @Ignore
    public ArticleView prefetchedArticle() {
        return prefetchedArticle;
    }

    @Ignore
    public StatementView withPrefetchedArticle(ArticleView article) {
        this.prefetchedArticle = article;
        return this;
    }

    @Ignore
    public SpeakerView prefetchedSpeaker() {
        return prefetchedSpeaker;
    }

    @Ignore
    public StatementView withPrefetchedSpeaker(SpeakerView speaker) {
        this.prefetchedSpeaker = speaker;
        return this;
    }

    @Ignore
    public Long speakerRowId() {
        return speakerRowId;
    }

    @Ignore
    public Long occasionRowId() {
        return occasionRowId;
    }
}
