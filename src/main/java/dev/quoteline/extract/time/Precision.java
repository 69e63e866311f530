package dev.quoteline.extract.time;

import org.eclipse.microprofile.graphql.Description;

@Description("How exact a date is. A value such as 2014 is a YEAR, never a day.")
public enum Precision {
    @Description("One day, or a range of whole days (\"Wednesday and Thursday\").")
    DAY,
    @Description("Saturday and Sunday of one week.")
    WEEKEND,
    @Description("An ISO week, Monday to Sunday.")
    WEEK,
    @Description("A calendar month.")
    MONTH,
    @Description("A calendar quarter.")
    QUARTER,
    @Description("A calendar year.")
    YEAR,
    @Description("An open-ended forward window of days from the start: \"in the coming days\".")
    DAYS,
    @Description("An open-ended forward window of weeks from the start: \"in the coming weeks\".")
    WEEKS,
    @Description("An open-ended forward window of months from the start: \"in the coming months\".")
    MONTHS
}
