package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestObserverTest {
    /** Documents and the operation name each is counted under. */
    private static final String[][] NAMED = {
        {"query Newest { timeline(first: 50) { totalCount } }", "Newest"},
        {"  mutation Ingest($a: ArticleInput!) { x }", "Ingest"},
        {"subscription Live { statementAdded { id } }", "Live"},
        {"# a note\n  # another\nquery Commented { a }", "Commented"},
        {"{ timeline(first: 50) { totalCount } }", "anonymous"},
        {"query ($first: Int) { timeline(first: $first) { a } }", "anonymous"},
        // a name further on is not the operation's: only the document's start counts
        {"{ a } query Later { b }", "anonymous"},
        {"fragment F on Speaker { name } query Q { a }", "anonymous"},
        {null, "anonymous"},
    };

    @Test
    void theOperationIsNamedFromTheDocumentsFirstDefinitionOnly() {
        for (String[] named : NAMED) {
            assertEquals(named[1], RequestObserver.nameInDocument(named[0]), String.valueOf(named[0]));
        }
    }
}
