package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("CoSpeaker")
@Description("Another speaker quoted in the same articles, with how many articles they share.")
public record CoSpeakerView(
        @NonNull @Description("The other speaker.") SpeakerView speaker,
        @Description("Number of articles that quote both.") int sharedArticleCount) {
}
