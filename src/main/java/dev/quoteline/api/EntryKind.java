package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("TimelineEntryKind")
@Description("The two kinds of timeline entry.")
public enum EntryKind {
    @Description("Something a speaker said.")
    STATEMENT,
    @Description("Something that happened or is expected to.")
    EVENT
}
