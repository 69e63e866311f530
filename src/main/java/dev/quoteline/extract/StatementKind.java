package dev.quoteline.extract;

import org.eclipse.microprofile.graphql.Description;

/**
 * How a statement is reported. The descriptions are plain annotations (no Quarkus types) so that the GraphQL schema
 * documents the same enum the analysis uses.
 */
@Description("How a statement is reported.")
public enum StatementKind {
    @Description("Quoted word for word, inside quotation marks.")
    DIRECT,
    @Description("Reported speech: the writer's paraphrase of what was said.")
    INDIRECT,
    @Description("Reported speech that carries a quoted fragment of several words.")
    MIXED
}
