package dev.quoteline.api;

import dev.quoteline.extract.SpeakerKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Speaker")
@Description("A person, organisation or group that statements are attributed to; one per real speaker across all articles.")
public class SpeakerView implements Node {
    private final long rowId;
    private final String name;
    private final SpeakerKind kind;
    /** The roles when the statement that read the speaker read them too (the client asked for them), else null. */
    private java.util.List<RoleView> prefetchedRoles;

    public SpeakerView(long rowId, String name, SpeakerKind kind) {
        this.rowId = rowId;
        this.name = name;
        this.kind = kind;
    }

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of the speaker.")
    public String getId() {
        return GlobalId.of(GlobalId.Type.Speaker, rowId);
    }

    @NonNull
    @Description("Canonical name: the fullest name the articles give (\"Angela Merkel\").")
    public String getName() {
        return name;
    }

    @NonNull
    @Description("PERSON, ORGANIZATION, GROUP (collective or anonymous sources) or UNKNOWN.")
    public SpeakerKind getKind() {
        return kind;
    }

    @Ignore
    public long rowId() {
        return rowId;
    }

    @Ignore
    public java.util.List<RoleView> prefetchedRoles() {
        return prefetchedRoles;
    }

    @Ignore
    public SpeakerView withPrefetchedRoles(java.util.List<RoleView> roles) {
        this.prefetchedRoles = roles;
        return this;
    }
}
