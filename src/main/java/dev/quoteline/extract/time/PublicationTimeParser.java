package dev.quoteline.extract.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** PLACEHOLDER until the time branch merges. */
public final class PublicationTimeParser {
    public static PublicationTime parseIso(String value) {
        if (value.length() <= 10) return PublicationTime.ofDate(LocalDate.parse(value));
        return PublicationTime.ofInstant(OffsetDateTime.parse(value), null);
    }
}
