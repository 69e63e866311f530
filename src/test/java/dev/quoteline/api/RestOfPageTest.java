package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.extract.EventStatus;
import dev.quoteline.extract.StatementKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page's views built without their less used columns read them, for the whole page at once, the first time a getter
 * needs them: a wrong guess of what the query asks costs one read, and the answers are those of a full row.
 */
class RestOfPageTest {
    private final List<List<Long>> reads = new ArrayList<>();

    private <V> RestOfPage<V> rest(String table, Map<Long, V> rows) {
        return new RestOfPage<>(table, ids -> {
            reads.add(List.copyOf(ids));
            Map<Long, V> out = new HashMap<>();
            for (Long id : ids) if (rows.containsKey(id)) out.put(id, rows.get(id));
            return out;
        });
    }

    @Test
    void thePagesStatementsReadTheirPlaceInTheArticleOnceForAll() {
        StatementView.Detail first = new StatementView.Detail(10, 20, TextSpan.of("said", 21, 25), TextSpan.of("she", 26, 29), 3,
                TextSpan.of("A sentence.", 0, 40));
        StatementView.Detail second = new StatementView.Detail(50, 60, null, null, 4, TextSpan.of("Another.", 41, 80));
        RestOfPage<StatementView.Detail> rest = rest("statement", Map.of(1L, first, 2L, second));
        Object[][] rows = {
            {1L, 7L, 3L, null, "We will stay.", "DIRECT", null, null, null, null},
            {2L, 7L, null, 5L, "it would leave", "INDIRECT", null, null, null, null}};
        StatementView a = ReadRepository.statement(rows[0], 0, rest);
        StatementView b = ReadRepository.statement(rows[1], 0, rest);
        assertEquals(List.of(), reads, "nothing read while the page is built");
        assertEquals("We will stay.", a.getText());
        assertEquals(List.of(), reads, "core fields need no read");

        assertEquals(20, a.getEnd());
        assertEquals(List.of(List.of(1L, 2L)), reads, "one read for both rows");
        assertEquals(first.cue(), a.getCue());
        assertEquals(first.speakerMention(), a.getSpeakerMention());
        assertEquals(4, b.getParagraphIndex());
        assertEquals(second.sentence(), b.getSentence());
        assertEquals(50, b.getStart());
        assertEquals(1, reads.size(), "still one read");
    }

    private static RoleView whole(String label, String title, String organization, java.time.LocalDate statedOn) {
        return new RoleView(label, title, organization, statedOn);
    }

    @Test
    void rolesReadWithTheirLabelsOnlyReadTheirOtherPartsOnceForThePage() {
        RestOfPage<List<RoleView>> rest = rest("speaker", Map.of(
                1L, List.of(whole("Secretary-General of \"NATO\"", "Secretary-General", "NATO", java.time.LocalDate.of(2023, 3, 8)),
                        whole("adviser", null, null, null)),
                2L, List.of(whole("spokesman", "spokesman", null, java.time.LocalDate.of(2022, 1, 2)))));
        List<RoleView> first = ReadRepository.roleLabels(1L, new String[] {"Secretary-General of \"NATO\"", "adviser"}, rest);
        List<RoleView> second = ReadRepository.roleLabels(2L, new String[] {"spokesman"}, rest);
        assertEquals(List.of(), ReadRepository.roleLabels(3L, new String[0], rest), "a speaker without roles");
        assertEquals(List.of(), ReadRepository.roleLabels(4L, null, rest), "a speaker without roles, as null");
        assertEquals("Secretary-General of \"NATO\"", first.get(0).getLabel());
        assertEquals("adviser", first.get(1).getLabel());
        assertEquals(List.of(), reads, "labels need no read");

        assertEquals(java.time.LocalDate.of(2022, 1, 2), second.get(0).getStatedOn());
        assertEquals(List.of(List.of(1L, 2L)), reads, "one read for the roles of every speaker of the page that has any");
        assertEquals("NATO", first.get(0).getOrganization());
        assertEquals("Secretary-General", first.get(0).getTitle());
        assertEquals(null, first.get(1).getTitle());
        assertEquals(whole("spokesman", "spokesman", null, java.time.LocalDate.of(2022, 1, 2)), second.get(0),
                "the same role as one read whole");
        assertEquals(1, reads.size(), "still one read");
    }

    @Test
    void rolesChangedBeforeTheirPartsAreReadAreAnErrorNotAnotherRolesParts() {
        java.time.LocalDate day = java.time.LocalDate.of(2023, 3, 8);
        RestOfPage<List<RoleView>> rest = rest("speaker", Map.of(
                5L, List.of(whole("minister", "minister", null, day)),
                6L, List.of(whole("deputy minister", "deputy minister", null, day), whole("minister", "minister", null, day)),
                7L, List.of()));
        RoleView removed = ReadRepository.roleLabels(5L, new String[] {"minister", "mayor"}, rest).get(1);
        RoleView shifted = ReadRepository.roleLabels(6L, new String[] {"minister"}, rest).get(0);
        RoleView gone = ReadRepository.roleLabels(7L, new String[] {"governor"}, rest).get(0);
        for (RoleView role : List.of(removed, shifted, gone)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, role::getTitle);
            assertTrue(e.getMessage().matches("The roles of speaker [567] changed while their page was being read; ask again\\."),
                    e.getMessage());
        }
        assertEquals(null, ReadRepository.roleLabels(5L, new String[] {"minister"}, rest).get(0).getOrganization(),
                "an unchanged role still reads its parts");
    }

    @Test
    void roleLabelsInAnotherShapeAreAnError() {
        RestOfPage<List<RoleView>> rest = rest("speaker", Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReadRepository.roleLabels(1L, new String[] {"minister", null}, rest));
        assertTrue(e.getMessage().startsWith("Unreadable roles from the database"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ReadRepository.roleLabels(1L, "[[5,\"minister\"]]", rest));
    }

    @Test
    void eventsAndArticlesToo() {
        RestOfPage<EventView.Detail> events = rest("event",
                Map.of(4L, new EventView.Detail("They met in Paris.", List.of("Paris"), List.of("A", "B"))));
        EventView event = ReadRepository.event(new Object[] {4L, "They met", "MEETING", "PAST", null, null, null, null}, 0, events);
        assertEquals(EventStatus.PAST, event.getStatus());
        assertEquals(List.of("Paris"), event.getPlaces());
        assertEquals(List.of("A", "B"), event.getParticipantNames());
        assertEquals("They met in Paris.", event.getSentence());

        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2023-03-08T17:01Z");
        RestOfPage<ArticleView.Detail> articles = rest("article", Map.of(9L,
                new ArticleView.Detail("World", "https://example.org/a", at.toLocalDate(), at.withOffsetSameInstant(
                        java.time.ZoneOffset.ofHoursMinutes(5, 30)), "abc", at)));
        ArticleView article = ReadRepository.article(new Object[] {"x", 9L, "Title", "Publisher"}, 1, articles);
        assertEquals("Title", article.getTitle());
        assertEquals(1, reads.size(), "the event's read only");
        assertEquals("2023-03-08T22:31+05:30", article.getPublishedAt());
        assertEquals("https://example.org/a", article.getUrl());
        assertEquals("World", article.getSection());
        assertEquals("abc", article.getContentHash());
        assertTrue(!article.isUndated());
        assertEquals(2, reads.size());
    }

    @Test
    void aRowDeletedBetweenTheTwoReadsIsNamedInTheError() {
        RestOfPage<StatementView.Detail> rest = rest("statement", Map.of());
        StatementView gone = ReadRepository.statement(new Object[] {8L, 7L, null, null, "t", "DIRECT", null, null, null, null}, 0, rest);
        IllegalStateException e = assertThrows(IllegalStateException.class, gone::getSentence);
        assertTrue(e.getMessage().contains("statement 8 was deleted"), e.getMessage());
        assertEquals(StatementKind.DIRECT, gone.getKind());
    }
}
