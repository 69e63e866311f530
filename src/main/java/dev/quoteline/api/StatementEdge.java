package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One entry of a StatementConnection with its cursor.")
public record StatementEdge(
        @NonNull @Description("Opaque cursor of this entry, for `after`/`before`.") String cursor,
        @NonNull @Description("The statement.") StatementView node) {
}
