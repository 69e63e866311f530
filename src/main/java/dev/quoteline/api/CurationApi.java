package dev.quoteline.api;

import dev.quoteline.curate.CurationStore;
import dev.quoteline.security.WriteAccess;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Editorial corrections. Like every write they need a bearer token, and each is all-or-nothing. */
@GraphQLApi
public class CurationApi {
    @Inject
    CurationStore store;
    @Inject
    ReadRepository reads;
    @Inject
    WriteAccess writeAccess;

    @Description("What deleting an article removed.")
    public record DeleteArticlePayload(
            @NonNull @Id @Description("Global ID of the article that was deleted.") String deletedArticleId,
            @Description("Statements removed with the article.") int deletedStatementCount,
            @Description("Events removed because no other article reports them.") int deletedEventCount,
            @Description("Speakers removed because nothing else attributes a statement, role or event to them.")
            int deletedSpeakerCount) {
    }

    @Description("A statement after it was moved to another speaker.")
    public record ReattributeStatementPayload(
            @NonNull @Description("The statement, now attributed to the new speaker.") StatementView statement,
            @Description("The speaker it was attributed to before (null when it had none or that speaker is gone).")
            SpeakerView previousSpeaker) {
    }

    @Description("The speaker left after a merge.")
    public record MergeSpeakersPayload(
            @NonNull @Description("The kept speaker, now with the merged speaker's statements, aliases and roles.")
            SpeakerView speaker,
            @NonNull @Id @Description("Global ID of the speaker that was merged away (it no longer resolves).")
            String mergedSpeakerId,
            @Description("Statements moved to the kept speaker.") int movedStatementCount) {
    }

    @Mutation("deleteArticle")
    @NonNull
    @Description("Deletes an article and everything only it supported: its statements and roles, the events no other "
            + "article reports, and the speakers left with no statement, role or event. Needs a bearer token.")
    public DeleteArticlePayload deleteArticle(@NonNull @Id @Description("The article's global ID.") String id) {
        writeAccess.requireWriter();
        long rowId = GlobalId.decode(id, GlobalId.Type.Article, "id");
        CurationStore.Deletion deletion = run(() -> store.deleteArticle(rowId), "id", id);
        return new DeleteArticlePayload(GlobalId.of(GlobalId.Type.Article, rowId), (int) deletion.statements(),
                (int) deletion.events(), (int) deletion.speakers());
    }

    @Mutation("reattributeStatement")
    @NonNull
    @Description("Attributes a statement to another speaker (a correction of the analysis). Needs a bearer token.")
    public ReattributeStatementPayload reattributeStatement(
            @NonNull @Id @Description("The statement's global ID.") String statementId,
            @NonNull @Id @Description("The global ID of the speaker who made it.") String speakerId) {
        writeAccess.requireWriter();
        long statement = GlobalId.decode(statementId, GlobalId.Type.Statement, "statementId");
        long speaker = GlobalId.decode(speakerId, GlobalId.Type.Speaker, "speakerId");
        Long previous = run(() -> store.reattributeStatement(statement, speaker), null, null);
        SpeakerView before = previous == null ? null
                : reads.speakers(List.of(previous)).stream().findFirst().orElse(null);
        return new ReattributeStatementPayload(reads.statements(List.of(statement)).get(0), before);
    }

    @Mutation("mergeSpeakers")
    @NonNull
    @Description("Merges two speakers that are one real speaker: the statements, aliases (its name too), roles and "
            + "event participations of `mergeId` move to `keepId`, `mergeId` is deleted, and articles ingested later "
            + "that name it are attributed to `keepId`. Needs a bearer token.")
    public MergeSpeakersPayload mergeSpeakers(
            @NonNull @Id @Description("The speaker to keep.") String keepId,
            @NonNull @Id @Description("The speaker to merge into the kept one and delete.") String mergeId) {
        writeAccess.requireWriter();
        long keep = GlobalId.decode(keepId, GlobalId.Type.Speaker, "keepId");
        long merge = GlobalId.decode(mergeId, GlobalId.Type.Speaker, "mergeId");
        long moved = run(() -> store.mergeSpeakers(keep, merge), null, null);
        return new MergeSpeakersPayload(reads.speakers(List.of(keep)).get(0), GlobalId.of(GlobalId.Type.Speaker, merge),
                (int) moved);
    }

    private static <T> T run(java.util.function.Supplier<T> correction, String argument, String id) {
        try {
            return correction.get();
        } catch (CurationStore.Refused e) {
            String message = argument == null ? e.getMessage() : argument + " '" + id + "': " + e.getMessage();
            message += ". Nothing was changed.";
            throw e.notFound ? new NotFoundException(message) : new InvalidInputException(message);
        }
    }
}
