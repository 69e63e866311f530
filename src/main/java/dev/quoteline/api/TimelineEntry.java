package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Something on the timeline: a Statement or an Event.")
public interface TimelineEntry {
    @Id
    @NonNull
    @Description("Opaque global ID of the entry.")
    String getId();

    @Description("When it was said or happened; null only for entries of undated articles.")
    When getWhen();
}
