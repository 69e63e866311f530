package dev.quoteline.api;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Role")
@Description("A role an article states for a speaker, dated by that article.")
public record RoleView(
        @NonNull @Description("The role as one phrase, e.g. \"NATO Secretary-General\".") String label,
        @Description("The title part (\"Secretary-General\"), when it could be told apart.") String title,
        @Description("The organisation part (\"NATO\"), when stated.") String organization,
        @Description("Publication date of the article that stated it.") LocalDate statedOn) {
}
