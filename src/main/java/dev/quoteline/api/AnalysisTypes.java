package dev.quoteline.api;

import dev.quoteline.extract.ArticleAnalysis;
import dev.quoteline.extract.EventStatus;
import dev.quoteline.extract.ExtractedEvent;
import dev.quoteline.extract.ExtractedRole;
import dev.quoteline.extract.ExtractedSpeaker;
import dev.quoteline.extract.ExtractedStatement;
import dev.quoteline.extract.SpeakerKind;
import dev.quoteline.extract.Span;
import dev.quoteline.extract.StatementKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The result types of {@code analyzeArticle}: what the analysis found, nothing stored, so no IDs. */
public final class AnalysisTypes {
    private AnalysisTypes() {
    }

    @Name("ArticleAnalysis")
    @Description("What the analysis found in a submitted article. Nothing is stored. Offsets are UTF-16 code units "
            + "into the body exactly as submitted.")
    public record Analysis(
            @Description("Title from the input, else the header line, without site suffixes.") String title,
            @Description("Publisher from the input, else from the site name in the header.") String publisher,
            @Description("Site section named in the header (\"National\"), if any.") String section,
            @Description("Publication day from the input, else from the text; null when undated.") LocalDate publishedOn,
            @Description("Publication time in ISO form: a date-time with offset when a time of day is known "
                    + "(2023-03-08T22:31+05:30), else the date (2022-04-05); null when undated.") String publishedAt,
            @Description("Whether no publication date was given or found.") boolean undated,
            @NonNull @Description("Every statement found, in body order.") List<@NonNull AnalyzedStatement> statements,
            @NonNull @Description("The speakers of the statements, one per real speaker in the article.") List<@NonNull AnalyzedSpeaker> speakers,
            @NonNull @Description("Dated events the article reports.") List<@NonNull AnalyzedEvent> events,
            @NonNull @Description("Lines and fragments dropped as site furniture (\"Read more:\").") List<@NonNull TextSpan> boilerplate) {
    }

    @Name("AnalyzedSpeaker")
    @Description("A speaker as found in one article.")
    public record AnalyzedSpeaker(
            @NonNull @Description("The fullest name the article gives.") String name,
            @NonNull @Description("PERSON, ORGANIZATION, GROUP or UNKNOWN.") SpeakerKind kind,
            @NonNull @Description("Every surface form the article uses for this speaker.") List<@NonNull String> aliases,
            @NonNull @Description("Roles the article states (\"NATO Secretary-General\").") List<@NonNull String> roles) {
    }

    @Name("AnalyzedEvent")
    @Description("A dated event as found in one article.")
    public record AnalyzedEvent(
            @NonNull @Description("Short subject-action-object title.") String title,
            @NonNull @Description("MEETING, VISIT, ANNOUNCEMENT, ... (see Event.kind).") String kind,
            @NonNull @Description("PAST, ONGOING or EXPECTED.") EventStatus status,
            @NonNull @Description("When it happened or is expected.") When when,
            @NonNull @Description("The sentence that reports it.") TextSpan sentence,
            @NonNull @Description("Places named in the sentence.") List<@NonNull String> places,
            @NonNull @Description("People and organisations taking part.") List<@NonNull String> participantNames) {
    }

    @Name("AnalyzedStatement")
    @Description("A statement as found in one article.")
    public record AnalyzedStatement(
            @NonNull @Description("The statement's words as they stand in the body.") String text,
            @NonNull @Description("DIRECT, INDIRECT or MIXED.") StatementKind kind,
            @Description("Offset of the first character (UTF-16 code units).") int start,
            @Description("Offset just past the last character (UTF-16 code units).") int end,
            @Description("The verb or phrase of saying; null when none.") TextSpan cue,
            @Description("Who said it; null when no speaker was found.") AnalyzedSpeaker speaker,
            @Description("The words that name the speaker for this statement; null when none.") TextSpan speakerMention,
            @Description("When it was said; null for an undated article.") When saidOn,
            @Description("0-based paragraph (line) index.") int paragraphIndex,
            @NonNull @Description("The sentence around the statement.") TextSpan sentence,
            @Description("The event it was said at (a news conference, a meeting), if the article names one.") AnalyzedEvent occasion) {
    }

    static Analysis of(ArticleAnalysis a) {
        List<AnalyzedSpeaker> speakers = a.speakers().stream().map(AnalysisTypes::speaker).toList();
        List<AnalyzedEvent> events = a.events().stream().map(AnalysisTypes::event).toList();
        List<AnalyzedStatement> statements = new ArrayList<>();
        for (ExtractedStatement s : a.statements()) {
            statements.add(new AnalyzedStatement(s.text(), s.kind(), s.content().start(), s.content().end(), span(s.cue()),
                    s.speakerIndex() >= 0 && s.speakerIndex() < speakers.size() ? speakers.get(s.speakerIndex()) : null,
                    span(s.speakerMention()), When.of(s.saidOn()), s.paragraphIndex(), span(s.sentence()),
                    s.occasionEventIndex() >= 0 && s.occasionEventIndex() < events.size() ? events.get(s.occasionEventIndex()) : null));
        }
        var published = a.publishedAt();
        return new Analysis(a.title(), a.publisher(), a.section(), published == null ? null : published.date(),
                published == null ? null : published.instant() != null ? published.instant().toString()
                        : published.date().toString(), published == null, statements, speakers, events,
                a.boilerplate().stream().map(AnalysisTypes::span).toList());
    }

    private static AnalyzedSpeaker speaker(ExtractedSpeaker s) {
        return new AnalyzedSpeaker(s.name(), s.kind(), s.aliases(),
                s.roles().stream().map(ExtractedRole::label).filter(l -> l != null && !l.isBlank()).toList());
    }

    private static AnalyzedEvent event(ExtractedEvent e) {
        return new AnalyzedEvent(e.title(), e.kind(), e.status(), When.of(e.when()), span(e.sentence()), e.places(),
                e.participantNames());
    }

    private static TextSpan span(Span s) {
        return s == null ? null : new TextSpan(s.text(), s.start(), s.end());
    }
}
