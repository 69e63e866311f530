package dev.quoteline.extract;

import dev.quoteline.extract.time.PublicationTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 1: reads the first line of the body as a header (title, site suffix, section, date, reading time).
 * Metadata given with the article wins over anything read here.
 */
final class HeaderParser {

    /** What the header told us; {@code line} is null when the first line is ordinary text. */
    record Header(Span line, String title, String publisher, String section, PublicationTime publishedAt,
                  List<Span> boilerplate) {
    }

    // Scraper furniture glued in front of a title, e.g. "For all the latest world News Click Here".
    private static final Pattern LEADING_FURNITURE = Pattern.compile(
            "(?i)^\\s*(?:for (?:all )?the latest [^\\n]{0,60}?click here|click here[^\\n]{0,40}?|advertisement)\\s*");
    private static final Pattern DATE_WORD = Pattern.compile("(?i)^\\s*(?:date|published|updated)?\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})\\s*");
    private static final Pattern READING_TIME = Pattern.compile("(?i)(\\d{1,3})\\s{0,3}min(?:ute)?s?\\.?\\s{0,3}read");
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)(?:^|[\\s.,|·])\\s{0,3}(\\d{1,2}):(\\d{2})\\s{0,3}([AP]\\.?M\\.?)?\\s{0,3}([A-Z]{2,5})?\\s*$");
    // "Title – Section | Site" and "Title | Site"
    private static final Pattern SECTION_SITE = Pattern.compile("^(.{1,400}?)\\s+[–—-]\\s+([^|–—]{1,40}?)\\s+\\|\\s+([^|]{1,80})$");
    private static final Pattern SITE_ONLY = Pattern.compile("^(.{1,400}?)\\s+[|–—-]\\s+([^|–—]{1,80})$");
    private static final Pattern SENTENCE_INSIDE = Pattern.compile("[.!?][\"”’]?\\s+[\"“]?[A-Z][a-z]");

    Header parse(String body, RawArticle meta) {
        int lineStart = 0;
        while (lineStart < body.length() && (body.charAt(lineStart) == '\n' || body.charAt(lineStart) == '\r')) {
            lineStart++;
        }
        int lineEnd = body.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = body.length();
        int trimmedEnd = lineEnd;
        while (trimmedEnd > lineStart && Character.isWhitespace(body.charAt(trimmedEnd - 1))) trimmedEnd--;
        String line = body.substring(lineStart, trimmedEnd);
        boolean hasMoreText = body.substring(lineEnd).trim().length() > 0;

        List<Span> boiler = new ArrayList<>();
        String title = null, publisher = null, section = null;
        PublicationTime time = null;
        boolean header = false;

        int cur = 0; // offset within line
        Matcher m = LEADING_FURNITURE.matcher(line);
        if (m.find() && m.end() > 0 && m.group().trim().length() > 0) {
            boiler.add(Span.of(body, lineStart + m.start() + leadingSpaces(m.group()), lineStart + trimRight(line, m.end())));
            cur = m.end();
            header = true;
        }
        m = DATE_WORD.matcher(line).region(cur, line.length());
        if (m.lookingAt()) {
            Optional<LocalDate> d = parseDate(m.group(1));
            if (d.isPresent()) {
                time = PublicationTime.ofDate(d.get());
                cur = m.end();
                header = true;
            }
        }
        int titleEnd = line.length();
        m = READING_TIME.matcher(line).region(cur, line.length());
        if (m.find()) {
            boiler.add(Span.of(body, lineStart + m.start(), lineStart + m.end()));
            String rest = line.substring(m.end());
            Matcher c = CLOCK.matcher(rest);
            if (c.find() && time != null) {
                time = withClock(time.date(), c);
            }
            titleEnd = m.start();
            header = true;
        } else if (time != null) {
            Matcher c = CLOCK.matcher(line).region(cur, line.length());
            if (c.find()) {
                time = withClock(time.date(), c);
                titleEnd = c.start();
            }
        }
        // The time helper's parser knows more header and byline layouts; our own reading is the fallback.
        if (line.length() <= 2_000) {
            var found = dev.quoteline.extract.time.PublicationTimeParser.find(line);
            if (found.isPresent()) {
                PublicationTime t = found.get().time();
                if (time == null || t.instant() != null || time.instant() == null) time = t;
                header = true;
                if (found.get().start() > cur && found.get().start() < titleEnd && titleEnd == line.length()) {
                    titleEnd = found.get().start();
                }
            }
        }
        String rawTitle = line.substring(Math.min(cur, titleEnd), titleEnd).trim();
        m = SECTION_SITE.matcher(rawTitle);
        if (m.matches()) {
            rawTitle = m.group(1).trim();
            section = m.group(2).trim();
            publisher = PublisherNames.publisherFor(m.group(3));
            header = true;
        } else {
            m = SITE_ONLY.matcher(rawTitle);
            if (m.matches() && (rawTitle.contains("|") || PublisherNames.isKnownOrDomain(m.group(2)))) {
                rawTitle = m.group(1).trim();
                publisher = PublisherNames.publisherFor(m.group(2));
                header = true;
            }
        }
        title = rawTitle.isEmpty() ? null : rawTitle;

        if (!header) {
            header = looksLikeTitle(line, meta.title(), hasMoreText);
        }
        Span headerSpan = header && trimmedEnd > lineStart ? Span.of(body, lineStart, trimmedEnd) : null;
        if (!header) {
            title = null;
            section = null;
            publisher = null;
            time = null;
            boiler.clear();
        }
        return new Header(headerSpan,
                meta.title() != null && !meta.title().isBlank() ? meta.title() : title,
                meta.publisher() != null && !meta.publisher().isBlank() ? meta.publisher() : publisher,
                section,
                meta.publishedAt() != null ? meta.publishedAt() : time,
                boiler);
    }

    private static boolean looksLikeTitle(String line, String metaTitle, boolean hasMoreText) {
        if (!hasMoreText || line.isBlank() || line.length() > 300) return false;
        if (metaTitle != null && !metaTitle.isBlank()) {
            String a = norm(line), b = norm(metaTitle);
            if (!b.isEmpty() && (a.startsWith(b) || b.startsWith(a))) return true;
        }
        if (SENTENCE_INSIDE.matcher(line).find()) return false;
        char last = line.charAt(line.length() - 1);
        return last != '.' && last != '"' && last != '”' && last != ':' && line.length() <= 200;
    }

    private static String norm(String s) {
        return TextPatterns.NON_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int trimRight(String s, int end) {
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
        return end;
    }

    private static PublicationTime withClock(LocalDate date, Matcher c) {
        int h = Integer.parseInt(c.group(1));
        int min = Integer.parseInt(c.group(2));
        String ampm = c.group(3);
        if (ampm != null) {
            boolean pm = Character.toUpperCase(ampm.charAt(0)) == 'P';
            if (h == 12) h = 0;
            if (pm) h += 12;
        }
        if (h > 23 || min > 59) return PublicationTime.ofDate(date);
        String zone = c.group(4);
        // one zone table for the whole analysis: the time package's, which follows daylight-saving rules on the date
        ZoneOffset off = dev.quoteline.extract.time.PublicationTimeParser
                .offsetFor(zone, java.time.LocalDateTime.of(date, LocalTime.of(h, min))).orElse(null);
        if (off == null) return PublicationTime.ofDate(date);
        return PublicationTime.ofInstant(OffsetDateTime.of(date, LocalTime.of(h, min), off), zone);
    }

    static Optional<LocalDate> parseDate(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso.substring(0, 10)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
