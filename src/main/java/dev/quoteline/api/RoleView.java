package dev.quoteline.api;

import java.time.LocalDate;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Role")
@Description("A role an article states for a speaker, dated by that article.")
public final class RoleView {
    private final String label;
    private final long rowId;
    private Detail detail;
    /** Where {@link #detail} comes from when the page's statement read only the labels; null when it read them all. */
    private final RestOfPage<Detail> restOfPage;

    /**
     * The parts of a role a timeline page reads only when the query names one of them: most pages show the label
     * alone, and reading only it made the page's statement about a tenth cheaper for PostgreSQL (README "Fifteenth round").
     */
    record Detail(String title, String organization, LocalDate statedOn) {
    }

    public RoleView(String label, String title, String organization, LocalDate statedOn) {
        this.label = label;
        this.rowId = 0;
        this.detail = new Detail(title, organization, statedOn);
        this.restOfPage = null;
    }

    /** A role whose {@link Detail} is read with the rest of its page's roles when first asked for. */
    RoleView(long rowId, String label, RestOfPage<Detail> restOfPage) {
        restOfPage.add(rowId);
        this.label = label;
        this.rowId = rowId;
        this.restOfPage = restOfPage;
    }

    private Detail detail() {
        Detail d = detail;
        if (d == null) {
            d = detail = restOfPage.of(rowId);
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
