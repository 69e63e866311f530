package dev.quoteline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupClassesTest {
    /** Set by {@link Initialised}'s static initialiser: the preload must not run it. */
    static volatile boolean initialised;

    static final class Initialised {
        static {
            initialised = true;
        }

        static void touch() {
        }
    }

    private static InputStream list(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesKeepTheRecordedOrderAndSkipCommentsAndBlankLines() {
        assertEquals(List.of("java.lang.String", "dev.quoteline.QuotelineMain", "java.util.HashMap"),
                StartupClasses.names(list("# recorded on a start\njava.lang.String\n\n  dev.quoteline.QuotelineMain  \n"
                        + "# another comment\njava.util.HashMap\n")));
    }

    @Test
    void loadsWithoutInitialisingAndCountsWhatIsMissing() {
        String initialisedName = Initialised.class.getName();
        StartupClasses.Result result = StartupClasses.preload(getClass().getClassLoader(),
                list(initialisedName + "\njava.util.concurrent.ConcurrentSkipListMap\nno.such.Clazz\n"
                        + "dev.quoteline.NotAClassEither\n"));
        assertEquals(2, result.loaded());
        assertEquals(2, result.missing());
        assertEquals(0.5, result.missingShare());
        assertTrue(result.nanos() > 0);
        assertFalse(initialised, "the preload ran a static initialiser");
        Initialised.touch();
        assertTrue(initialised, "the check above could not have failed");
    }

    @Test
    void noListLoadsNothing() {
        StartupClasses.Result result = StartupClasses.preload(getClass().getClassLoader(), null);
        assertEquals(0, result.loaded() + result.missing());
        assertEquals(0.0, result.missingShare());
    }

    @Test
    void theShippedListIsOnTheClassPathAndReadable() {
        InputStream shipped = getClass().getClassLoader().getResourceAsStream(StartupClasses.LIST);
        List<String> names = StartupClasses.names(shipped);
        assertTrue(names.size() > 5_000, "the shipped list has " + names.size() + " names");
        assertTrue(names.stream().allMatch(n -> n.matches("[^\\s/;\\[]+")), "every line is a class's binary name");
    }

    @Test
    void beginLoadsNothingOutsideThePackagedApplication() {
        // the tests' class loader is the JDK's, not Quarkus's runner loader the list was recorded under
        assertFalse(StartupClasses.begin());
        assertNull(StartupClasses.result());
        StartupClasses.report();
    }
}
