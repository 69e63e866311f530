package dev.quoteline.extract.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication times from metadata (ISO strings) and from the text of a header, byline or dateline.
 *
 * <p>Datelines such as {@code WASHINGTON, March 3 (Reuters) —} carry no year. {@link #find(String)} returns
 * them only when the line itself gives the year; {@link #findDateline(String)} returns the month and day with
 * their span so that a caller who knows the year from elsewhere (metadata, a crawl date) can
 * {@link Dateline#resolve(LocalDate) resolve} it.
 */
public final class PublicationTimeParser {

    private PublicationTimeParser() {
    }

    public record FoundPublicationTime(PublicationTime time, int start, int end) {
    }

    /** A dateline's month and day; the year is not in the text. */
    public record Dateline(MonthDay monthDay, int start, int end) {
        /** The latest date with this month and day on or before {@code reference} (a dateline is never in the future). */
        public PublicationTime resolve(LocalDate reference) {
            LocalDate candidate = monthDay.atYear(reference.getYear());
            if (candidate.isAfter(reference)) {
                candidate = monthDay.atYear(reference.getYear() - 1);
            }
            return PublicationTime.ofDate(candidate);
        }
    }

    /**
     * Offsets for zone abbreviations. US and other daylight-saving labels map to their region so that the offset
     * follows the rules in force on the date: publishers often keep writing "EST" in summer, and the date is the
     * stronger evidence.
     */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("WET", ZoneOffset.UTC),
            Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("GST", ZoneOffset.ofHours(4)),
            Map.entry("PKT", ZoneOffset.ofHours(5)),
            Map.entry("ICT", ZoneOffset.ofHours(7)),
            Map.entry("WIB", ZoneOffset.ofHours(7)),
            Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("AWST", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)),
            Map.entry("SAST", ZoneOffset.ofHours(2)),
            Map.entry("EAT", ZoneOffset.ofHours(3)),
            Map.entry("WAT", ZoneOffset.ofHours(1)),
            Map.entry("ET", ZoneId.of("America/New_York")),
            Map.entry("EST", ZoneId.of("America/New_York")),
            Map.entry("EDT", ZoneId.of("America/New_York")),
            Map.entry("CT", ZoneId.of("America/Chicago")),
            Map.entry("CST", ZoneId.of("America/Chicago")),
            Map.entry("CDT", ZoneId.of("America/Chicago")),
            Map.entry("MT", ZoneId.of("America/Denver")),
            Map.entry("MST", ZoneId.of("America/Denver")),
            Map.entry("MDT", ZoneId.of("America/Denver")),
            Map.entry("PT", ZoneId.of("America/Los_Angeles")),
            Map.entry("PST", ZoneId.of("America/Los_Angeles")),
            Map.entry("PDT", ZoneId.of("America/Los_Angeles")));

    /** The offset a zone label stands for on a given local date and time, if the label is known. */
    public static Optional<ZoneOffset> offsetFor(String label, LocalDateTime local) {
        if (label == null) {
            return Optional.empty();
        }
        ZoneId zone = ZONES.get(label.toUpperCase(Locale.ROOT));
        return zone == null ? Optional.empty() : Optional.of(zone.getRules().getOffset(local));
    }

    private static final Pattern HAS_OFFSET = Pattern.compile("T[^+-]{0,30}(?:Z|[+-]\\d{2}:?\\d{2})$");
    private static final Pattern ISO_YEAR = Pattern.compile("^[+-]?(\\d{1,9})-");

    public static PublicationTime parseIso(String value) {
        if (value == null || value.isBlank()) {
            throw new DateTimeException("publication time is empty");
        }
        String v = value.strip();
        Matcher y = ISO_YEAR.matcher(v);
        if (!y.find()) {
            throw new DateTimeException("publication time '" + v + "' is not an ISO date (expected yyyy-MM-dd)");
        }
        if (y.group(1).length() != 4 || v.startsWith("+") || v.startsWith("-")) {
            throw new DateTimeException("publication time '" + v + "' has year " + v.substring(0, y.end() - 1)
                    + ": expected a four-digit year");
        }
        try {
            if (v.length() == 10) {
                return PublicationTime.ofDate(LocalDate.parse(v));
            }
            if (HAS_OFFSET.matcher(v).find()) {
                return PublicationTime.ofInstant(OffsetDateTime.parse(v), v.endsWith("Z") ? "UTC" : null);
            }
            // A local date-time without an offset gives the day but no instant.
            return PublicationTime.ofDate(LocalDateTime.parse(v).toLocalDate());
        } catch (DateTimeParseException e) {
            throw new DateTimeException("publication time '" + v + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static final String MONTH = "(?<mon>January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String ZONE_ALT = "UTC|GMT|IST|BST|WEST|WET|CEST|CET|EEST|EET|MSK|GST|PKT|ICT|WIB|HKT|SGT|"
            + "AWST|JST|KST|AEST|AEDT|NZST|NZDT|SAST|EAT|WAT|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT";
    private static final String TIME = "(?<h>[01]?\\d|2[0-3])[:.](?<min>[0-5]\\d)(?::[0-5]\\d)?(?:\\s?(?<ampm>[AaPp]\\.?[Mm]\\.?)(?![A-Za-z]))?"
            + "(?:\\s(?<zone>" + ZONE_ALT + ")\\b)?(?:\\s?(?<off>[+-](?:0\\d|1[0-4]):?[0-5]\\d))?";
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]{0,6}\\.?,?\\s)?";
    /** Month name, day, year ("April 5, 2022") or day, month, year ("08 Mar 2023"). */
    private static final String WORD_DATE = WEEKDAY + "(?:" + MONTH + "\\s(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?,?\\s(?<y1>\\d{4})"
            + "|(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?\\s" + MONTH.replace("mon", "mon2") + ",?\\s(?<y2>\\d{4}))";
    private static final String ISO_DATE = "(?<iso>\\d{4}-\\d{2}-\\d{2})";

    /** "date 2023-03-08 <title>2 min read . 10:31 PM IST": the time sits after the title, so scan a bounded gap. */
    private static final Pattern HEADER = Pattern.compile(
            "\\bdate\\s" + ISO_DATE + "\\b[^\\n]{0,400}?\\b" + TIME.replace("(?:\\s(?<zone>", "(?:\\s{1,3}(?<zone>"),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_DATE_ONLY = Pattern.compile("\\bdate\\s" + ISO_DATE + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED = Pattern.compile(
            "\\b(?:published|updated|posted|last\\supdated|first\\spublished|modified)(?:\\son)?:?\\s{1,3}(?:"
                    + WORD_DATE + "|" + ISO_DATE + ")(?:(?:,|\\sat|\\s[-|·•])?\\s{1,3}" + TIME + ")?",
            Pattern.CASE_INSENSITIVE);
    /** A line that is nothing but a date (and time): common under a byline. */
    private static final Pattern BARE = Pattern.compile(
            "^\\s{0,8}(?:" + WORD_DATE + "|" + ISO_DATE + ")(?:(?:,|\\sat|\\s[-|·•])?\\s{1,3}" + TIME + ")?\\s{0,8}$");
    private static final Pattern ISO_INSTANT = Pattern.compile(
            "^\\s{0,8}(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))\\s{0,8}$");
    /** "WASHINGTON, March 3 (Reuters) -" or "LYON, France, March 3, 2023 (AP) —": capitals, date, optional agency, dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s{0,4}[A-Z][A-Z .'-]{1,40}(?:,\\s[A-Z][A-Za-z .]{1,30}){0,2},\\s" + MONTH
                    + "\\s(?<d1>[0-3]?\\d)(?:,\\s(?<y1>\\d{4}))?(?:\\s\\([A-Za-z .]{1,30}\\))?\\s{0,2}[-—–]");

    public static Optional<FoundPublicationTime> find(String line) {
        if (line == null || line.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(line);
        if (m.find()) {
            Optional<PublicationTime> t = build(m, LocalDate.parse(m.group("iso")));
            if (t.isPresent()) {
                return Optional.of(new FoundPublicationTime(t.get(), m.start(), m.end()));
            }
        }
        Matcher dateOnly = HEADER_DATE_ONLY.matcher(line);
        if (dateOnly.find()) {
            return safeDate(dateOnly.group("iso")).map(d -> new FoundPublicationTime(PublicationTime.ofDate(d),
                    dateOnly.start(), dateOnly.end()));
        }
        m = ISO_INSTANT.matcher(line);
        if (m.find()) {
            try {
                return Optional.of(new FoundPublicationTime(parseIso(m.group(1)), m.start(1), m.end(1)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        for (Pattern p : new Pattern[] {LABELLED, BARE}) {
            m = p.matcher(line);
            if (m.find()) {
                Optional<LocalDate> date = dateOf(m);
                if (date.isPresent()) {
                    Optional<PublicationTime> t = build(m, date.get());
                    if (t.isPresent()) {
                        int start = p == BARE ? firstNonSpace(line) : m.start();
                        return Optional.of(new FoundPublicationTime(t.get(), start, lastNonSpace(line, m.end())));
                    }
                }
            }
        }
        m = DATELINE.matcher(line);
        if (m.find() && m.group("y1") != null) {
            Optional<LocalDate> date = dateOf(m);
            if (date.isPresent()) {
                return Optional.of(new FoundPublicationTime(PublicationTime.ofDate(date.get()), m.start("mon"),
                        m.end("y1")));
            }
        }
        return Optional.empty();
    }

    /** A dateline without a year ("WASHINGTON, March 3 (Reuters) —"); see {@link Dateline#resolve(LocalDate)}. */
    public static Optional<Dateline> findDateline(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = DATELINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        Month month = month(m.group("mon"));
        int day = Integer.parseInt(m.group("d1"));
        if (month == null || day < 1 || day > month.maxLength()) {
            return Optional.empty();
        }
        return Optional.of(new Dateline(MonthDay.of(month, day), m.start("mon"), m.end("d1")));
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int lastNonSpace(String s, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) i--;
        return i;
    }

    private static Optional<LocalDate> safeDate(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static Optional<LocalDate> dateOf(Matcher m) {
        String iso = group(m, "iso");
        if (iso != null) {
            return safeDate(iso);
        }
        String mon = group(m, "mon") != null ? group(m, "mon") : group(m, "mon2");
        String d = group(m, "d1") != null ? group(m, "d1") : group(m, "d2");
        String y = group(m, "y1") != null ? group(m, "y1") : group(m, "y2");
        Month month = month(mon);
        if (month == null || d == null || y == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), month, Integer.parseInt(d)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Month month(String name) {
        if (name == null || name.length() < 3) {
            return null;
        }
        String p = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().startsWith(p)) {
                return m;
            }
        }
        return null;
    }

    /** The date with the time when one was read; a time without a zone or offset cannot be placed, so only the day counts. */
    private static Optional<PublicationTime> build(Matcher m, LocalDate date) {
        String h = group(m, "h");
        if (h == null) {
            return Optional.of(PublicationTime.ofDate(date));
        }
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m.group("min"));
        String ampm = group(m, "ampm");
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute));
        String zone = group(m, "zone");
        String off = group(m, "off");
        ZoneOffset offset = null;
        String label = null;
        if (zone != null) {
            offset = offsetFor(zone, local).orElse(null);
            label = zone.toUpperCase(Locale.ROOT);
        }
        if (off != null) {
            offset = ZoneOffset.of(off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : off);
        }
        if (offset == null) {
            return Optional.of(PublicationTime.ofDate(date));
        }
        return Optional.of(PublicationTime.ofInstant(OffsetDateTime.of(local, offset), label));
    }
}
