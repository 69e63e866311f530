package dev.quoteline.api;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the client asked, under the field being resolved, for a field that another table answers, so that a
 * resolver can read that table in its own statement instead of leaving it to the next level's batch (one round trip
 * fewer). Read from the query's syntax tree, field names only: through inline fragments and fragment spreads whatever
 * their type condition, and whatever their {@code @include}/{@code @skip}. A "yes" that the execution then does not
 * need only costs a join; the resolvers of the prefetched fields still load whatever was not prefetched, so the answer
 * never depends on this guess. graphql-java's own {@code getSelectionSet()} would normalise the whole operation
 * first, the per-request cost the seventh round took out of SmallRye's context (README "Performance").
 */
public final class Selections {
    private Selections() {
    }

    /**
     * The field being resolved as the query wrote it (every occurrence under its response key) with the document's
     * fragments: what the questions below are asked of. {@link CompiledOperations} makes one from the document alone.
     */
    public record Selected(List<Field> fields, Map<String, FragmentDefinition> fragments) {
        static final Selected NONE = new Selected(List.of(), Map.of());

        /** The field a SmallRye context is resolving; {@link #NONE} outside a GraphQL request. */
        static Selected of(Context context) {
            DataFetchingEnvironment env;
            try {
                env = context == null ? null : context.unwrap(DataFetchingEnvironment.class);
            } catch (RuntimeException e) {
                return NONE; // outside a GraphQL request (no context to read): nothing is prefetched
            }
            return env == null ? NONE : of(env);
        }

        static Selected of(DataFetchingEnvironment env) {
            return env.getMergedField() == null ? NONE
                    : new Selected(env.getMergedField().getFields(), env.getFragmentsByName());
        }

        /** Whether the selection reaches {@code path} (field names, outermost first). */
        boolean asks(String... path) {
            return !reached(path).isEmpty();
        }

        /**
         * Whether the selection reaches, under {@code path}, any of the fields {@code names} (whichever type they
         * belong to: {@code sentence} is a statement's and an event's).
         */
        boolean asksAny(List<String> path, String... names) {
            List<Field> level = reached(path.toArray(String[]::new));
            for (String name : names) {
                List<Field> found = new ArrayList<>();
                for (Field field : level) {
                    collect(field.getSelectionSet(), name, fragments, found, 0);
                }
                if (!found.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /** The fields at the end of {@code path}; empty when the path is not selected. */
        private List<Field> reached(String... path) {
            List<Field> level = fields;
            for (String name : path) {
                List<Field> next = new ArrayList<>();
                for (Field field : level) {
                    collect(field.getSelectionSet(), name, fragments, next, 0);
                }
                if (next.isEmpty()) {
                    return List.of();
                }
                level = next;
            }
            return level;
        }
    }

    /** Whether the selection of the field being resolved reaches {@code path} (field names, outermost first). */
    public static boolean asks(Context context, String... path) {
        return Selected.of(context).asks(path);
    }

    static boolean asks(DataFetchingEnvironment env, String... path) {
        return Selected.of(env).asks(path);
    }

    /**
     * Whether the selection of the field being resolved reaches, under {@code path}, any of the fields {@code names}
     * (whichever type they belong to: {@code sentence} is a statement's and an event's).
     */
    public static boolean asksAny(Context context, List<String> path, String... names) {
        return Selected.of(context).asksAny(path, names);
    }

    static boolean asksAny(DataFetchingEnvironment env, List<String> path, String... names) {
        return Selected.of(env).asksAny(path, names);
    }

    private static void collect(SelectionSet set, String name, Map<String, FragmentDefinition> fragments, List<Field> out,
                                int depth) {
        // validation has already refused fragment cycles; the bound only keeps a malformed tree from looping
        if (set == null || depth > 32) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals(name)) {
                    out.add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), name, fragments, out, depth + 1);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition definition = fragments.get(spread.getName());
                if (definition != null) {
                    collect(definition.getSelectionSet(), name, fragments, out, depth + 1);
                }
            }
        }
    }
}
