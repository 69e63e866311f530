package dev.quoteline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link NativeSql#isoDate} reads what {@code LocalDate.parse} reads, and refuses what it refuses. */
class IsoDateTest {
    @Test
    void readsTheCommonFormAsParseDoes() {
        for (String day : new String[] {"2023-03-01", "0001-01-01", "1999-12-31", "2024-02-29", "9999-12-31"}) {
            assertEquals(LocalDate.parse(day), NativeSql.isoDate(day), day);
        }
    }

    @Test
    void otherFormsGoToParse() {
        assertEquals(LocalDate.of(10000, 1, 1), NativeSql.isoDate("+10000-01-01"));
        assertThrows(DateTimeException.class, () -> NativeSql.isoDate("2023-3-01"));
        assertThrows(DateTimeException.class, () -> NativeSql.isoDate("2023-03-0x"));
        assertThrows(DateTimeException.class, () -> NativeSql.isoDate("20230301"));
    }

    @Test
    void anImpossibleDayIsNamed() {
        DateTimeException e = assertThrows(DateTimeException.class, () -> NativeSql.isoDate("2023-02-30"));
        assertTrue(e.getMessage().contains("2023-02-30"), e.getMessage());
        assertThrows(DateTimeException.class, () -> NativeSql.isoDate("2023-13-01"));
    }
}
