/**
 * Time analysis: when an article was published, and what its temporal expressions mean.
 *
 * <p>Conventions the rest of the analysis can rely on:
 * <ul>
 *   <li>Offsets are UTF-16 indices into the body. An expression's words are what changes its meaning:
 *       "last week", "over the weekend", "as of March 7", "in the coming days", "since 2014" keep their
 *       modifier or preposition; a plain "in"/"on" before a date or weekday is left out ("2014", "Tuesday").</li>
 *   <li>Relative expressions resolve against the anchor (the publication date) and the tense of the clause,
 *       read from the nearest tense-bearing word ({@link dev.quoteline.extract.time.Tense}): a past-tense
 *       "on Tuesday" is the latest Tuesday on or before publication (the day itself included), a future one the
 *       next on or after it; month-days and months without a year take the nearest year that fits the tense.
 *       With no anchor (undated article) only absolute dates resolve.</li>
 *   <li>Ranges: "Wednesday and Thursday", "March 6-7" are one DAY value from start to end. Durations counted
 *       back from publication ("for eight years", "since 2014") run to the anchor, with the precision of their
 *       unit, so their {@code value()} is where they began ("2014"). "earlier this year" is January 1 to the
 *       anchor, "later this year" the anchor to December 31.</li>
 *   <li>Forward windows ("in the coming days/weeks/months", "over the next few days") are DAYS/WEEKS/MONTHS
 *       with start = anchor and no end.</li>
 *   <li>Datelines without a year ("CITY, March 3 (Agency) —") are not publication times on their own:
 *       {@code PublicationTimeParser.find} skips them, {@code findDateline} returns month and day for a caller
 *       who knows the year.</li>
 * </ul>
 */
package dev.quoteline.extract.time;
