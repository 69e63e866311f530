package dev.quoteline.extract;

/** How a statement is reported. */
public enum StatementKind {
    /** Quoted word for word, inside quotation marks. */
    DIRECT,
    /** Reported speech: the writer's paraphrase of what was said. */
    INDIRECT,
    /** Reported speech that carries a quoted fragment of several words. */
    MIXED
}
