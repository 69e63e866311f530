package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The direct path answers exactly as graphql-java's own strategy does: the same data, errors and null propagation,
 * whether it completes an object itself or gives it back. Each query runs under both strategies on one schema whose
 * fields use the server's own fetchers (getters and a batched field whose parents may carry the answer).
 */
@Timeout(30) // a data loader never dispatched would hang the execution
class DirectCompletionTest {
    /** Reads counted by where they were made, so a test can tell the direct path ran. */
    static final AtomicInteger DIRECT_READS = new AtomicInteger();

    public enum Kind { NOVEL, POEM }

    public static final class Author {
        private final String name;

        Author(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    public static final class Book {
        private final String title;
        private final Integer pages;
        private final Kind kind;
        private final List<String> tags;
        private final Author carriedAuthor;
        private final String authorKey;

        Book(String title, Integer pages, Kind kind, List<String> tags, Author carriedAuthor, String authorKey) {
            this.title = title;
            this.pages = pages;
            this.kind = kind;
            this.tags = tags;
            this.carriedAuthor = carriedAuthor;
            this.authorKey = authorKey;
        }

        public String getTitle() {
            if (StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    f -> f.getClassName().equals(DirectCompletion.class.getName())
                            && f.getMethodName().equals("completeObject")))) {
                DIRECT_READS.incrementAndGet();
            }
            return title;
        }

        public Integer getPages() {
            if (pages != null && pages < 0) {
                throw new IllegalStateException("negative page count");
            }
            return pages;
        }

        public Kind getKind() {
            return kind;
        }

        public List<String> getTags() {
            return tags;
        }
    }

    private static final String SDL = """
            type Query { books: [Book!] shelf: Shelf }
            type Shelf { label: String! books: [Book!]! }
            type Book { title: String! pages: Int kind: Kind! tags: [String!]! author: Author rating: Int }
            type Author { name: String! }
            enum Kind { NOVEL POEM }
            """;

    private static Reference reference(Class<?> javaClass, String graphQlName, ReferenceType type) {
        Reference r = new Reference();
        r.setClassName(javaClass.getName());
        r.setGraphQLClassName(javaClass.getName());
        r.setName(graphQlName);
        r.setType(type);
        return r;
    }

    private static DataFetcher<?> getter(Class<?> owner, String ownerName, String name, Reference type, boolean list) {
        Field field = new Field("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1), name, name, type);
        if (list) {
            field.setWrapper(new Wrapper(WrapperType.COLLECTION, List.class.getName()));
        }
        Object fetcher = new PlainFieldFetchers().getFieldDataFetcher(field, null,
                reference(owner, ownerName, ReferenceType.TYPE));
        return assertInstanceOf(PlainFieldFetchers.Getter.class, fetcher);
    }

    private static GraphQL graphQL(ExecutionStrategy strategy, List<Book> books) {
        Reference string = reference(String.class, "String", ReferenceType.SCALAR);
        Reference integer = reference(Integer.class, "Int", ReferenceType.SCALAR);
        Reference kind = reference(Kind.class, "Kind", ReferenceType.ENUM);
        ExecutionSchema.Lean author = new ExecutionSchema.Lean(new ArgumentHelper(List.of()), "authors",
                book -> ((Book) book).carriedAuthor != null ? ((Book) book).carriedAuthor : PrefetchedAnswers.NOT_CARRIED);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("books", env -> books)
                        .dataFetcher("shelf", env -> Map.of("label", "Shelf", "books", books)))
                .type("Shelf", t -> t.dataFetcher("label", env -> ((Map<?, ?>) env.getSource()).get("label"))
                        .dataFetcher("books", env -> ((Map<?, ?>) env.getSource()).get("books")))
                .type("Book", t -> t.dataFetcher("title", getter(Book.class, "Book", "title", string, false))
                        .dataFetcher("pages", getter(Book.class, "Book", "pages", integer, false))
                        .dataFetcher("kind", getter(Book.class, "Book", "kind", kind, false))
                        .dataFetcher("tags", getter(Book.class, "Book", "tags", string, true))
                        .dataFetcher("author", author)
                        .dataFetcher("rating", env -> ((Book) env.getSource()).title.length()))
                .type("Author", t -> t.dataFetcher("name", getter(Author.class, "Author", "name", string, false)))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).build();
    }

    private static Map<String, Object> run(ExecutionStrategy strategy, List<Book> books, String query,
                                           Map<String, Object> variables) {
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().register("authors",
                DataLoaderFactory.newDataLoader((List<Object> keys) -> CompletableFuture.completedFuture(
                        keys.stream().map(book -> (Object) new Author("Loaded for " + ((Book) book).authorKey)).toList())))
                .build();
        return graphQL(strategy, books).execute(ExecutionInput.newExecutionInput(query).variables(variables)
                .dataLoaderRegistry(registry).build()).toSpecification();
    }

    /** The same answer from both strategies; returns how many titles the direct path read. */
    private static int sameAnswer(List<Book> books, String query, Map<String, Object> variables) {
        Map<String, Object> expected = run(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()), books,
                query, variables);
        DIRECT_READS.set(0);
        Map<String, Object> actual = run(new DirectCompletion(new SimpleDataFetcherExceptionHandler()), books, query,
                variables);
        assertEquals(expected, actual, query);
        return DIRECT_READS.get();
    }

    private static final Author ANNE = new Author("Anne");
    private static final List<Book> PLAIN = List.of(
            new Book("First", 120, Kind.NOVEL, List.of("a", "b"), ANNE, "anne"),
            new Book("Second", null, Kind.POEM, List.of(), ANNE, "anne"));

    @Test
    void plainObjectsAreCompletedDirectlyWithAliasesFragmentsAndTypeNames() {
        String query = """
                { books { __typename heading: title ...Numbers kind tags author { name } }
                  shelf { label books { title ... on Book { kind } } } }
                fragment Numbers on Book { pages }""";
        assertTrue(sameAnswer(PLAIN, query, Map.of()) > 0, "the direct path read the titles");
    }

    @Test
    void aNullInANonNullFieldIsLeftToGraphQlJavaAndPropagatesAsUsual() {
        List<Book> books = List.of(PLAIN.get(0), new Book(null, 3, Kind.POEM, List.of(), ANNE, "anne"));
        sameAnswer(books, "{ books { title pages } shelf { label books { title } } }", Map.of());
    }

    @Test
    void aFailingGetterIsReportedAtItsPathAsUsual() {
        List<Book> books = List.of(PLAIN.get(0), new Book("Broken", -1, Kind.NOVEL, List.of(), ANNE, "anne"));
        Map<String, Object> answer = run(new DirectCompletion(new SimpleDataFetcherExceptionHandler()), books,
                "{ books { title pages } }", Map.of());
        assertTrue(answer.containsKey("errors"));
        sameAnswer(books, "{ books { title pages } }", Map.of());
    }

    @Test
    void directivesAndNonPlainFieldsAreLeftToGraphQlJava() {
        String query = "query($withPages: Boolean!) { books { title pages @include(if: $withPages) rating } }";
        assertEquals(0, sameAnswer(PLAIN, query, Map.of("withPages", true)));
        assertEquals(0, sameAnswer(PLAIN, query, Map.of("withPages", false)));
    }

    @Test
    void parentsThatDoNotCarryTheAnswerStillGoThroughTheDataLoader() {
        List<Book> books = List.of(PLAIN.get(0), new Book("Lent", 10, Kind.NOVEL, List.of(), null, "lender"),
                PLAIN.get(1));
        int direct = sameAnswer(books, "{ books { title author { name } } shelf { books { author { name } } } }",
                Map.of());
        assertTrue(direct > 0, "the books that carry their author were completed directly");
        assertFalse(run(new DirectCompletion(new SimpleDataFetcherExceptionHandler()), books,
                "{ books { author { name } } }", Map.of()).toString().contains("errors"));
    }
}
