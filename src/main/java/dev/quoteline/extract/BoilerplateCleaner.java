package dev.quoteline.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage 2: splits the body into paragraphs (lines), drops site furniture and marks paragraphs that repeat an
 * earlier one (scraped summary + lede), so that a repeated statement is reported once.
 */
final class BoilerplateCleaner {
    private static final Pattern SPEECH_WORD = Pattern.compile("(?s).*\\b(?:said|says|told|will|would)\\b.*");

    /**
     * @param publishedAt a publication time read from a date or byline line under the header, or null
     * @param dateline    the month and day of a dateline without a year ("WASHINGTON, March 3 (Reuters) —"), or null
     */
    record Cleaned(List<Span> paragraphs, List<Span> boilerplate, Set<Integer> repeated,
                   dev.quoteline.extract.time.PublicationTime publishedAt,
                   dev.quoteline.extract.time.PublicationTimeParser.Dateline dateline) {
    }

    static final int NEAR_REPEAT_WINDOW = 400;
    /** Lines under the header that may still be furniture: a date or byline line, or a dateline opening the story. */
    private static final int HEAD_LINES = 3;
    /**
     * "WASHINGTON, March 3 (Reuters) —", "LYON, France, March 3, 2023 (AP) -", "LONDON (AP) —": a place in capitals,
     * an optional date and agency, and a dash. The place must be in capitals so that an ordinary sentence never matches.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^[A-Z][A-Z.'-]{1,30}(?: [A-Z][A-Z.'-]{1,30}){0,3}(?:, [A-Z][A-Za-z.]{1,20}(?: [A-Z][A-Za-z.]{1,20}){0,2}){0,2}"
                    + "(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\\.? [0-3]?\\d(?:, \\d{4})?)?"
                    + "(?: ?\\([A-Za-z .&-]{1,30}\\))? {0,2}(?:[-—–]{1,2}|:) {0,2}(?=\\S)");

    // A line that introduces related links; the headline lines after it are links too.
    private static final Pattern LINK_INTRO = Pattern.compile(
            "(?i)^\\s*(?:read more|related|related stories|related articles|see also|also read|more from [^:]{1,40}|recommended|watch|trending|must read|top stories)\\s*:?\\s*$");
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)^\\s*(?:read more\\s*:.{0,200}|for (?:all )?the latest .{0,80}click here.{0,40}|click here\\b.{0,120}|"
                    + "sign up\\b.{0,160}|subscribe\\b.{0,160}|share (?:this|on)\\b.{0,80}|follow us\\b.{0,120}|"
                    + "advertisement|\\d{1,3}\\s{0,3}min(?:ute)?s?\\.? read|©.{0,160}|copyright\\b.{0,160}|"
                    + "all rights reserved.{0,80}|(?:share|tweet|email|print|comments?)(?:\\s{0,3}[|/·]?\\s{0,3}(?:share|tweet|email|print|comments?|facebook|twitter|whatsapp|linkedin)){0,8}|"
                    + "(?:get|download) (?:the|our) .{0,40}app.{0,80}|we(?:'|’)d like to hear from you.{0,120}|"
                    + "this (?:story|article) (?:has been|was) (?:updated|corrected).{0,200}|"
                    + "(?:reporting|writing|editing|additional reporting) by .{0,160})\\s*$");
    private static final Pattern INLINE_FURNITURE = Pattern.compile("(?i)for (?:all )?the latest [^\\n]{0,60}?click here");

    Cleaned clean(String body, Span header) {
        List<Span> paragraphs = new ArrayList<>();
        List<Span> boiler = new ArrayList<>();
        Set<Integer> repeated = new HashSet<>();
        List<Set<String>> seen = new ArrayList<>();
        Set<String> seenNorm = new HashSet<>();
        int pos = header == null ? 0 : header.end();
        int linksAfterIntro = 0;
        dev.quoteline.extract.time.PublicationTime publishedAt = null;
        dev.quoteline.extract.time.PublicationTimeParser.Dateline dateline = null;
        while (pos < body.length()) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? body.length() : nl;
            int s = pos, e = end;
            while (s < e && Character.isWhitespace(body.charAt(s))) s++;
            while (e > s && Character.isWhitespace(body.charAt(e - 1))) e--;
            pos = end + 1;
            if (s >= e) continue;
            String line = body.substring(s, e);
            if (line.length() < 400 && LINK_INTRO.matcher(line).matches()) {
                boiler.add(Span.of(body, s, e));
                linksAfterIntro = 3;
                continue;
            }
            if (linksAfterIntro > 0 && looksLikeHeadline(line)) {
                boiler.add(Span.of(body, s, e));
                linksAfterIntro--;
                continue;
            }
            linksAfterIntro = 0;
            if (line.length() < 400 && FURNITURE.matcher(line).matches()) {
                boiler.add(Span.of(body, s, e));
                continue;
            }
            if (paragraphs.size() < HEAD_LINES && line.length() < 160 && publishedAt == null) {
                var found = dev.quoteline.extract.time.PublicationTimeParser.find(line);
                if (found.isPresent() && isDateLine(line, found.get())) {
                    publishedAt = found.get().time();
                    boiler.add(Span.of(body, s, e));
                    continue;
                }
            }
            if (paragraphs.size() < HEAD_LINES && dateline == null) {
                var m = DATELINE.matcher(line.length() > 200 ? line.substring(0, 200) : line);
                if (m.lookingAt() && (m.group().contains(",") || m.group().contains("("))) {
                    var dated = dev.quoteline.extract.time.PublicationTimeParser.findDateline(line.substring(0, m.end()));
                    var full = dev.quoteline.extract.time.PublicationTimeParser.find(line.substring(0, m.end()));
                    if (full.isPresent() && publishedAt == null) {
                        publishedAt = full.get().time();
                    } else if (dated.isPresent()) {
                        dateline = dated.get();
                    }
                    boiler.add(Span.of(body, s, s + m.end()).trimmed(body));
                    s += m.end();
                    line = body.substring(s, e);
                }
            }
            if (line.length() < 600) {
                var m = INLINE_FURNITURE.matcher(line);
                if (m.find()) {
                    boiler.add(Span.of(body, s + m.start(), s + m.end()));
                }
            }
            List<String> lineWords = normWords(line);
            String norm = String.join(" ", lineWords);
            boolean dup = !seenNorm.add(norm);
            // near-repeats (a scraped summary and its lede) sit near the top: compare pairwise only there,
            // so a huge body stays linear
            if (!dup && paragraphs.size() < NEAR_REPEAT_WINDOW) {
                Set<String> words = new HashSet<>(lineWords);
                for (int i = 0; i < seen.size() && !dup; i++) dup = words.size() >= 8 && nearRepeat(words, seen.get(i));
                seen.add(words);
            }
            if (dup) repeated.add(paragraphs.size());
            paragraphs.add(Span.of(body, s, e));
        }
        return new Cleaned(paragraphs, boiler, repeated, publishedAt, dateline);
    }

    /** A line that is only a publication date or a byline with one, not a sentence that mentions a date. */
    private static boolean isDateLine(String line, dev.quoteline.extract.time.PublicationTimeParser.FoundPublicationTime found) {
        String rest = (line.substring(0, found.start()) + " " + line.substring(Math.min(line.length(), found.end()))).strip();
        return rest.length() <= 60 && !rest.endsWith(".") && !SPEECH_WORD.matcher(rest).matches();
    }

    private static boolean looksLikeHeadline(String line) {
        char last = line.charAt(line.length() - 1);
        return line.length() <= 160 && last != '.' && last != '”' && last != '"' && last != ':'
                && line.charAt(0) != '“' && line.charAt(0) != '"';
    }

    private static List<String> normWords(String line) {
        List<String> out = new ArrayList<>();
        for (String w : TextPatterns.NON_ALNUM.split(line.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /**
     * Jaccard similarity of at least 0.9. It is at most the smaller set's size over the larger's, so sets whose sizes
     * differ by more than that are never near-repeats and are not compared word by word.
     */
    private static boolean nearRepeat(Set<String> a, Set<String> b) {
        int small = Math.min(a.size(), b.size()), large = Math.max(a.size(), b.size());
        if (10L * small < 9L * large) return false;
        return jaccard(a, b) >= 0.9;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int inter = 0;
        for (String w : a) if (b.contains(w)) inter++;
        return inter / (double) (a.size() + b.size() - inter);
    }
}
