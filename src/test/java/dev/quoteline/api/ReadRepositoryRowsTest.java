package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page's statement hands back beside its rows: a speaker's roles as JSON, and columns named apart. */
class ReadRepositoryRowsTest {
    @Test
    void rolesReadBackInTheirOrderWithNullsAndEscapes() {
        assertEquals(List.of(
                new RoleView("Secretary-General of \"NATO\"", "Secretary-General", "NATO", LocalDate.of(2023, 3, 8)),
                new RoleView("spokesman", null, null, null)),
                ReadRepository.roles("""
                        [["Secretary-General of \\"NATO\\"", "Secretary-General", "NATO", "2023-03-08"],\s
                         ["spokesman", null, null, null]]"""));
        assertEquals(List.of(new RoleView("a", null, "b", LocalDate.of(2020, 2, 29)), new RoleView("c", "d", null, null)),
                ReadRepository.roles("[[\"a\", null, \"b\", \"2020-02-29\"],[\"c\", \"d\", null, null]]"),
                "array_to_json's separators");
        assertEquals(List.of(), ReadRepository.roles("[]"), "a speaker without roles");
        assertEquals(List.of(), ReadRepository.roles(null), "no roles read");
    }

    @Test
    void rolesInAnotherShapeAreAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadRepository.roles("{\"label\": \"x\"}"));
        assertEquals(true, e.getMessage().startsWith("Unreadable roles from the database"), e.getMessage());
    }

    @Test
    void columnsAreNamedByTableAndColumn() {
        assertEquals("s.id as s_id, s.text as s_text, e.id as e_id", ReadRepository.aliased("s.id, s.text,\n e.id"));
    }
}
