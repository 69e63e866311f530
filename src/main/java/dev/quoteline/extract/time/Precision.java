package dev.quoteline.extract.time;

/** How exact a date is. A value such as 2014 is a YEAR, never a day. */
public enum Precision {
    DAY,
    /** Saturday and Sunday of one week. */
    WEEKEND,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    MONTH,
    QUARTER,
    YEAR,
    /** An open-ended forward window of days from the start: "in the coming days". */
    DAYS,
    /** An open-ended forward window of weeks from the start: "in the coming weeks". */
    WEEKS,
    /** An open-ended forward window of months from the start: "in the coming months". */
    MONTHS
}
