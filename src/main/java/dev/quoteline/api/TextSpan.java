package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Words of the article body with their place in it. */
@Description("Words of the article body and where they stand in it. `start`/`end` are UTF-16 code unit offsets into "
        + "the article body exactly as submitted (JavaScript string indices), end exclusive.")
public record TextSpan(
        @NonNull @Description("The words as they appear in the body.") String text,
        @Description("Offset of the first character in the body (UTF-16 code units).") int start,
        @Description("Offset just past the last character in the body (UTF-16 code units).") int end) {

    public static TextSpan of(String text, Integer start, Integer end) {
        return text == null || start == null || end == null ? null : new TextSpan(text, start, end);
    }
}
