package dev.quoteline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start's compiler directive reaches HotSpot, names every start-only pattern, and is gone once ready. */
class StartupCompilationTest {

    @Test
    void directiveExcludesC2ForEachPattern() {
        assertEquals("[{match: [\"a/B.*\", \"c/*.*\"], c2: {Exclude: true}}]",
                StartupCompilation.directive(List.of("a/B.*", "c/*.*")));
    }

    @Test
    void aDirectiveIsAddedAndRemoved() {
        String probe = "dev/quoteline/StartupCompilationTest$Probe.*";
        assertFalse(StartupCompilation.print().contains(probe));
        assertTrue(StartupCompilation.add(StartupCompilation.directive(List.of(probe))));
        String held = StartupCompilation.print();
        assertTrue(held.contains(probe), held);
        String probeDirective = held.substring(held.indexOf(probe));
        assertTrue(probeDirective.matches("(?s).*c2 directives:.*Exclude:true.*"), probeDirective);
        assertTrue(StartupCompilation.removeLatest());
        assertFalse(StartupCompilation.print().contains(probe));
    }

    @Test
    void aBadDirectiveIsRefusedWithoutFailingTheStart() {
        assertFalse(StartupCompilation.add("[{match: \"not a pattern(\", c2: {Exclude: maybe}}]"));
        assertFalse(StartupCompilation.print().contains("not a pattern"));
    }

    @Test
    void theStartsDirectiveHoldsFromBeginToEnd() {
        StartupCompilation.begin();
        assertTrue(StartupCompilation.awaitBegun());
        String during = StartupCompilation.print();
        for (String pattern : StartupCompilation.START_ONLY) {
            assertTrue(during.contains(pattern), pattern + " in " + during);
        }
        StartupCompilation.end();
        String after = StartupCompilation.print();
        for (String pattern : StartupCompilation.START_ONLY) {
            assertFalse(after.contains(pattern), pattern + " still in " + after);
        }
        StartupCompilation.end(); // a second end (dev mode's restart) removes nothing else
        assertEquals(after, StartupCompilation.print());
    }
}
