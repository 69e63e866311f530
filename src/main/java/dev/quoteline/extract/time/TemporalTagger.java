package dev.quoteline.extract.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds temporal expressions in English news text and normalises them against the publication date.
 * Stateless after construction (compiled patterns only), so one instance serves all threads.
 */
public final class TemporalTagger {

    /** What a rule sees: the match, the text, the bounds it may look at for tense, and the anchor (may be null). */
    private record Ctx(Matcher m, Set<String> groups, String text, int from, int to, LocalDate anchor) {
        /** The group's text, or null when it did not take part or the rule's pattern has no such group. */
        String g(String name) {
            // Matcher.group(name) throws for a group the pattern lacks; resolvers are shared between patterns, and a
            // stack trace per call cost more than the match
            return groups.contains(name) ? m.group(name) : null;
        }

        Tense tense() {
            return Tense.around(text, m.start(), m.end(), from, to);
        }
    }

    @FunctionalInterface
    private interface Resolver {
        /** start, end, precision; null when the match does not resolve. */
        Resolved resolve(Ctx c);
    }

    private record Resolved(LocalDate start, LocalDate end, Precision precision) {
    }

    /**
     * A rule runs only where one of its needles occurs in the lower-cased text: each needle is a word every match of
     * the pattern must contain, so the guard never changes the result, and most sentences hold no date words at all.
     */
    private record Rule(String[] needles, Pattern pattern, Resolver resolver, Set<String> groups) {
        boolean mayMatch(String lower, boolean digits) {
            for (String n : needles) {
                if (n.isEmpty() ? digits : lower.contains(n)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The empty needle stands for "any ASCII digit". */
    private static final String[] DIGIT = {""};
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec"};
    private static final String[] UNITS = {"year", "month", "week", "day"};

    private static String[] need(String... words) {
        return words;
    }

    private static final String MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    /** Abbreviations may carry a period only when a number follows, so a sentence-final "in March." keeps its stop. */
    private static final String MONTH = "(?<mon>" + MONTH_NAMES + ")(?:\\.(?=\\s\\d))?";
    private static final String WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final String YEAR = "(?<y>(?:19|20)\\d{2})(?!\\d|,\\d|s\\b)";
    /** A count: digits, a word, or a hyphenated compound ("seventy-four"); never the tail of a compound. */
    private static final String NUM = "(?<![\\p{L}-])(?<n>\\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|an?|one|two|three|four|five|six|seven|eight|nine|"
            + "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|several)";
    private static final String UNIT = "(?<u>years?|months?|weeks?|days?)";

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

    private final List<Rule> rules = new ArrayList<>();

    public TemporalTagger() {
        int ci = Pattern.CASE_INSENSITIVE;
        // 2023-03-08
        add(DIGIT, Pattern.compile("\\b(?<iso>(?:19|20)\\d{2}-[01]\\d-[0-3]\\d)\\b"), c -> {
            LocalDate d = LocalDate.parse(c.g("iso"));
            return new Resolved(d, d, Precision.DAY);
        });
        // "(as of) (Tuesday,) March 6(-7)(, 2023)" and "April 5th, 2022"
        add(MONTHS, Pattern.compile("(?<asof>\\b[Aa]s\\sof\\s)?\\b(?:(?:" + WD + "),?\\s)?" + MONTH
                + "\\s(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:\\s?(?:-|–|and|to|through)\\s?(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?)?"
                + "(?:,?\\s" + YEAR + ")?(?![\\d:])"), this::monthDay);
        // "(as of) (Tuesday,) 6(-7) March( 2023)"
        add(MONTHS, Pattern.compile("(?<asof>\\b[Aa]s\\sof\\s)?\\b(?:(?:" + WD + "),?\\s)?(?<d>[0-3]?\\d)(?:st|nd|rd|th)?"
                + "(?:\\s?(?:-|–|and|to)\\s?(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?)?\\s(?:of\\s)?" + MONTH
                + "(?:,?\\s" + YEAR + ")?\\b"), this::monthDay);
        // "February 2023", "mid-March 2022"
        add(MONTHS, Pattern.compile("\\b(?:(?:early|mid|late)[-\\s])?" + MONTH + ",?\\s(?:of\\s)?" + YEAR), c -> {
            LocalDate s = LocalDate.of(Integer.parseInt(c.g("y")), month(c.g("mon")), 1);
            return new Resolved(s, s.with(TemporalAdjusters.lastDayOfMonth()), Precision.MONTH);
        });
        // "in March", "last March", "since March": a month name without day or year
        // The preposition is matched (not looked behind at every position: far cheaper) but kept out of the words.
        add(MONTHS, Pattern.compile("\\b(?:(?:in|since|during|by|until|till|from|through|of|before|after)\\s(?<x>)"
                + "|(?<mod>last|this|next|early|late|mid|earlier\\sin|later\\sin)[-\\s])" + MONTH
                + "\\b(?!\\s\\d)(?!\\.\\s?\\d)"), this::bareMonth);
        // years: "in 2014"; a bare number needs a preposition before it to count as a year
        add(DIGIT, Pattern.compile("\\b(?:in|by|from|until|till|of|during|before|after|through|to|and|around|about|between|"
                + "early|late|mid|end|start|year|spring|summer|autumn|fall|winter)[\\s-](?<x>" + YEAR
                + ")(?!\\s?(?:-|–)\\s?\\d)"), c -> {
            LocalDate s = LocalDate.of(Integer.parseInt(c.g("y")), 1, 1);
            return new Resolved(s, s.withDayOfYear(s.lengthOfYear()), Precision.YEAR);
        });
        // "since 2014", "since March 2022": from then up to publication
        add(DIGIT, Pattern.compile("\\b[Ss]ince\\s(?:" + MONTH + "\\s)?" + YEAR), c -> {
            int y = Integer.parseInt(c.g("y"));
            LocalDate s = c.g("mon") == null ? LocalDate.of(y, 1, 1) : LocalDate.of(y, month(c.g("mon")), 1);
            Precision p = c.g("mon") == null ? Precision.YEAR : Precision.MONTH;
            if (c.anchor() == null || c.anchor().isBefore(s)) {
                return new Resolved(s, p == Precision.YEAR ? s.withDayOfYear(s.lengthOfYear())
                        : s.with(TemporalAdjusters.lastDayOfMonth()), p);
            }
            return new Resolved(s, c.anchor(), p);
        });
        // "for eight years (since 2014)", "for the past two weeks", "in the last six weeks"; "in ten years" looks ahead
        // and is not a duration back from publication.
        add(UNITS, Pattern.compile("\\b(?:(?:for|over)\\s(?:the\\s(?:past|last)\\s)?|in\\sthe\\s(?:past|last)\\s)" + NUM + "\\s" + UNIT
                + "(?:\\s(?:since|from)\\s(?:" + MONTH + "\\s)?" + YEAR + ")?", ci), this::duration);
        // "two days ago", "a year ago"
        add(need("ago"), Pattern.compile("\\b" + NUM + "\\s" + UNIT + "\\sago\\b", ci), this::ago);
        add(need("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"), Pattern.compile("\\b(?<w>today|tonight|yesterday|tomorrow|this\\s(?:morning|afternoon|evening)|last\\snight"
                + "|the\\sday\\sbefore\\syesterday|the\\sday\\safter\\stomorrow)\\b", ci), this::relativeDay);
        // weekdays, with optional modifier and a second weekday for ranges: "will meet Wednesday and Thursday"
        add(need("day"), Pattern.compile("\\b(?:(?<mod>[Ll]ast|[Nn]ext|[Tt]his\\spast|[Tt]his\\scoming|[Tt]his)\\s"
                + "|(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\\s(?:on\\s)?)?(?<wd>" + WD + ")"
                + "(?:\\s(?:morning|afternoon|evening|night))?"
                + "(?:\\s?(?<join>and|to|through|until|-|–)\\s?(?:on\\s)?(?<wd2>" + WD + ")(?:\\s(?:morning|afternoon|evening|night))?)?"
                + "\\b(?!,?\\s(?:" + MONTH_NAMES + ")\\s\\d)(?!,?\\s\\d{1,2}\\s(?:" + MONTH_NAMES + "))"), this::weekday);
        add(need("week"), Pattern.compile("\\b(?:(?<mod2>earlier|later|early|late)\\s)?(?<mod>this|last|next|the\\sprevious|"
                + "the\\sfollowing|the\\scoming)\\sweek\\b(?!s|end)", ci), this::week);
        add(need("weekend"), Pattern.compile("\\b(?:(?<pre>over|during|at|on)\\s)?(?<mod>this\\spast|this\\scoming|the\\spast|the\\scoming|"
                + "the|this|last|next)\\sweekend\\b", ci), this::weekend);
        add(need("month"), Pattern.compile("\\b(?:(?<mod2>earlier|later|early|late)\\s(?:in\\s)?)?(?<mod>this|last|next|the\\sprevious|"
                + "the\\sfollowing)\\smonth\\b", ci), this::relativeMonth);
        add(need("year"), Pattern.compile("\\b(?:(?<mod2>earlier|later|early|late)\\s(?:in\\s)?)?(?<mod>this|last|next|the\\sprevious|"
                + "the\\sfollowing)\\syear\\b", ci), this::relativeYear);
        add(need("quarter"), Pattern.compile("\\b(?:the\\s)?(?<q>first|second|third|fourth|final|1st|2nd|3rd|4th|last|this|next|current)"
                + "\\squarter(?:\\s(?:of\\s)?(?:(?<fy>fiscal)\\s)?" + YEAR + ")?\\b", ci), this::quarter);
        add(DIGIT, Pattern.compile("\\bQ(?<qn>[1-4])(?:\\s|-|\\s of\\s)?(?:" + YEAR + ")?\\b"), this::quarter);
        // open-ended windows: "in the coming days", "over the next few weeks", "in the months ahead"
        add(UNITS, Pattern.compile("\\b(?:in|over|during|within)\\s(?:the\\s)?(?:coming|next\\sfew|next\\scouple\\sof|upcoming|"
                + "following)\\s(?<win>days|weeks|months)\\b", ci), this::window);
        add(need("ahead"), Pattern.compile("\\b(?:in|over)\\sthe\\s(?<win>days|weeks|months)\\sahead\\b", ci), this::window);
    }

    private void add(String[] needles, Pattern p, Resolver r) {
        rules.add(new Rule(needles, p, r, groupNames(p)));
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** The named groups of a pattern (JDK 17 has no accessor for them). */
    private static Set<String> groupNames(Pattern p) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = GROUP_NAME.matcher(p.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return Set.copyOf(names);
    }

    private record Candidate(int start, int end, Resolved r) {
    }

    /** A memo of this tagger's results for one text and anchor; see {@link Memo}. */
    public Memo memo(String body, LocalDate anchor) {
        return new Memo(body, anchor);
    }

    /**
     * Results per region of one text, each region tagged once: the statement dater and the event extractor both read
     * the article's sentences, and tagging is a large share of the analysis time. One per analysis; not thread-safe.
     */
    public final class Memo {
        private final String body;
        private final LocalDate anchor;
        private final Map<Long, List<TemporalValue>> seen = new java.util.HashMap<>();

        private Memo(String body, LocalDate anchor) {
            this.body = body;
            this.anchor = anchor;
        }

        public List<TemporalValue> tag(int from, int to) {
            long key = ((long) from << 32) | (to & 0xFFFF_FFFFL);
            List<TemporalValue> hit = seen.get(key);
            if (hit == null) {
                hit = java.util.Collections.unmodifiableList(TemporalTagger.this.tag(body, from, to, anchor));
                seen.put(key, hit);
            }
            return hit;
        }
    }

    public List<TemporalValue> tag(String body, int from, int to, LocalDate anchor) {
        if (body == null) {
            return List.of();
        }
        int lo = Math.max(0, from);
        int hi = Math.min(body.length(), to);
        if (lo >= hi) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        String lower = body.substring(lo, hi).toLowerCase(java.util.Locale.ROOT);
        boolean digits = false;
        for (int i = 0; i < lower.length() && !digits; i++) {
            char ch = lower.charAt(i);
            digits = ch >= '0' && ch <= '9';
        }
        for (Rule rule : rules) {
            if (!rule.mayMatch(lower, digits)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(body);
            m.region(lo, hi);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                Resolved r;
                try {
                    r = rule.resolver().resolve(new Ctx(m, rule.groups(), body, lo, hi, anchor));
                } catch (DateTimeException | NumberFormatException e) {
                    r = null; // "February 30" and friends are not dates
                }
                if (r != null) {
                    int[] span = expressionSpan(m, rule.groups().contains("x"));
                    found.add(new Candidate(span[0], span[1], r));
                }
            }
        }
        // The longest expression wins where two overlap ("Tuesday, March 7" over "Tuesday").
        found.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : found) {
            boolean overlaps = false;
            for (Candidate k : kept) {
                if (c.start() < k.end() && k.start() < c.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        List<TemporalValue> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            out.add(new TemporalValue(c.r().start(), c.r().end(), c.r().precision(), body.substring(c.start(), c.end()),
                    c.start(), c.end()));
        }
        return out;
    }

    /**
     * The words of the expression: group "x" when the rule matched context it does not own (a preposition), else
     * the whole match. An empty "x" marks where the words start; they run to the end of the match.
     */
    private static int[] expressionSpan(Matcher m, boolean hasX) {
        if (hasX && m.start("x") >= 0) {
            return new int[] {m.start("x"), m.end("x") > m.start("x") ? m.end("x") : m.end()};
        }
        return new int[] {m.start(), m.end()};
    }

    // ---- resolvers ----

    private Resolved monthDay(Ctx c) {
        Month month = month(c.g("mon"));
        int d = Integer.parseInt(c.g("d"));
        int d2 = c.g("d2") == null ? d : Integer.parseInt(c.g("d2"));
        if (d < 1 || d2 < d) {
            return null;
        }
        LocalDate start;
        if (c.g("y") != null) {
            start = LocalDate.of(Integer.parseInt(c.g("y")), month, d);
        } else {
            if (c.anchor() == null) {
                return null;
            }
            Tense t = c.g("asof") != null && c.tense() != Tense.FUTURE ? Tense.PAST : c.tense();
            start = nearestYear(c.anchor(), t, y -> LocalDate.of(y, month, d), y -> LocalDate.of(y, month, d2));
        }
        return new Resolved(start, start.withDayOfMonth(d2), Precision.DAY);
    }

    /**
     * The year for a month-day or month without one: past tense takes the latest occurrence that has begun by the
     * anchor, future tense the earliest that has not ended before it, and otherwise the nearest.
     */
    private static LocalDate nearestYear(LocalDate anchor, Tense t, java.util.function.IntFunction<LocalDate> startOf,
                                         java.util.function.IntFunction<LocalDate> endOf) {
        int y = anchor.getYear();
        LocalDate best = null;
        long bestDist = Long.MAX_VALUE;
        for (int cand = y - 1; cand <= y + 1; cand++) {
            LocalDate s;
            LocalDate e;
            try {
                s = startOf.apply(cand);
                e = endOf.apply(cand);
            } catch (DateTimeException leap) {
                continue;
            }
            if (t == Tense.PAST && s.isAfter(anchor) || t == Tense.FUTURE && e.isBefore(anchor)) {
                continue;
            }
            long dist = anchor.isBefore(s) ? ChronoUnit.DAYS.between(anchor, s)
                    : anchor.isAfter(e) ? ChronoUnit.DAYS.between(e, anchor) : 0;
            if (dist < bestDist) {
                best = s;
                bestDist = dist;
            }
        }
        if (best == null) {
            throw new DateTimeException("no fitting year");
        }
        return best;
    }

    private Resolved bareMonth(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        Month month = month(c.g("mon"));
        String mod = c.g("mod") == null ? "" : c.g("mod").toLowerCase(Locale.ROOT);
        int y = c.anchor().getYear();
        LocalDate s;
        switch (mod) {
            case "last" -> s = LocalDate.of(month.getValue() < c.anchor().getMonthValue() ? y : y - 1, month, 1);
            case "next" -> s = LocalDate.of(month.getValue() > c.anchor().getMonthValue() ? y : y + 1, month, 1);
            case "this" -> s = LocalDate.of(y, month, 1);
            default -> {
                Tense t = c.tense();
                s = nearestYear(c.anchor(), t, yy -> LocalDate.of(yy, month, 1),
                        yy -> LocalDate.of(yy, month, 1).with(TemporalAdjusters.lastDayOfMonth()));
            }
        }
        return new Resolved(s, s.with(TemporalAdjusters.lastDayOfMonth()), Precision.MONTH);
    }

    private static int number(String n) {
        if (n == null) {
            return -1;
        }
        String k = n.toLowerCase(Locale.ROOT);
        if (Character.isDigit(k.charAt(0))) {
            return Integer.parseInt(k);
        }
        int dash = k.indexOf('-');
        if (dash > 0) {
            return NUMBERS.getOrDefault(k.substring(0, dash), -1) + NUMBERS.getOrDefault(k.substring(dash + 1), -1);
        }
        return NUMBERS.getOrDefault(k, -1);
    }

    private Resolved duration(Ctx c) {
        if (c.g("y") != null) {
            int y = Integer.parseInt(c.g("y"));
            LocalDate s = c.g("mon") == null ? LocalDate.of(y, 1, 1) : LocalDate.of(y, month(c.g("mon")), 1);
            Precision p = c.g("mon") == null ? Precision.YEAR : Precision.MONTH;
            LocalDate e = c.anchor() != null && !c.anchor().isBefore(s) ? c.anchor()
                    : p == Precision.YEAR ? s.withDayOfYear(s.lengthOfYear()) : s.with(TemporalAdjusters.lastDayOfMonth());
            return new Resolved(s, e, p);
        }
        int n = number(c.g("n"));
        if (n < 1 || c.anchor() == null) {
            return null;
        }
        // A duration counted back from publication: "for eight years" ending now began eight years before it.
        LocalDate a = c.anchor();
        return switch (c.g("u").toLowerCase(Locale.ROOT).charAt(0)) {
            case 'y' -> new Resolved(a.minusYears(n).withDayOfYear(1), a, Precision.YEAR);
            case 'm' -> new Resolved(a.minusMonths(n).withDayOfMonth(1), a, Precision.MONTH);
            case 'w' -> new Resolved(a.minusWeeks(n), a, Precision.DAY);
            default -> new Resolved(a.minusDays(n), a, Precision.DAY);
        };
    }

    private Resolved ago(Ctx c) {
        int n = number(c.g("n"));
        if (n < 1 || c.anchor() == null) {
            return null;
        }
        LocalDate a = c.anchor();
        return switch (c.g("u").toLowerCase(Locale.ROOT).charAt(0)) {
            case 'y' -> {
                LocalDate s = a.minusYears(n).withDayOfYear(1);
                yield new Resolved(s, s.withDayOfYear(s.lengthOfYear()), Precision.YEAR);
            }
            case 'm' -> {
                LocalDate s = a.minusMonths(n).withDayOfMonth(1);
                yield new Resolved(s, s.with(TemporalAdjusters.lastDayOfMonth()), Precision.MONTH);
            }
            case 'w' -> {
                LocalDate s = a.minusWeeks(n).with(DayOfWeek.MONDAY);
                yield new Resolved(s, s.plusDays(6), Precision.WEEK);
            }
            default -> new Resolved(a.minusDays(n), a.minusDays(n), Precision.DAY);
        };
    }

    private Resolved relativeDay(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        String w = dev.quoteline.extract.TextPatterns.collapseSpaces(c.g("w").toLowerCase(Locale.ROOT));
        int delta = switch (w) {
            case "yesterday", "last night" -> -1;
            case "tomorrow" -> 1;
            case "the day before yesterday" -> -2;
            case "the day after tomorrow" -> 2;
            default -> 0;
        };
        LocalDate d = c.anchor().plusDays(delta);
        return new Resolved(d, d, Precision.DAY);
    }

    private static DayOfWeek dayOfWeek(String name) {
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private Resolved weekday(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        LocalDate a = c.anchor();
        DayOfWeek first = dayOfWeek(c.g("wd"));
        DayOfWeek second = c.g("wd2") == null ? first : dayOfWeek(c.g("wd2"));
        int gap = (second.getValue() - first.getValue() + 7) % 7;
        String mod = c.g("mod") == null ? "" : dev.quoteline.extract.TextPatterns.collapseSpaces(c.g("mod").toLowerCase(Locale.ROOT));
        LocalDate start = switch (mod) {
            case "last", "this past" -> a.with(TemporalAdjusters.previous(second)).minusDays(gap);
            case "next", "this coming" -> a.with(TemporalAdjusters.next(first));
            default -> {
                Tense t = c.tense();
                if (mod.equals("this") && t != Tense.PAST) {
                    t = Tense.FUTURE;
                }
                LocalDate past = a.with(TemporalAdjusters.previousOrSame(second)).minusDays(gap);
                LocalDate future = a.with(TemporalAdjusters.nextOrSame(first));
                if (t == Tense.PAST) {
                    yield past;
                } else if (t == Tense.FUTURE) {
                    yield future;
                }
                // No tense word: the nearer one, ties to the past (news mostly reports what happened).
                long back = ChronoUnit.DAYS.between(past.plusDays(gap), a);
                long ahead = ChronoUnit.DAYS.between(a, future);
                yield ahead < back ? future : past;
            }
        };
        return new Resolved(start, start.plusDays(gap), Precision.DAY);
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Resolved week(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        String mod = dev.quoteline.extract.TextPatterns.collapseSpaces(c.g("mod").toLowerCase(Locale.ROOT));
        LocalDate s = monday(c.anchor());
        switch (mod) {
            case "last", "the previous" -> s = s.minusWeeks(1);
            case "next", "the following", "the coming" -> s = s.plusWeeks(1);
            default -> {
            }
        }
        return new Resolved(s, s.plusDays(6), Precision.WEEK);
    }

    private Resolved weekend(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        LocalDate a = c.anchor();
        String mod = dev.quoteline.extract.TextPatterns.collapseSpaces(c.g("mod").toLowerCase(Locale.ROOT));
        // The latest weekend that has begun before publication day, and the first that has not yet begun.
        LocalDate lastSat = a.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        LocalDate nextSat = a.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate sat = switch (mod) {
            // On a Saturday or Sunday, "last weekend" is the one before the current weekend.
            case "last", "the past", "this past" -> a.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY)).minusDays(1);
            case "next", "the coming", "this coming" -> a.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
            default -> {
                Tense t = c.tense();
                boolean inWeekend = a.getDayOfWeek() == DayOfWeek.SATURDAY || a.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (t == Tense.FUTURE) {
                    yield inWeekend && a.getDayOfWeek() == DayOfWeek.SUNDAY ? a.minusDays(1) : nextSat;
                }
                if (t == Tense.PRESENT && mod.equals("this")) {
                    yield inWeekend ? a.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY)) : nextSat;
                }
                yield lastSat;
            }
        };
        return new Resolved(sat, sat.plusDays(1), Precision.WEEKEND);
    }

    private Resolved relativeMonth(Ctx c) {
        return relativePeriod(c, ChronoUnit.MONTHS);
    }

    private Resolved relativeYear(Ctx c) {
        return relativePeriod(c, ChronoUnit.YEARS);
    }

    /**
     * "last month", "next year", "earlier this year": the whole period, except that "earlier this" stops at the
     * anchor and "later this" starts there.
     */
    private Resolved relativePeriod(Ctx c, ChronoUnit unit) {
        if (c.anchor() == null) {
            return null;
        }
        boolean year = unit == ChronoUnit.YEARS;
        String mod = dev.quoteline.extract.TextPatterns.collapseSpaces(c.g("mod").toLowerCase(Locale.ROOT));
        LocalDate s = year ? c.anchor().withDayOfYear(1) : c.anchor().withDayOfMonth(1);
        switch (mod) {
            case "last", "the previous" -> s = s.minus(1, unit);
            case "next", "the following" -> s = s.plus(1, unit);
            default -> {
            }
        }
        LocalDate e = s.plus(1, unit).minusDays(1);
        String part = c.g("mod2") == null ? "" : c.g("mod2").toLowerCase(Locale.ROOT);
        if (mod.equals("this") && part.equals("earlier")) {
            e = c.anchor();
        } else if (mod.equals("this") && part.equals("later")) {
            s = c.anchor();
        }
        return new Resolved(s, e, year ? Precision.YEAR : Precision.MONTH);
    }

    private Resolved quarter(Ctx c) {
        String q = c.g("q") == null ? null : c.g("q").toLowerCase(Locale.ROOT);
        String y = c.g("y");
        int n;
        if (c.g("qn") != null) {
            n = Integer.parseInt(c.g("qn"));
        } else {
            n = switch (q) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                case "fourth", "4th", "final" -> 4;
                case "last" -> y != null ? 4 : 0;
                default -> 0; // this / next / current: relative to the anchor
            };
        }
        if (y != null) {
            if (n == 0) {
                return null;
            }
            LocalDate s = LocalDate.of(Integer.parseInt(y), 3 * n - 2, 1);
            return new Resolved(s, s.plusMonths(3).minusDays(1), Precision.QUARTER);
        }
        if (c.anchor() == null) {
            return null;
        }
        LocalDate current = c.anchor().withDayOfMonth(1).withMonth(3 * c.anchor().get(IsoFields.QUARTER_OF_YEAR) - 2);
        LocalDate s;
        if (n == 0) {
            s = switch (q) {
                case "last" -> current.minusMonths(3);
                case "next" -> current.plusMonths(3);
                default -> current;
            };
        } else {
            int qq = n;
            s = nearestYear(c.anchor(), c.tense(), yy -> LocalDate.of(yy, 3 * qq - 2, 1),
                    yy -> LocalDate.of(yy, 3 * qq - 2, 1).plusMonths(3).minusDays(1));
        }
        return new Resolved(s, s.plusMonths(3).minusDays(1), Precision.QUARTER);
    }

    private Resolved window(Ctx c) {
        if (c.anchor() == null) {
            return null;
        }
        Precision p = switch (c.g("win").toLowerCase(Locale.ROOT)) {
            case "days" -> Precision.DAYS;
            case "weeks" -> Precision.WEEKS;
            default -> Precision.MONTHS;
        };
        return new Resolved(c.anchor(), null, p);
    }

    private static Month month(String name) {
        return PublicationTimeParser.month(name);
    }
}
