package dev.quoteline.extract;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of source a speaker is.")
public enum SpeakerKind {
    @Description("A named or described person.")
    PERSON,
    @Description("An organisation, institution, company or government (\"the Kremlin\", \"Russia\").")
    ORGANIZATION,
    @Description("A collective or anonymous source: \"officials\", \"analysts\", \"witnesses\".")
    GROUP,
    @Description("A source the analysis could not classify.")
    UNKNOWN
}
