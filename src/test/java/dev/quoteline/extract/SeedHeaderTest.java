package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw seed files with no metadata: header, boilerplate, one speaker per person. */
class SeedHeaderTest {
    static ArticleAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    static ArticleAnalysis seed(String prefix) throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".txt")).findFirst().orElseThrow();
            return analyzer.analyze(RawArticle.ofBody(Files.readString(p)));
        }
    }

    @Test
    void siteSuffixGivesTitleSectionPublisherAndNoDate() throws IOException {
        ArticleAnalysis a = seed("000_");
        assertEquals("Russia regrouping for Donbas offensive in coming weeks, NATO says", a.title());
        assertEquals("National", a.section());
        assertEquals("Global News", a.publisher());
        assertNull(a.publishedAt());
        assertTrue(a.statements().stream().allMatch(s -> s.saidOn() == null), "undated article: no saidOn");
        List<String> dropped = a.boilerplate().stream().map(Span::text).toList();
        assertTrue(dropped.contains("Read more:"), dropped.toString());
        assertTrue(dropped.contains("What happened in Bucha, Ukraine? Here’s what you need to know"), dropped.toString());
        assertTrue(dropped.contains("For all the latest world News Click Here"), dropped.toString());
        assertTrue(a.paragraphs().stream().noneMatch(p -> p.text().startsWith("Read more")));
    }

    @Test
    void messyHeaderGivesDateTimeAndTitle() throws IOException {
        ArticleAnalysis a = seed("004_");
        assertEquals("NATO Chief warns Bakhmut may fall soon", a.title());
        assertEquals(LocalDate.of(2023, 3, 8), a.publishedAt().date());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), a.publishedAt().instant().getOffset());
        assertEquals(22, a.publishedAt().instant().getHour());
        assertEquals(31, a.publishedAt().instant().getMinute());
        assertTrue(a.boilerplate().stream().anyMatch(b -> b.text().equals("2 min read")));
        // the repeated lede gives one statement
        long bakhmutFall = a.statements().stream().filter(s -> s.text().contains("possible fall of Bakhmut")).count();
        assertEquals(1, bakhmutFall);
    }

    @Test
    void onePersonIsOneSpeakerWithRoleAndAliases() throws IOException {
        ArticleAnalysis a = seed("004_");
        List<ExtractedSpeaker> named = a.speakers().stream().filter(s -> s.name().endsWith("Stoltenberg")).toList();
        assertEquals(1, named.size(), a.speakers().toString());
        ExtractedSpeaker s = named.get(0);
        assertEquals("Jens Stoltenberg", s.name());
        assertEquals(SpeakerKind.PERSON, s.kind());
        assertTrue(s.aliases().containsAll(List.of("NATO Secretary-General Jens Stoltenberg", "Stoltenberg", "the NATO secretary general")), s.aliases().toString());
        assertTrue(s.roles().stream().anyMatch(r -> r.label().equals("NATO Secretary-General")), s.roles().toString());
        int idx = a.speakers().indexOf(s);
        long his = a.statements().stream().filter(st -> st.speakerIndex() == idx).count();
        assertTrue(his >= 5, "statements by the same speaker: " + his);
        ExtractedSpeaker isw = a.speakers().stream().filter(x -> x.name().contains("Study of War")).findFirst().orElseThrow();
        assertEquals(SpeakerKind.ORGANIZATION, isw.kind());
    }

    @Test
    void everySpanPointsIntoTheBody() throws IOException {
        for (String prefix : List.of("000_", "004_")) {
            String body;
            try (var files = Files.list(Path.of("seeds"))) {
                body = Files.readString(files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
            }
            ArticleAnalysis a = analyzer.analyze(RawArticle.ofBody(body));
            for (ExtractedStatement s : a.statements()) {
                assertEquals(s.content().text(), body.substring(s.content().start(), s.content().end()));
                if (s.cue() != null) assertEquals(s.cue().text(), body.substring(s.cue().start(), s.cue().end()));
                if (s.speakerMention() != null) assertEquals(s.speakerMention().text(), body.substring(s.speakerMention().start(), s.speakerMention().end()));
            }
        }
    }
}
