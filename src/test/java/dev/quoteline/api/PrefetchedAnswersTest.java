package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quoteline.extract.SpeakerKind;
import dev.quoteline.extract.StatementKind;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/** A batched field answers from what its parent carries without a data loader, and loads only what it lacks. */
class PrefetchedAnswersTest {
    private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
        throw new AssertionError("a carried answer needs no fetching environment");
    };

    private static StatementView statement(Long speakerRowId) {
        return new StatementView(1, 2, speakerRowId, null, "text", StatementKind.DIRECT, null, null, null);
    }

    private static ExecutionSchema.Lean lean(String type, String field) {
        return new ExecutionSchema.Lean(new ArgumentHelper(List.of()), "loader", PrefetchedAnswers.of(type, field));
    }

    @Test
    void carriedSpeakerArticleAndRolesAreAnsweredWithoutTheLoader() throws Exception {
        SpeakerView speaker = new SpeakerView(7, "A. Speaker", SpeakerKind.PERSON);
        List<RoleView> roles = new ArrayList<>();
        speaker.withPrefetchedRoles(roles);
        ArticleView article = new ArticleView(2, "Title", "Publisher", null, null, null, null, null, null);
        StatementView carrying = statement(7L).withPrefetchedSpeaker(speaker).withPrefetchedArticle(article);

        assertSame(speaker, lean("Statement", "speaker").get(null, carrying, NO_ENVIRONMENT));
        assertSame(article, lean("Statement", "article").get(null, carrying, NO_ENVIRONMENT));
        assertSame(roles, lean("Speaker", "roles").get(null, speaker, NO_ENVIRONMENT));
    }

    @Test
    void anUnattributedStatementHasNoSpeakerToLoad() throws Exception {
        assertNull(lean("Statement", "speaker").get(null, statement(null), NO_ENVIRONMENT));
    }

    @Test
    void whatTheParentLacksGoesThroughTheDataLoader() throws Exception {
        List<Object> queued = new ArrayList<>();
        DataLoader<Object, Object> loader = DataLoaderFactory.newDataLoader(keys -> {
            queued.addAll(keys);
            return CompletableFuture.completedFuture(new ArrayList<>(keys));
        });
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().register("loader", loader).build();
        StatementView lacking = statement(7L);
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .source(lacking).dataLoaderRegistry(registry).build();

        Object answer = lean("Statement", "speaker").get(null, lacking, () -> environment);
        assertInstanceOf(CompletableFuture.class, answer);
        loader.dispatch();
        assertEquals(List.of(lacking), queued);
    }

    @Test
    void fieldsWhoseParentsNeverCarryAnAnswerHaveNoShortcut() {
        Function<Object, Object> none = PrefetchedAnswers.of("Speaker", "aliases");
        assertNull(none);
    }
}
