package dev.quoteline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Arc constructs {@link IngestService} at start, for its client proxy. Asking for the analyser then would load the
 * language models while the server starts, on the two cores the start needs, instead of after it: the deferral in
 * {@link SharedAnalyzer} was defeated that way once, by a field initialiser.
 */
class IngestServiceStartTest {
    @Test
    void constructingTheServiceDoesNotAskForTheAnalyser() {
        long before = SharedAnalyzer.timesAsked();
        new IngestService();
        new IngestService();
        assertEquals(before, SharedAnalyzer.timesAsked(), "constructing IngestService asked for the analyser");
    }
}
