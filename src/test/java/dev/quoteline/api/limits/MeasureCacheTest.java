package dev.quoteline.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.parser.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which variables can change an operation's measure, and so belong in the key it is remembered under. */
class MeasureCacheTest {
    @Test
    void pageSizesAndDirectivesCountAnythingElseDoesNot() {
        var document = Parser.parse("""
                query Page($n: Int, $m: Int, $speaker: ID, $text: String, $deep: Boolean!, $skipRoles: Boolean!) {
                  timeline(first: $n, filter: {speakerIds: [$speaker], search: $text}) {
                    edges { node { ...S } }
                  }
                  speakers(last: $m) @include(if: $deep) { totalCount }
                }
                fragment S on Statement { speaker { roles @skip(if: $skipRoles) { label } } }""");
        assertEquals(List.of("deep", "m", "n", "skipRoles"), MeasureCache.relevantVariables(document));
    }

    @Test
    void aDocumentWithoutVariablesHasNone() {
        assertEquals(List.of(), MeasureCache.relevantVariables(Parser.parse("{ timeline(first: 50) { totalCount } }")));
    }
}
