package dev.quoteline.extract;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether an event had happened, was happening or was still to come when the article was written.")
public enum EventStatus {
    @Description("It had happened.")
    PAST,
    @Description("It was under way.")
    ONGOING,
    @Description("It was still to come (\"will meet\", \"is set to expire\", \"may fall in the coming days\").")
    EXPECTED
}
