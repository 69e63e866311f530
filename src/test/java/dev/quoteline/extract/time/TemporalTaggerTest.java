package dev.quoteline.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The passage test set in {@code time/temporal-cases.txt}, one parameterised case per line, with an accuracy figure. */
class TemporalTaggerTest {

    private static final TemporalTagger TAGGER = new TemporalTagger();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger PASSED = new AtomicInteger();

    static List<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TemporalTaggerTest.class.getResourceAsStream("/time/temporal-cases.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s\\|\\s");
                if (f.length != 6) {
                    throw new IllegalStateException("bad test line: " + line);
                }
                out.add(Arguments.of(LocalDate.parse(f[0].strip()), f[1].strip(), f[2].strip(),
                        LocalDate.parse(f[3].strip()), f[4].strip().equals("-") ? null : LocalDate.parse(f[4].strip()),
                        Precision.valueOf(f[5].strip())));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @MethodSource("cases")
    void tagsPassage(LocalDate published, String passage, String expression, LocalDate start, LocalDate end,
                     Precision precision) {
        RUN.incrementAndGet();
        List<TemporalValue> values = TAGGER.tag(passage, 0, passage.length(), published);
        String seen = values.stream().map(v -> "'" + v.expression() + "' " + v.start() + ".." + v.end() + " "
                + v.precision()).collect(Collectors.joining("; "));
        TemporalValue v = values.stream().filter(x -> x.expression().equals(expression)).findFirst()
                .orElseThrow(() -> new AssertionError("no expression '" + expression + "' in: " + seen));
        assertEquals(start, v.start(), seen);
        assertEquals(end, v.end(), seen);
        assertEquals(precision, v.precision(), seen);
        assertEquals(expression, passage.substring(v.expressionStart(), v.expressionEnd()));
        PASSED.incrementAndGet();
    }

    @AfterAll
    static void accuracy() {
        if (RUN.get() > 0) {
            System.out.printf("temporal test set accuracy: %d/%d = %.1f%%%n", PASSED.get(), RUN.get(),
                    100.0 * PASSED.get() / RUN.get());
        }
    }

    @Test
    void testSetIsLargeEnough() throws Exception {
        assertTrue(cases().size() >= 40);
    }

    @Test
    void undatedArticleResolvesOnlyAbsoluteDates() {
        String text = "The region was annexed in 2014 and talks were held on Tuesday, April 5, 2022 and last week.";
        List<TemporalValue> values = TAGGER.tag(text, 0, text.length(), null);
        assertEquals(List.of("2014", "Tuesday, April 5, 2022"), values.stream().map(TemporalValue::expression).toList());
    }

    @Test
    void offsetsAreIntoTheBodyAndOnlyWithinTheRange() {
        String body = "Header line.\nThe vote was held yesterday. Results come next week.";
        int from = body.indexOf("The vote");
        int to = body.indexOf(" Results");
        List<TemporalValue> values = TAGGER.tag(body, from, to, LocalDate.of(2023, 3, 8));
        assertEquals(1, values.size());
        TemporalValue v = values.get(0);
        assertEquals("yesterday", body.substring(v.expressionStart(), v.expressionEnd()));
        assertEquals("2023-03-07", v.value());
    }

    @Test
    void valuesPrintWithTheirPrecision() {
        String text = "It happened in 2014, in February 2023, last week and in the third quarter of 2021.";
        List<String> values = TAGGER.tag(text, 0, text.length(), LocalDate.of(2023, 3, 8)).stream()
                .map(TemporalValue::value).toList();
        assertEquals(List.of("2014", "2023-02", "2023-W09", "2021-Q3"), values);
    }

    @Test
    void numbersThatAreNotYearsAreLeftAlone() {
        String text = "About 2000 troops and 1,500 vehicles moved at 10:30 on the 12th floor.";
        assertEquals(List.of(), TAGGER.tag(text, 0, text.length(), LocalDate.of(2023, 3, 8)));
    }
}
