package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days as PostgreSQL writes them sort as the dates they name, which their text does not always do. */
class EntryDayOrderTest {
    @Test
    void daysSortAsDates() {
        List<String> inDateOrder = List.of("-infinity", "0044-03-15 BC", "0001-12-31 BC", "0001-01-01", "0999-06-30",
                "2023-02-28", "2023-03-01", "9999-12-31", "10000-01-01", "infinity");
        List<String> shuffled = new ArrayList<>(inDateOrder);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(Comparator.comparingLong(EntryRepository::epochDay));
        assertEquals(inDateOrder, shuffled);
    }

    @Test
    void daysAreTheDatesTheyName() {
        assertEquals(LocalDate.of(2023, 3, 1).toEpochDay(), EntryRepository.epochDay("2023-03-01"));
        assertEquals(LocalDate.of(10000, 1, 1).toEpochDay(), EntryRepository.epochDay("10000-01-01"));
        assertEquals(LocalDate.of(0, 12, 31).toEpochDay(), EntryRepository.epochDay("0001-12-31 BC"));
        assertEquals(LocalDate.of(-43, 3, 15).toEpochDay(), EntryRepository.epochDay("0044-03-15 BC"));
    }

    @Test
    void anythingElseIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntryRepository.epochDay("03/01/2023"));
        assertEquals("not a PostgreSQL ISO date: 03/01/2023", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EntryRepository.epochDay("2023-3-1"));
    }
}
