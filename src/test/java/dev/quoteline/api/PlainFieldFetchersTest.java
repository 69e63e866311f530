package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quoteline.extract.EventStatus;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Plain getter fields are read from their source alone: graphql-java need not build the field's environment. */
class PlainFieldFetchersTest {
    private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
        throw new AssertionError("the field's environment was built");
    };

    private static Reference reference(String javaClass, String graphQlName, ReferenceType type) {
        Reference r = new Reference();
        r.setClassName(javaClass);
        r.setGraphQLClassName(javaClass);
        r.setName(graphQlName);
        r.setType(type);
        return r;
    }

    private static LightDataFetcher<?> fetcher(Field field) {
        return fetcher(field, EventView.class, "Event");
    }

    private static LightDataFetcher<?> fetcher(Field field, Class<?> owner, String ownerName) {
        Object fetcher = new PlainFieldFetchers().getFieldDataFetcher(field, null,
                reference(owner.getName(), ownerName, ReferenceType.TYPE));
        return assertInstanceOf(LightDataFetcher.class, fetcher);
    }

    @Test
    void aDateTimeWrittenAsTextByItsGetterIsServedAsWritten() throws Exception {
        // SmallRye's own fetcher cast this String to the member's OffsetDateTime and logged an error for every value
        Reference dateTime = reference(java.time.OffsetDateTime.class.getName(), "DateTime", ReferenceType.SCALAR);
        dateTime.setGraphQLClassName(String.class.getName());
        Field publishedAt = new Field("getPublishedAt", "publishedAt", "publishedAt", dateTime);
        ArticleView dateOnly = new ArticleView(1, "Talks held", "Courier", null, null, java.time.LocalDate.of(2024, 12, 31),
                null, "hash", java.time.OffsetDateTime.parse("2025-01-01T00:00Z"));
        assertEquals("2024-12-31", fetcher(publishedAt, ArticleView.class, "Article").get(null, dateOnly, NO_ENVIRONMENT));
        ArticleView timed = new ArticleView(2, "Talks held", "Courier", null, null, java.time.LocalDate.of(2023, 3, 8),
                java.time.OffsetDateTime.parse("2023-03-08T22:31+05:30"), "hash", java.time.OffsetDateTime.parse("2025-01-01T00:00Z"));
        assertEquals("2023-03-08T22:31+05:30", fetcher(publishedAt, ArticleView.class, "Article").get(null, timed, NO_ENVIRONMENT));
    }

    @Test
    void scalarsAndListsAreReadWithoutTheEnvironment() throws Exception {
        EventView event = new EventView(1, "Talks held", "MEETING", EventStatus.PAST, null,
                new EventView.Detail("Talks were held in Geneva.", List.of("Geneva"), List.of()), null);
        Reference string = reference(String.class.getName(), "String", ReferenceType.SCALAR);
        assertEquals("Talks held", fetcher(new Field("getTitle", "title", "title", string)).get(null, event, NO_ENVIRONMENT));

        Field places = new Field("getPlaces", "places", "places", string);
        places.setWrapper(new Wrapper(WrapperType.COLLECTION, List.class.getName()));
        assertEquals(List.of("Geneva"), fetcher(places).get(null, event, NO_ENVIRONMENT));

        assertNull(fetcher(new Field("getTitle", "title", "title", string)).get(null, null, NO_ENVIRONMENT));
    }

    /** A getter shape the API's own types do not all have: a primitive, a checked exception, an inherited default. */
    interface Named {
        default String getName() {
            return "named by default";
        }
    }

    static final class Sample implements Named {
        public int getCount() {
            return 7;
        }

        public String getRefused() throws java.io.IOException {
            throw new java.io.IOException("refused by the getter");
        }
    }

    @Test
    void gettersOfEveryShapeGiveTheirValuesAndExceptionsUnchanged() throws Exception {
        Reference integer = reference(Integer.class.getName(), "Int", ReferenceType.SCALAR);
        Reference string = reference(String.class.getName(), "String", ReferenceType.SCALAR);
        Sample sample = new Sample();
        assertEquals(7, fetcher(new Field("getCount", "count", "count", integer), Sample.class, "Sample")
                .get(null, sample, NO_ENVIRONMENT));
        assertEquals("named by default", fetcher(new Field("getName", "name", "name", string), Sample.class, "Sample")
                .get(null, sample, NO_ENVIRONMENT));
        java.io.IOException thrown = assertThrows(java.io.IOException.class,
                () -> fetcher(new Field("getRefused", "refused", "refused", string), Sample.class, "Sample")
                        .get(null, sample, NO_ENVIRONMENT));
        assertEquals("refused by the getter", thrown.getMessage());
    }
}
