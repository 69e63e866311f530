package dev.quoteline.extract;

/** A role as the article states it, e.g. title "Secretary-General", organization "NATO". Either may be null. */
public record ExtractedRole(String title, String organization) {
    /** The role as one phrase, e.g. "NATO Secretary-General". */
    public String label() {
        if (title == null) return organization;
        if (organization == null) return title;
        return organization + " " + title;
    }
}
