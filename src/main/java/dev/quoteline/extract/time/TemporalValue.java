package dev.quoteline.extract.time;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A normalised time: first and last day it covers (equal for a single day; {@code end} null for an open-ended
 * forward window), its precision, and the words it came from (null when it is the article's own date).
 * Expression offsets are UTF-16 indices into the article body, -1 when there are no words.
 */
public record TemporalValue(LocalDate start, LocalDate end, Precision precision, String expression,
                            int expressionStart, int expressionEnd) {
    public TemporalValue {
        if (start == null || precision == null) {
            throw new IllegalArgumentException("a temporal value needs a start and a precision");
        }
    }

    public static TemporalValue day(LocalDate day) {
        return new TemporalValue(day, day, Precision.DAY, null, -1, -1);
    }

    /** ISO-style value: 2023-03-08, 2023-W10, 2023-02, 2023-Q1, 2014; a day range as start/end. */
    public String value() {
        return switch (precision) {
            case DAY -> end != null && !end.equals(start) ? start + "/" + end : start.toString();
            case WEEKEND, WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + twoDigits(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) + (precision == Precision.WEEKEND ? "-WE" : "");
            case MONTH -> start.getYear() + "-" + twoDigits(start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(start.getYear());
            case DAYS, WEEKS, MONTHS -> start + "/P" + precision.name().charAt(0);
        };
    }

    // not String.format: it was a fiftieth of a timeline page's server CPU, and it follows the default locale's digits
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
