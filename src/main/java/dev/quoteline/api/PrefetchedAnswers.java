package dev.quoteline.api;

import java.util.function.Function;

/**
 * Answers of batched fields that a parent already carries because the page's own statement read them (a statement's
 * speaker and article, a speaker's roles: see {@code EntryRepository.pageWithRows}). Such a parent needs no trip
 * through the field's data loader: the resolver in {@link FieldResolvers} would hand back exactly the value the parent
 * holds, only after a future per parent, a dispatch per level and SmallRye's batch context.
 */
final class PrefetchedAnswers {
    /** The parent does not carry the answer: the field goes through its data loader. */
    static final Object NOT_CARRIED = new Object();

    private PrefetchedAnswers() {
    }

    /** How to read the carried answer of a field, or null when the field's parents never carry one. */
    static Function<Object, Object> of(String typeName, String fieldName) {
        return switch (typeName + "." + fieldName) {
            case "Statement.speaker" -> PrefetchedAnswers::speaker;
            case "Statement.article" -> parent -> orNotCarried(((StatementView) parent).prefetchedArticle());
            case "Speaker.roles" -> parent -> orNotCarried(((SpeakerView) parent).prefetchedRoles());
            default -> null;
        };
    }

    private static Object speaker(Object parent) {
        StatementView statement = (StatementView) parent;
        if (statement.prefetchedSpeaker() != null) {
            return statement.prefetchedSpeaker();
        }
        // an unattributed statement has no speaker to look up
        return statement.speakerRowId() == null ? null : NOT_CARRIED;
    }

    private static Object orNotCarried(Object value) {
        return value == null ? NOT_CARRIED : value;
    }
}
