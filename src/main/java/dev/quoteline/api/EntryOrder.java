package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How a list is ordered.")
public enum EntryOrder {
    @Description("In time order: start day, then narrower precision first.")
    TIME,
    @Description("Best full-text match first (ts_rank); only with a search. The default when a search is given.")
    RELEVANCE
}
