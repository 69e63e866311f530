package dev.quoteline.extract.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * When an article was published: always a date, and an instant with its offset when the source gave a time.
 *
 * @param date      the publication day as the publisher saw it (local to {@code instant}'s offset)
 * @param instant   the moment of publication with its offset, or null when only a day is known
 * @param zoneLabel the zone as written ("IST", "ET") or null
 */
public record PublicationTime(LocalDate date, OffsetDateTime instant, String zoneLabel) {
    public PublicationTime {
        if (date == null) {
            throw new IllegalArgumentException("a publication time needs a date");
        }
    }

    public static PublicationTime ofDate(LocalDate date) {
        return new PublicationTime(date, null, null);
    }

    public static PublicationTime ofInstant(OffsetDateTime instant, String zoneLabel) {
        return new PublicationTime(instant.toLocalDate(), instant, zoneLabel);
    }
}
