package dev.quoteline.api;

import dev.quoteline.extract.time.Precision;
import dev.quoteline.extract.time.TemporalValue;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A point or stretch of time with an honest precision: a value of precision YEAR such as 2014 is not a day. "
        + "Entries sort by `start`, then narrower precision first.")
public record When(
        @NonNull @Description("First day covered (for a MONTH, WEEK or YEAR: its first day).") LocalDate start,
        @Description("Last day covered; null for an open-ended forward window such as \"in the coming days\".") LocalDate end,
        @NonNull @Description("How exact the date is.") Precision precision,
        @Description("The words the date was read from (\"on Tuesday\", \"last week\"); null when it is the article's own date.") String expression,
        @NonNull @Description("ISO-style value at the stated precision: 2023-03-08, 2023-W10, 2023-02, 2023-Q1, 2014; day ranges as start/end.") String value) {

    public static When of(LocalDate start, LocalDate end, String precision, String expression) {
        if (start == null || precision == null) {
            return null;
        }
        Precision p = Precision.valueOf(precision);
        TemporalValue v = new TemporalValue(start, end, p, expression, -1, -1);
        return new When(start, end, p, expression, v.value());
    }

    public static When of(TemporalValue v) {
        return v == null ? null : new When(v.start(), v.end(), v.precision(), v.expression(), v.value());
    }
}
