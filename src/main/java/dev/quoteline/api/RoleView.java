package dev.quoteline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Role")
@Description("A role an article states for a speaker, dated by that article.")
public final class RoleView {
    private final String label;
    private Detail detail;
    /** The speaker whose roles {@link #restOfPage} reads, and this role's place among them; unused when read whole. */
    private final long speakerRowId;
    private final int position;
    /** Where {@link #detail} comes from when the page's statement read only the labels; null when it read them all. */
    private final RestOfPage<List<RoleView>> restOfPage;

    /**
     * The parts of a role a timeline page reads only when the query names one of them: most pages show the label
     * alone, and reading only it made the page's statement about a tenth cheaper for PostgreSQL (README "Fifteenth round").
     */
    record Detail(String title, String organization, LocalDate statedOn) {
    }

    public RoleView(String label, String title, String organization, LocalDate statedOn) {
        this.label = label;
        this.detail = new Detail(title, organization, statedOn);
        this.speakerRowId = 0;
        this.position = -1;
        this.restOfPage = null;
    }

    /**
     * The role at {@code position} among a speaker's roles (newest first), read by its label alone; its {@link Detail}
     * comes from reading all the roles of the page's speakers whole, once, when first asked for. The labels must still
     * be there, in the same places: a role added or removed in between is an error, never another role's parts.
     */
    RoleView(long speakerRowId, int position, String label, RestOfPage<List<RoleView>> restOfPage) {
        this.label = label;
        this.speakerRowId = speakerRowId;
        this.position = position;
        this.restOfPage = restOfPage;
    }

    private Detail detail() {
        Detail d = detail;
        if (d == null) {
            List<RoleView> whole = restOfPage.of(speakerRowId);
            if (position >= whole.size() || !whole.get(position).label.equals(label)) {
                throw new IllegalStateException("The roles of speaker " + speakerRowId
                        + " changed while their page was being read; ask again.");
            }
            d = detail = whole.get(position).detail;
        }
        return d;
    }

    @NonNull
    @Description("The role as one phrase, e.g. \"NATO Secretary-General\".")
    public String getLabel() {
        return label;
    }

    @Description("The title part (\"Secretary-General\"), when it could be told apart.")
    public String getTitle() {
        return detail().title();
    }

    @Description("The organisation part (\"NATO\"), when stated.")
    public String getOrganization() {
        return detail().organization();
    }

    @Description("Publication date of the article that stated it.")
    public LocalDate getStatedOn() {
        return detail().statedOn();
    }

    /** Equal when every part is (the parts a page left out are read to compare them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RoleView other && Objects.equals(label, other.label) && detail().equals(other.detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, detail());
    }

    @Override
    public String toString() {
        return "Role[" + label + ", " + (detail == null ? "parts not read" : detail) + "]";
    }
}
