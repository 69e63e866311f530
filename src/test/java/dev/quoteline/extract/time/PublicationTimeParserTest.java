package dev.quoteline.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicationTimeParserTest {

    @Test
    void isoDate() {
        PublicationTime t = PublicationTimeParser.parseIso("2023-03-08");
        assertEquals(LocalDate.of(2023, 3, 8), t.date());
        assertNull(t.instant());
    }

    @Test
    void isoInstantWithOffsetKeepsThePublishersDay() {
        PublicationTime t = PublicationTimeParser.parseIso("2023-03-08T00:31:00+05:30");
        assertEquals(LocalDate.of(2023, 3, 8), t.date());
        assertEquals("2023-03-08T00:31+05:30", t.instant().toString());
        PublicationTime z = PublicationTimeParser.parseIso("2023-03-08T10:31:00Z");
        assertEquals(ZoneOffset.UTC, z.instant().getOffset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-02-30 | FEBRUARY 30",
            "99999-01-01 | year 99999",
            "+99999-01-01 | year +99999",
            "yesterday | not an ISO date",
            "2023-13-01 | MonthOfYear",
            "2023-03-08T25:00:00Z | HourOfDay"})
    void invalidIsoNamesTheProblem(String input, String expectedInMessage) {
        DateTimeException e = assertThrows(DateTimeException.class, () -> PublicationTimeParser.parseIso(input));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
        assertTrue(e.getMessage().contains(input), e.getMessage());
    }

    @Test
    void emptyIsoIsRejected() {
        assertThrows(DateTimeException.class, () -> PublicationTimeParser.parseIso(" "));
        assertThrows(DateTimeException.class, () -> PublicationTimeParser.parseIso(null));
    }

    @Test
    void scrapedHeaderLine() {
        String line = " date 2023-03-08 NATO Chief warns Bakhmut may fall soon2 min read . 10:31 PM IST";
        PublicationTimeParser.FoundPublicationTime f = PublicationTimeParser.find(line).orElseThrow();
        assertEquals("2023-03-08T22:31+05:30", f.time().instant().toString());
        assertEquals(LocalDate.of(2023, 3, 8), f.time().date());
        assertEquals("IST", f.time().zoneLabel());
        assertEquals(line.indexOf("date"), f.start());
        assertEquals(line.length(), f.end());
    }

    @Test
    void headerWithoutTimeGivesTheDay() {
        PublicationTime t = PublicationTimeParser.find("date 2023-03-08 Some headline").orElseThrow().time();
        assertEquals(LocalDate.of(2023, 3, 8), t.date());
        assertNull(t.instant());
    }

    @Test
    void publishedLine() {
        String line = "Published April 5, 2022";
        PublicationTimeParser.FoundPublicationTime f = PublicationTimeParser.find(line).orElseThrow();
        assertEquals(LocalDate.of(2022, 4, 5), f.time().date());
        assertNull(f.time().instant());
        assertEquals(0, f.start());
        assertEquals(line.length(), f.end());
    }

    @Test
    void updatedLineWithTimeAndZone() {
        String line = "Updated: 08 Mar 2023, 10:31 PM IST";
        PublicationTime t = PublicationTimeParser.find(line).orElseThrow().time();
        assertEquals("2023-03-08T22:31+05:30", t.instant().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "First published on Wed 8 Mar 2023 10.31 GMT | 2023-03-08T10:31Z",
            "Last Updated: March 8, 2023, 10:31 AM EST | 2023-03-08T10:31-05:00",
            "By Jane Doe · Published March 8, 2023 at 10:31 p.m. CET | 2023-03-08T22:31+01:00",
            "March 8, 2023 10:31 PM PT | 2023-03-08T22:31-08:00",
            "2023-03-08T10:31:00+05:30 | 2023-03-08T10:31+05:30"})
    void otherHeaderForms(String line, String instant) {
        assertEquals(instant, PublicationTimeParser.find(line).orElseThrow().time().instant().toString());
    }

    @Test
    void easternTimeFollowsUsDaylightSaving() {
        PublicationTime winter = PublicationTimeParser.find("Published: March 8, 2023 at 10:31 a.m. ET").orElseThrow().time();
        assertEquals("2023-03-08T10:31-05:00", winter.instant().toString());
        PublicationTime summer = PublicationTimeParser.find("Published: March 13, 2023 at 10:31 a.m. ET").orElseThrow().time();
        assertEquals("2023-03-13T10:31-04:00", summer.instant().toString());
        PublicationTime est = PublicationTimeParser.find("Updated July 4, 2023 9:00 PM EST").orElseThrow().time();
        assertEquals("2023-07-04T21:00-04:00", est.instant().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "IST, 2023-03-08T12:00, +05:30",
            "GMT, 2023-07-01T12:00, Z",
            "UTC, 2023-07-01T12:00, Z",
            "BST, 2023-07-01T12:00, +01:00",
            "CET, 2023-01-10T12:00, +01:00",
            "CEST, 2023-07-01T12:00, +02:00",
            "EET, 2023-01-10T12:00, +02:00",
            "ET, 2023-01-10T12:00, -05:00",
            "ET, 2023-07-01T12:00, -04:00",
            "EDT, 2023-07-01T12:00, -04:00",
            "PT, 2023-01-10T12:00, -08:00",
            "PT, 2023-07-01T12:00, -07:00",
            "CT, 2023-07-01T12:00, -05:00",
            "MT, 2023-01-10T12:00, -07:00",
            "AEST, 2023-07-01T12:00, +10:00",
            "JST, 2023-07-01T12:00, +09:00"})
    void zoneTable(String label, String local, String offset) {
        assertEquals(ZoneOffset.of(offset), PublicationTimeParser.offsetFor(label, LocalDateTime.parse(local)).orElseThrow());
    }

    @Test
    void unknownZoneLeavesOnlyTheDay() {
        PublicationTime t = PublicationTimeParser.find("Published April 5, 2022 10:31 XYZ").orElseThrow().time();
        assertEquals(LocalDate.of(2022, 4, 5), t.date());
        assertNull(t.instant());
    }

    @Test
    void datelineWithoutYearIsNotAPublicationTimeOnItsOwn() {
        String line = "WASHINGTON, March 3 (Reuters) — The United States said on Friday ...";
        assertEquals(Optional.empty(), PublicationTimeParser.find(line));
        PublicationTimeParser.Dateline d = PublicationTimeParser.findDateline(line).orElseThrow();
        assertEquals(MonthDay.of(3, 3), d.monthDay());
        assertEquals("March 3", line.substring(d.start(), d.end()));
        assertEquals(LocalDate.of(2023, 3, 3), d.resolve(LocalDate.of(2023, 3, 10)).date());
        assertEquals(LocalDate.of(2022, 3, 3), d.resolve(LocalDate.of(2023, 1, 10)).date());
    }

    @Test
    void datelineWithYearResolves() {
        String line = "KYIV, Ukraine, March 3, 2023 (AP) — Ukrainian officials said ...";
        PublicationTimeParser.FoundPublicationTime f = PublicationTimeParser.find(line).orElseThrow();
        assertEquals(LocalDate.of(2023, 3, 3), f.time().date());
        assertEquals("March 3, 2023", line.substring(f.start(), f.end()));
    }

    @Test
    void bodySentenceWithADateIsNotAPublicationTime() {
        assertEquals(Optional.empty(), PublicationTimeParser.find("The treaty was signed on April 5, 2022 in Paris."));
        assertEquals(Optional.empty(), PublicationTimeParser.find(""));
    }
}
