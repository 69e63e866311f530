package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestObserverTest {
    @Test
    void theOperationIsNamedFromTheDocumentsFirstDefinitionOnly() {
        assertEquals("Newest", RequestObserver.nameInDocument("query Newest { timeline(first: 50) { totalCount } }"));
        assertEquals("Ingest", RequestObserver.nameInDocument("  mutation Ingest($a: ArticleInput!) { x }"));
        assertEquals("Live", RequestObserver.nameInDocument("subscription Live { statementAdded { id } }"));
        assertEquals("Commented", RequestObserver.nameInDocument("# a note\n  # another\nquery Commented { a }"));
        assertEquals("anonymous", RequestObserver.nameInDocument("{ timeline(first: 50) { totalCount } }"));
        assertEquals("anonymous", RequestObserver.nameInDocument("query ($first: Int) { timeline(first: $first) { a } }"));
        // a name further on is not the operation's: only the document's start counts
        assertEquals("anonymous", RequestObserver.nameInDocument("{ a } query Later { b }"));
        assertEquals("anonymous", RequestObserver.nameInDocument("fragment F on Speaker { name } query Q { a }"));
        assertEquals("anonymous", RequestObserver.nameInDocument(null));
    }
}
