package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Date lines and datelines under the header: read as the publication time, never part of a statement. */
class DateLinesTest {
    static ArticleAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    @Test
    void publishedLineGivesTheDateAndTimeAndIsDropped() {
        String body = "Senate passes budget\nPublished April 5, 2022 3:15 PM ET\n"
                + "The Senate passed the budget on Tuesday, Majority Leader Tom Briggs said.\n";
        ArticleAnalysis a = analyzer.analyze(RawArticle.ofBody(body));
        assertEquals(LocalDate.of(2022, 4, 5), a.publishedAt().date());
        assertEquals(ZoneOffset.ofHours(-4), a.publishedAt().instant().getOffset(), "ET follows US daylight time");
        assertTrue(a.boilerplate().stream().anyMatch(s -> s.text().startsWith("Published April 5")));
        assertEquals(1, a.statements().size());
        assertEquals(LocalDate.of(2022, 4, 5), a.statements().get(0).saidOn().start(), "Tuesday 5 April 2022");
    }

    @Test
    void datelineIsCutFromTheStatementAndDatesTheArticle() {
        String body = "Senate passes budget\nWASHINGTON, March 3, 2021 (Reuters) - The Senate passed the budget, "
                + "Majority Leader Tom Briggs said.\n";
        ArticleAnalysis a = analyzer.analyze(RawArticle.ofBody(body));
        assertEquals(LocalDate.of(2021, 3, 3), a.publishedAt().date());
        ExtractedStatement s = a.statements().get(0);
        assertEquals("The Senate passed the budget", s.text());
        assertEquals(s.text(), body.substring(s.content().start(), s.content().end()));
        assertTrue(a.boilerplate().stream().anyMatch(b -> b.text().startsWith("WASHINGTON, March 3, 2021 (Reuters)")));
    }

    @Test
    void datelineWithoutAYearIsTheLatestSuchDayUpToToday() {
        String body = "Port strike ends\nLONDON, Jan 2 (AP) — Dock workers went back to work, union leader Sara Cole said.\n";
        ArticleAnalysis a = analyzer.analyze(RawArticle.ofBody(body));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expected = LocalDate.of(today.getYear(), 1, 2);
        if (expected.isAfter(today)) expected = expected.minusYears(1);
        assertEquals(expected, a.publishedAt().date());
        assertFalse(a.statements().get(0).text().contains("LONDON"));
    }

    @Test
    void metadataWinsAndOrdinarySentencesAreNotDatelines() {
        String body = "Budget vote\nNATO allies said on Monday they would meet again, officials said.\n";
        ArticleAnalysis a = analyzer.analyze(new RawArticle(body, null, null, null,
                dev.quoteline.extract.time.PublicationTime.ofDate(LocalDate.of(2020, 6, 1))));
        assertEquals(LocalDate.of(2020, 6, 1), a.publishedAt().date());
        assertTrue(a.boilerplate().isEmpty(), a.boilerplate().toString());
        ArticleAnalysis undated = analyzer.analyze(RawArticle.ofBody("Budget vote\nThe mayor said the vote would wait.\n"));
        assertNull(undated.publishedAt());
    }
}
