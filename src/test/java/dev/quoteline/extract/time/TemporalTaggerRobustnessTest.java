package dev.quoteline.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quoteline.extract.EventExtractor;
import dev.quoteline.extract.Span;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Adversarial input must not make the patterns backtrack for long, and one tagger must serve many threads. */
class TemporalTaggerRobustnessTest {

    private final TemporalTagger tagger = new TemporalTagger();

    @Test
    void pathologicalInputStaysFast() {
        String[] pieces = {"March ", "1 ", "and ", "Tuesday ", "in ", "the ", "coming ", "2014 ", "for ", "a ", "date ",
                "2023-03-08 ", "Published ", "10:31 ", "PM ", "IST ", "“", "told a news conference with ", "NATO ",
                "Minister ", "in Kyiv ", ", ", "since "};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 60_000; i++) {
            sb.append(pieces[(i * 7 + i / 3) % pieces.length]);
        }
        String text = sb.toString();
        String noSpaces = "a".repeat(50_000) + "March" + "1".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            tagger.tag(text, 0, text.length(), LocalDate.of(2023, 3, 8));
            tagger.tag(noSpaces, 0, noSpaces.length(), LocalDate.of(2023, 3, 8));
            PublicationTimeParser.find(text);
            PublicationTimeParser.find("date 2023-03-08 " + "x".repeat(100_000));
            new EventExtractor(tagger).extract(text, List.of(Span.of(text, 0, text.length())), List.of(), List.of(),
                    PublicationTime.ofDate(LocalDate.of(2023, 3, 8)));
        });
    }

    @Test
    void oneTaggerManyThreads() throws Exception {
        String text = "The ministers will meet Wednesday and Thursday. Last week, the army announced a pullback.";
        List<TemporalValue> expected = tagger.tag(text, 0, text.length(), LocalDate.of(2022, 4, 5));
        assertEquals(2, expected.size());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<TemporalValue>>> results = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> tagger.tag(text, 0, text.length(), LocalDate.of(2022, 4, 5))))
                    .toList();
            for (Future<List<TemporalValue>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyAndOutOfRangeRegions() {
        assertEquals(List.of(), tagger.tag("", 0, 0, LocalDate.of(2023, 3, 8)));
        assertEquals(List.of(), tagger.tag("today", 3, 2, LocalDate.of(2023, 3, 8)));
        assertEquals(List.of(), tagger.tag(null, 0, 10, LocalDate.of(2023, 3, 8)));
        assertEquals(1, tagger.tag("today", -5, 500, LocalDate.of(2023, 3, 8)).size());
    }
}
