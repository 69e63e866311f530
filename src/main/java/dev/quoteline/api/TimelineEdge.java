package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One entry of a TimelineConnection with its cursor.")
public record TimelineEdge(
        @NonNull @Description("Opaque cursor of this entry, for `after`/`before`.") String cursor,
        @NonNull @Description("The statement or event.") TimelineEntry node) {
}
