package dev.quoteline.extract;

import dev.quoteline.extract.time.Precision;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.TemporalTagger;
import dev.quoteline.extract.time.TemporalValue;
import dev.quoteline.extract.time.Tense;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dated happenings an article reports, and the occasions (news conferences, meetings) its statements
 * were made at. An event needs both a happening word (a verb or noun from the lexicon below) and a time the
 * tagger can resolve in the same sentence; occasions take their time from the statement when the cue clause
 * gives none. Holds no mutable state, so one instance serves all threads.
 */
public final class EventExtractor {

    public record Result(List<ExtractedEvent> events, int[] occasionByStatement) {
    }

    private final TemporalTagger tagger;

    public EventExtractor(TemporalTagger tagger) {
        this.tagger = tagger;
    }

    /** A word that reports a happening, with its kind; {@code verb} words can head a subject-verb-object title. */
    private record Trigger(String kind, boolean verb) {
    }

    private static final Map<String, Trigger> TRIGGERS = buildTriggers();

    private static Map<String, Trigger> buildTriggers() {
        java.util.HashMap<String, Trigger> m = new java.util.HashMap<>();
        put(m, "MEETING", true, "meet", "meets", "met", "convene", "convenes", "convened", "gather", "gathered");
        put(m, "MEETING", false, "meeting", "meetings", "summit", "gathering", "session");
        put(m, "VISIT", true, "visit", "visits", "visited", "travelled", "traveled", "travels", "arrived", "arrives",
                "toured", "tours");
        put(m, "VISIT", false, "trip", "tour");
        put(m, "TALKS", false, "talks", "negotiations");
        put(m, "TALKS", true, "negotiated", "negotiate", "negotiates");
        put(m, "ANNOUNCEMENT", true, "announced", "announces", "announce", "unveiled", "unveils", "declared", "declares",
                "proclaimed");
        put(m, "ANNOUNCEMENT", false, "announcement");
        put(m, "ORDER", true, "ordered", "orders", "decreed", "decrees", "instructed", "banned", "bans", "approved",
                "approves", "signed", "signs");
        put(m, "ORDER", false, "decree", "obligatory", "mandatory");
        put(m, "ATTACK", true, "attacked", "attacks", "attack", "struck", "strikes", "shelled", "bombed", "invaded",
                "raided", "killed", "launched");
        put(m, "ATTACK", false, "offensive", "push", "assault", "invasion", "shelling", "bombing", "strike", "raid",
                "fighting", "battle");
        put(m, "CAPTURE", true, "captured", "capture", "captures", "seized", "seize", "fall", "fell", "falls", "retook",
                "liberated", "entered", "reentered", "re-entered", "withdrew", "withdraw");
        put(m, "CAPTURE", false, "withdrawal", "capture");
        put(m, "ANNEXATION", true, "annexed", "annex", "annexes");
        put(m, "ANNEXATION", false, "annexation");
        put(m, "DEADLINE", true, "expire", "expires", "expired", "lapse", "lapses", "lapsed");
        put(m, "DEADLINE", false, "deadline", "expiry");
        put(m, "REPORT", true, "published", "publishes");
        put(m, "REPORT", false, "report", "study", "survey");
        put(m, "ELECTION", true, "elected", "voted", "vote");
        put(m, "ELECTION", false, "election", "referendum");
        put(m, "OTHER", true, "evacuated", "resigned", "died", "arrested", "released", "agreed", "deployed",
                "delivered", "began", "started", "ended");
        put(m, "OTHER", false, "evacuation", "ceasefire", "agreement", "deal");
        return Map.copyOf(m);
    }

    private static void put(Map<String, Trigger> m, String kind, boolean verb, String... words) {
        for (String w : words) {
            m.put(w, new Trigger(kind, verb));
        }
    }

    /** Kinds that a speaker's own words may report as an event; generic talk inside a quote does not count. */
    private static final Set<String> QUOTABLE_KINDS = Set.of("MEETING", "VISIT", "TALKS", "ATTACK", "CAPTURE",
            "DEADLINE", "ORDER", "ANNEXATION", "ELECTION");
    /** Light verbs whose object noun is the happening ("made a second visit", "held talks"). */
    private static final Set<String> LIGHT_VERBS = Set.of("made", "make", "makes", "paid", "pay", "pays", "held",
            "hold", "holds", "launched", "launch", "began", "conducted", "staged", "mounted", "attended");
    /** Speech verbs that make a research body's statement a report ("the Lab said at least 6,000 ..."). */
    private static final Pattern REPORT_SPEECH = Pattern.compile("\\b(?:said|reported|found|estimated|published)\\b");
    private static final Pattern RESEARCH_SUBJECT = Pattern.compile(
            "\\b(?:Lab|Laboratory|Institute|University|Center|Centre|Observatory|Monitor|Agency|Bureau|Commission|"
                    + "Office|Organization|Organisation|report|study|survey|researchers|analysts)\\b");

    private static final Pattern FALL_SEASON = Pattern.compile("\\s(?:of\\s)?(?:\\d|this\\b|last\\b|next\\b)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}’'-]{0,40}");
    private static final Set<String> MODALS_DROPPED = Set.of("will", "shall");
    private static final Set<String> STOP_OBJECT = Set.of("in", "on", "at", "for", "with", "near", "following",
            "during", "since", "despite", "while", "after", "before", "from", "as", "when", "because", "and", "but",
            "which", "who", "that", "amid", "over", "until", "by", "according", "if", "though", "although");
    private static final Set<String> LEADING_NOISE = Set.of("but", "however", "and", "meanwhile", "so", "yet", "also",
            "then", "still", "now");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "his", "her", "their", "its", "our",
            "this", "that", "these", "those");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "But", "And", "However", "Last", "Next",
            "This", "That", "At", "In", "On", "For", "Meanwhile", "He", "She", "They", "We", "It", "I", "His", "Her",
            "Their", "Its", "Our", "According", "Earlier", "Later", "Over", "During", "After", "Before", "Since",
            "About", "Read", "Defense", "Defence", "Deputy", "Prime", "Minister", "Secretary-General", "President",
            "Foreign", "Secretary", "Commander", "General", "Chief");
    private static final Pattern CAP_SEQ = Pattern.compile(
            "\\b[A-Z][\\p{L}’'.-]{0,40}(?:\\s(?:(?:of|for|the|at|de|al)\\s){0,2}[A-Z][\\p{L}’'.-]{0,40}){0,6}");
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:in|near|outside(?:\\sof)?|around|visited|visit\\sto|arrived\\sin|travell?ed\\sto|across)\\s"
                    + "(?:the\\s)?(?:(?:eastern|western|northern|southern|central|occupied)\\s(?:and\\s(?:eastern|western|"
                    + "northern|southern|central)\\s)?)?(?<p>[A-Z][\\p{L}’'-]{1,40}(?:\\s[A-Z][\\p{L}’'-]{1,40}){0,2})");
    private static final Set<String> CALENDAR_WORDS = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday");

    /** The occasion named in a cue clause: "told a news conference", "said before a meeting with X in Y". */
    private static final Pattern OCCASION = Pattern.compile(
            "\\b(?<prep>told|at|during|before|after|ahead\\sof|following|on\\sthe\\ssidelines\\sof|in)\\s"
                    + "(?<det>a|an|the|his|her|their|its|this|that)\\s(?<np>(?:[\\p{L}’'-]+\\s){0,4}?"
                    + "(?<head>news\\sconference|press\\sconference|conference|press\\sbriefing|briefing|meeting|summit|"
                    + "talks|interview|session|hearing|rally|speech|forum|ceremony|debate|visit))\\b"
                    + "(?:\\swith\\s(?<with>[\\p{L}’'-]+(?:\\s(?!in\\s|at\\s|on\\s)[\\p{L}’'-]+){0,7}))?"
                    + "(?:\\s(?:in|at)\\s(?<place>[A-Z][\\p{L}’'-]{0,40}(?:\\s[A-Z][\\p{L}’'-]{0,40}){0,3}))?",
            Pattern.CASE_INSENSITIVE);

    /** Mutable while the article is read; frozen into an {@link ExtractedEvent} at the end. */
    private static final class Draft {
        String title;
        String kind;
        TemporalValue when;
        EventStatus status;
        Span sentence;
        int anchorPos;
        String key;
        List<Integer> speakers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> places = new ArrayList<>();
    }

    public Result extract(String body, List<Span> sentences, List<ExtractedStatement> statements,
                          List<ExtractedSpeaker> speakers, PublicationTime publishedAt) {
        return extract(body, sentences, statements, speakers, publishedAt,
                tagger.memo(body, publishedAt == null ? null : publishedAt.date()));
    }

    /** As above, sharing the caller's memo of temporal expressions ({@code tags}: this body, the publication date). */
    Result extract(String body, List<Span> sentences, List<ExtractedStatement> statements,
                   List<ExtractedSpeaker> speakers, PublicationTime publishedAt, TemporalTagger.Memo tags) {
        List<ExtractedStatement> stmts = statements == null ? List.of() : statements;
        List<ExtractedSpeaker> spk = speakers == null ? List.of() : speakers;
        int[] occasion = new int[stmts.size()];
        Arrays.fill(occasion, -1);
        if (body == null || body.isEmpty()) {
            return new Result(List.of(), occasion);
        }
        List<Span> sents = sentences == null || sentences.isEmpty() ? splitSentences(body) : sentences;
        LocalDate anchor = publishedAt == null ? null : publishedAt.date();
        List<int[]> quotes = quoteRegions(body);
        List<Draft> drafts = new ArrayList<>();
        Draft[] occasionDraft = new Draft[stmts.size()];
        List<int[]> occasionSpans = new ArrayList<>();

        for (int i = 0; i < stmts.size(); i++) {
            ExtractedStatement st = stmts.get(i);
            Draft d = occasionOf(body, st, sents, spk, anchor, drafts, occasionSpans, tags);
            occasionDraft[i] = d;
        }

        for (Span s : sents) {
            List<TemporalValue> values = tags.tag(s.start(), s.end());
            if (values.isEmpty()) {
                continue;
            }
            for (Draft d : sentenceEvents(body, s, values, quotes, occasionSpans, spk, anchor)) {
                Draft same = findSame(drafts, d);
                if (same == null) {
                    drafts.add(d);
                }
            }
        }

        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingInt((Draft d) -> d.sentence.start()).thenComparingInt(d -> d.anchorPos));
        List<ExtractedEvent> events = new ArrayList<>(ordered.size());
        for (Draft d : ordered) {
            events.add(new ExtractedEvent(d.title, d.kind, d.when, d.status, d.sentence, List.copyOf(d.speakers),
                    List.copyOf(d.names), List.copyOf(d.places)));
        }
        for (int i = 0; i < occasionDraft.length; i++) {
            if (occasionDraft[i] != null) {
                occasion[i] = ordered.indexOf(occasionDraft[i]);
            }
        }
        return new Result(List.copyOf(events), occasion);
    }

    // ---- occasions ----

    private Draft occasionOf(String body, ExtractedStatement st, List<Span> sents, List<ExtractedSpeaker> spk,
                             LocalDate anchor, List<Draft> drafts, List<int[]> occasionSpans, TemporalTagger.Memo tags) {
        if (st.cue() == null) {
            return null;
        }
        Span sentence = sentenceAt(sents, st.cue().start());
        if (sentence == null) {
            return null;
        }
        // Only the reporting frame counts: the statement's own words may name other meetings.
        int cs = st.content() == null ? -1 : st.content().start();
        int ce = st.content() == null ? -1 : st.content().end();
        Matcher m = OCCASION.matcher(body);
        m.region(sentence.start(), sentence.end());
        m.useTransparentBounds(true);
        while (m.find()) {
            if (cs >= 0 && m.start() < ce && cs < m.end()) {
                continue;
            }
            // The clause must belong to this statement's cue: same side of the content, next to the cue.
            int gapToCue = m.start() >= st.cue().end() ? m.start() - st.cue().end() : st.cue().start() - m.end();
            if (gapToCue > 80) {
                continue;
            }
            String head = TextPatterns.collapseSpaces(m.group("head").toLowerCase(Locale.ROOT));
            String kind = occasionKind(head);
            // The date may follow the noun: "At the news conference Tuesday".
            int dateTo = Math.min(sentence.end(), m.end() + 20);
            TemporalValue when = null;
            for (TemporalValue v : tags.tag(m.start(), dateTo)) {
                if (v.expressionStart() >= m.start() && v.expressionStart() <= m.end() + 1) {
                    when = v;
                    break;
                }
            }
            boolean explicit = when != null;
            if (when == null) {
                when = st.saidOn() != null ? st.saidOn() : anchor == null ? null : TemporalValue.day(anchor);
            }
            if (when == null) {
                return null;
            }
            occasionSpans.add(new int[] {m.start(), m.end()});
            String speakerName = st.speakerIndex() >= 0 && st.speakerIndex() < spk.size()
                    ? spk.get(st.speakerIndex()).name()
                    : st.speakerMention() == null ? null : st.speakerMention().text();
            String key = kind + "|" + when.start() + "|" + st.speakerIndex();
            // "the news conference" refers back, and a joint conference is one event for every speaker at it.
            boolean refersBack = m.group("det").equalsIgnoreCase("the");
            for (Draft d : drafts) {
                boolean sameOccasion = d.key != null && d.key.startsWith(kind + "|" + when.start() + "|")
                        && (refersBack || d.speakers.contains(st.speakerIndex()));
                if (key.equals(d.key) || sameOccasion) {
                    if (st.speakerIndex() >= 0 && !d.speakers.contains(st.speakerIndex())) {
                        d.speakers.add(st.speakerIndex());
                    }
                    if (explicit && d.when.expression() == null) {
                        // The sentence that dates the occasion is the better evidence for it.
                        d.when = when;
                        d.sentence = sentence;
                        d.anchorPos = m.start();
                    }
                    return d;
                }
            }
            Draft d = new Draft();
            d.kind = kind;
            d.when = when;
            d.key = key;
            d.sentence = sentence;
            d.anchorPos = m.start();
            String np = stripDeterminer(m.group("np"));
            String with = m.group("with");
            d.title = ((speakerName == null ? "" : speakerName + " ") + np
                    + (with == null ? "" : " with " + with)).strip();
            d.status = anchor != null && when.start().isAfter(anchor) ? EventStatus.EXPECTED : EventStatus.PAST;
            if (st.speakerIndex() >= 0) {
                d.speakers.add(st.speakerIndex());
            }
            if (speakerName != null) {
                d.names.add(speakerName);
            }
            if (with != null) {
                d.names.add(with.strip());
                for (int k = 0; k < spk.size(); k++) {
                    if (!d.speakers.contains(k) && mentions(with, spk.get(k))) {
                        d.speakers.add(k);
                    }
                }
            }
            if (m.group("place") != null) {
                d.places.add(m.group("place"));
            }
            drafts.add(d);
            return d;
        }
        return null;
    }

    private static String occasionKind(String head) {
        if (head.contains("conference") || head.contains("briefing")) {
            return "PRESS_CONFERENCE";
        }
        return switch (head) {
            case "meeting", "summit", "session", "forum" -> "MEETING";
            case "talks" -> "TALKS";
            case "visit" -> "VISIT";
            case "interview" -> "INTERVIEW";
            default -> "OTHER";
        };
    }

    // ---- events from dated sentences ----

    private record Hit(int start, int end, String word, Trigger trigger) {
    }

    private List<Draft> sentenceEvents(String body, Span s, List<TemporalValue> values, List<int[]> quotes,
                                       List<int[]> occasionSpans, List<ExtractedSpeaker> spk, LocalDate anchor) {
        List<Hit> hits = new ArrayList<>();
        Matcher w = WORD.matcher(body);
        w.region(s.start(), s.end());
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            Trigger t = TRIGGERS.get(word);
            if (t == null || inside(occasionSpans, w.start()) || inValue(values, w.start())) {
                continue;
            }
            if (Character.isUpperCase(w.group().charAt(0)) && !body.substring(s.start(), w.start()).isBlank()) {
                continue; // part of a name: "Federal Election Commission"
            }
            if (word.equals("fall") && FALL_SEASON.matcher(body).region(w.end(), s.end()).lookingAt()) {
                continue; // "the fall of 2010" is a season
            }
            hits.add(new Hit(w.start(), w.end(), word, t));
        }
        Matcher speech = REPORT_SPEECH.matcher(body);
        speech.region(s.start(), s.end());
        while (speech.find()) {
            // Only the subject right before the verb: back to the last comma, quote or clause start.
            int from = Math.max(s.start(), speech.start() - 90);
            for (int k = speech.start() - 1; k >= from; k--) {
                char ch = body.charAt(k);
                if (ch == ',' || ch == ';' || ch == '“' || ch == '”' || ch == '"') {
                    from = k + 1;
                    break;
                }
            }
            String before = body.substring(from, speech.start());
            if (RESEARCH_SUBJECT.matcher(before).find() && !inside(quotes, speech.start())) {
                hits.add(new Hit(speech.start(), speech.end(), speech.group(), new Trigger("REPORT", true)));
            }
        }
        // Pair each time with the nearest free trigger, closest pairs first.
        record Pair(TemporalValue v, Hit h, int dist) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (TemporalValue v : values) {
            int[] vq = quoteAround(quotes, v.expressionStart(), v.expressionEnd());
            for (Hit h : hits) {
                int dist = h.start() >= v.expressionEnd() ? h.start() - v.expressionEnd() : v.expressionStart() - h.end();
                if (dist > 150) {
                    continue;
                }
                int[] hq = quoteAround(quotes, h.start(), h.end());
                if (hq != null && !QUOTABLE_KINDS.contains(h.trigger().kind())) {
                    continue;
                }
                if (vq != null && hq != vq) {
                    continue; // a time inside a speaker's words dates only what those words say
                }
                // Rank by closeness, but a clause boundary in between ("..., since the army seized ...") pushes a
                // pair back, and a verb outranks a noun nearby ("visited the capital for talks ... on Wednesday").
                int a = Math.min(h.end(), v.expressionEnd());
                int b = Math.max(h.start(), v.expressionStart());
                if (a == v.expressionEnd() && a < body.length() && body.charAt(a) == ',') {
                    a++; // a fronted time ("Last month, the Lab said") scopes over the clause after its comma
                }
                int boundaries = clauseBoundaries(body, a, b);
                boolean verb = isVerbUse(body, s, h, values);
                // "as of <date>" states how things stood: it dates the main verb, not a nearby noun.
                boolean asOf = v.expression().regionMatches(true, 0, "as of", 0, 5);
                if (asOf) {
                    pairs.add(new Pair(v, h, verb ? dist : dist + 300));
                    continue;
                }
                if (boundaries > 0 && dist > 60) {
                    continue; // "its offensive in the south, but will try ... in the coming weeks": another clause's time
                }
                int rank = dist + 100 * boundaries - (verb ? 30 : 0);
                pairs.add(new Pair(v, h, rank));
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::dist));
        Set<TemporalValue> usedV = new java.util.HashSet<>();
        Set<Hit> usedH = new java.util.HashSet<>();
        List<Draft> out = new ArrayList<>();
        List<String> places = places(body, s);
        List<String> names = names(body, s, places);
        List<Integer> speakerIdx = new ArrayList<>();
        for (int k = 0; k < spk.size(); k++) {
            if (mentions(s.text(), spk.get(k))) {
                speakerIdx.add(k);
            }
        }
        for (Pair p : pairs) {
            if (usedV.contains(p.v()) || usedH.contains(p.h())) {
                continue;
            }
            usedV.add(p.v());
            usedH.add(p.h());
            Draft d = new Draft();
            d.kind = p.h().trigger().kind();
            d.when = p.v();
            d.sentence = s;
            d.anchorPos = Math.min(p.h().start(), p.v().expressionStart());
            d.title = title(body, s, p.h(), values);
            d.status = status(body, s, p.h(), p.v(), anchor);
            d.key = d.kind + "|" + p.v().value() + "|" + p.h().word();
            d.places.addAll(places);
            d.names.addAll(names);
            d.speakers.addAll(speakerIdx);
            out.add(d);
        }
        return out;
    }

    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "[,;]|\\b(?:since|because|while|when|after|although|though|whereas|which|who|but|following)\\b");

    private static int clauseBoundaries(String body, int from, int to) {
        if (to <= from) {
            return 0;
        }
        Matcher m = CLAUSE_BOUNDARY.matcher(body);
        m.region(from, to);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether a trigger from the verb list is used as a verb here: "the possible fall of" is a noun. */
    private static boolean isVerbUse(String body, Span s, Hit h, List<TemporalValue> values) {
        if (!h.trigger().verb()) {
            return false;
        }
        // Times are adverbials, not determiners: "the president this week ordered" keeps "ordered" a verb.
        List<Tok> before = new ArrayList<>(tokens(body, Math.max(s.start(), h.start() - 40), h.start()));
        before.removeIf(t -> inValue(values, t.start()));
        List<Tok> after = tokens(body, h.end(), Math.min(s.end(), h.end() + 6));
        String p1 = before.isEmpty() ? "" : before.get(before.size() - 1).lower();
        String p2 = before.size() < 2 ? "" : before.get(before.size() - 2).lower();
        if (DETERMINERS.contains(p1) || DETERMINERS.contains(p2) && !isAuxiliary(p1)) {
            return false;
        }
        return after.isEmpty() || !after.get(0).lower().equals("of");
    }

    private static Draft findSame(List<Draft> drafts, Draft d) {
        for (Draft o : drafts) {
            if (d.key.equals(o.key) || o.kind.equals(d.kind) && o.when.value().equals(d.when.value())
                    && o.when.precision() == d.when.precision() && sharesName(o, d)) {
                return o;
            }
        }
        return null;
    }

    private static boolean sharesName(Draft a, Draft b) {
        for (String p : a.places) {
            if (b.places.contains(p) || containsWord(b.title, p)) {
                return true;
            }
        }
        for (String n : a.names) {
            if (containsWord(b.title, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String text, String word) {
        return TextPatterns.containsWholeWord(text, word, false);
    }

    private static EventStatus status(String body, Span s, Hit h, TemporalValue v, LocalDate anchor) {
        Precision p = v.precision();
        if (p == Precision.DAYS || p == Precision.WEEKS || p == Precision.MONTHS) {
            return EventStatus.EXPECTED;
        }
        if (anchor != null && v.start().isAfter(anchor)) {
            return EventStatus.EXPECTED;
        }
        Tense t = Tense.around(body, h.start(), h.end(), s.start(), s.end());
        String clause = body.substring(s.start(), s.end()).toLowerCase(Locale.ROOT);
        boolean covers = anchor != null && v.end() != null && !v.end().isBefore(anchor) && !v.start().isAfter(anchor);
        if (covers && (clause.contains("ongoing") || clause.contains("continues") || clause.contains("continuing")
                || clause.contains("still "))) {
            return EventStatus.ONGOING;
        }
        if (t == Tense.FUTURE && (anchor == null || !v.end().isBefore(anchor))) {
            return EventStatus.EXPECTED;
        }
        return EventStatus.PAST;
    }

    // ---- titles ----

    private record Tok(int start, int end, String text) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** {@code [,"“”]}: dropped from titles. */
    private static final Pattern QUOTES_AND_COMMAS = Pattern.compile("[,\"“”]");
    /** {@code \s}: one white-space character. */
    private static final Pattern ONE_SPACE = Pattern.compile("\\s");
    /** {@code [.,]$}: a full stop or comma at the end. */
    private static final Pattern STOP_OR_COMMA_END = Pattern.compile("[.,]$");

    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\d][\\p{L}\\d’'.,$€-]{0,40}?(?=[\\s,;:“”\"()!?]|\\.(?:\\s|$)|$)|[,;“”\"]");

    private static List<Tok> tokens(String body, int from, int to) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        m.region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            out.add(new Tok(m.start(), m.end(), m.group()));
        }
        return out;
    }

    /** Subject + verb phrase + a short object, from the trigger's clause; noun triggers give their noun phrase. */
    private static String title(String body, Span s, Hit h, List<TemporalValue> values) {
        int clauseStart = clauseStart(body, s, h.start());
        List<Tok> toks = tokens(body, clauseStart, s.end());
        int ti = -1;
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).start() == h.start()) {
                ti = i;
                break;
            }
        }
        if (ti < 0) {
            return h.word();
        }
        Tok prev = ti > 0 ? toks.get(ti - 1) : null;
        int lightVerb = -1;
        for (int k = ti - 1; k >= Math.max(0, ti - 4); k--) {
            if (LIGHT_VERBS.contains(toks.get(k).lower())) {
                lightVerb = k;
                break;
            }
        }
        if (!isVerbUse(body, s, h, values) && lightVerb < 0) {
            // A noun phrase: its modifiers back to the determiner, then "of X"/"with X".
            int a = ti;
            while (a > 0 && a > ti - 3 && isModifier(toks.get(a - 1), values)) {
                a--;
            }
            int b = ti + 1;
            if (b < toks.size() && (toks.get(b).lower().equals("of") || toks.get(b).lower().equals("with")
                    || toks.get(b).lower().equals("in") && b + 1 < toks.size()
                    && (toks.get(b + 1).lower().equals("the") || Character.isUpperCase(toks.get(b + 1).text().charAt(0))))) {
                int e = extendObject(toks, b + 1, values, 3);
                if (e > b + 1) {
                    b = e; // never end on the bare preposition: "announcement in [September]"
                }
            }
            return join(toks, a, b);
        }
        int verbIdx = lightVerb >= 0 ? lightVerb : ti;
        // Auxiliaries and adverbs before the verb belong to it ("may eventually fall", "is set to expire").
        int vs = verbIdx;
        while (vs > 0 && isAuxiliary(toks.get(vs - 1).lower())) {
            vs--;
        }
        int[] subj = subject(toks, vs, values);
        int subjStart = subj[0];
        int subjEnd = subj[1];
        List<String> words = new ArrayList<>();
        for (int k = subjStart; k < subjEnd; k++) {
            boolean introducesTime = k + 1 < toks.size() && inValue(values, toks.get(k + 1).start())
                    && STOP_OBJECT.contains(toks.get(k).lower());
            if (!toks.get(k).text().equals(",") && !inValue(values, toks.get(k).start()) && !introducesTime) {
                words.add(toks.get(k).text());
            }
        }
        if (words.size() > 5) {
            words = shortenSubject(words);
        }
        for (int k = vs; k <= ti; k++) {
            String lw = toks.get(k).lower();
            if (MODALS_DROPPED.contains(lw) || inValue(values, toks.get(k).start())) {
                continue;
            }
            words.add(toks.get(k).text());
        }
        int end = extendObject(toks, ti + 1, values, 4);
        for (int k = ti + 1; k < end; k++) {
            words.add(toks.get(k).text());
        }
        return TextPatterns.collapseSpaces(QUOTES_AND_COMMAS.matcher(String.join(" ", words)).replaceAll("")).strip();
    }

    private static boolean isModifier(Tok t, List<TemporalValue> values) {
        String l = t.lower();
        return !DETERMINERS.contains(l) && !STOP_OBJECT.contains(l) && !l.equals(",") && !l.equals("“")
                && !l.equals("\"") && !LIGHT_VERBS.contains(l) && !inValue(values, t.start()) && !isAuxiliary(l)
                && !l.endsWith("ed");
    }

    private static boolean isAuxiliary(String w) {
        return switch (w) {
            case "will", "would", "shall", "may", "might", "can", "could", "should", "must", "is", "are", "was",
                 "were", "be", "been", "has", "have", "had", "did", "does", "do", "set", "to", "not", "eventually",
                 "also", "reportedly", "likely", "later", "then", "already", "due" -> true;
            default -> false;
        };
    }

    private static int extendObject(List<Tok> toks, int from, List<TemporalValue> values, int max) {
        int k = from;
        int n = 0;
        while (k < toks.size() && n < max) {
            Tok t = toks.get(k);
            String l = t.lower();
            if (STOP_OBJECT.contains(l) || l.equals(",") || l.equals(";") || l.equals("“") || l.equals("”")
                    || l.equals("\"") || inValue(values, t.start())) {
                break;
            }
            k++;
            n++;
        }
        // A title should not end on a determiner or "to".
        while (k > from && (DETERMINERS.contains(toks.get(k - 1).lower()) || toks.get(k - 1).lower().equals("to")
                || toks.get(k - 1).lower().equals("of"))) {
            k--;
        }
        return k;
    }

    private static final Set<String> SUBORDINATORS = Set.of("since", "because", "while", "when", "after", "before",
            "although", "though", "whereas", "which", "who", "that", "if", "and", "but", "as", "so");

    /**
     * The subject's first and last token (exclusive) before the verb at {@code subjEnd}: back to the clause's
     * start, a subordinator ("since the army seized"), a leading time or connective ("Last week, the army"), skipping
     * an appositive between commas ("Smith, the commander ..., made").
     */
    private static int[] subject(List<Tok> toks, int subjEnd, List<TemporalValue> values) {
        int end = subjEnd;
        if (end - 1 >= 0 && toks.get(end - 1).text().equals(",")) {
            int j = end - 2;
            while (j >= 0 && !toks.get(j).text().equals(",")) {
                j--;
            }
            if (j > 0) {
                end = j;
            }
        }
        int start = end;
        while (start > 0) {
            Tok t = toks.get(start - 1);
            String l = t.lower();
            if (inValue(values, t.start())) {
                start--; // a time between subject and verb ("the president this week ordered") is skipped later
                continue;
            }
            if (l.equals(",") || l.equals(";") || l.equals("“") || l.equals("”") || l.equals("\"")
                    || SUBORDINATORS.contains(l) || inValue(values, t.start())) {
                break;
            }
            start--;
        }
        while (start < end && LEADING_NOISE.contains(toks.get(start).lower())) {
            start++;
        }
        return new int[] {start, end};
    }

    private static List<String> shortenSubject(List<String> words) {
        // Keep the head: up to the first participle or preposition after the second word, unless the preposition
        // sits inside a name ("School of Public Health").
        for (int k = 2; k < words.size(); k++) {
            String l = words.get(k).toLowerCase(Locale.ROOT);
            boolean insideName = k + 1 < words.size() && Character.isUpperCase(words.get(k + 1).charAt(0))
                    && Character.isUpperCase(words.get(k - 1).charAt(0));
            if (l.endsWith("ing") || (STOP_OBJECT.contains(l) || l.equals("of") || l.equals("to")) && !insideName) {
                return words.subList(0, k);
            }
        }
        return words.subList(0, Math.min(words.size(), 8));
    }

    private static String join(List<Tok> toks, int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b && k < toks.size(); k++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(toks.get(k).text());
        }
        return QUOTES_AND_COMMAS.matcher(sb.toString()).replaceAll("").strip();
    }

    private static int clauseStart(String body, Span s, int pos) {
        int i = pos;
        while (i > s.start()) {
            char c = body.charAt(i - 1);
            if (c == ';' || c == '\n') {
                break;
            }
            i--;
        }
        return i;
    }

    private static boolean inValue(List<TemporalValue> values, int pos) {
        for (TemporalValue v : values) {
            if (pos >= v.expressionStart() && pos < v.expressionEnd()) {
                return true;
            }
        }
        return false;
    }

    private static String stripDeterminer(String np) {
        String t = np.strip();
        for (String d : DETERMINERS) {
            if (t.toLowerCase(Locale.ROOT).startsWith(d + " ")) {
                return t.substring(d.length() + 1);
            }
        }
        return t;
    }

    // ---- names, places, speakers ----

    private static List<String> places(String body, Span s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACE.matcher(body);
        m.region(s.start(), s.end());
        while (m.find()) {
            String p = m.group("p");
            String first = ONE_SPACE.split(p)[0];
            if (CALENDAR_WORDS.contains(first)) {
                continue;
            }
            out.add(TextPatterns.POSSESSIVE_END.matcher(p).replaceAll(""));
        }
        return new ArrayList<>(out);
    }

    private static List<String> names(String body, Span s, List<String> places) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CAP_SEQ.matcher(body);
        m.region(s.start(), s.end());
        while (m.find()) {
            String seq = STOP_OR_COMMA_END.matcher(TextPatterns.POSSESSIVE_END.matcher(m.group()).replaceAll("")).replaceAll("");
            boolean sentenceInitial = body.substring(s.start(), m.start()).isBlank();
            // Role words separate the organisation from the person: "United Nations Secretary-General Jane Doe".
            List<String> current = new ArrayList<>();
            for (String part : ONE_SPACE.split(seq + " |")) {
                boolean separator = part.equals("|") || NOT_NAMES.contains(part) || CALENDAR_WORDS.contains(part);
                if (!separator) {
                    current.add(part);
                    continue;
                }
                if (!current.isEmpty()) {
                    addName(out, current, places, sentenceInitial && out.isEmpty() && current.size() == 1
                            && m.group().startsWith(current.get(0)));
                    current = new ArrayList<>();
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addName(Set<String> out, List<String> parts, List<String> places, boolean sentenceInitialWord) {
        while (!parts.isEmpty() && Set.of("of", "for", "the", "at", "de", "al").contains(parts.get(parts.size() - 1))) {
            parts = parts.subList(0, parts.size() - 1);
        }
        if (parts.isEmpty()) {
            return;
        }
        String name = String.join(" ", parts);
        String lower = name.toLowerCase(Locale.ROOT);
        // A capitalised first word of a sentence is often just a common word: "Fighting in the region ...".
        if (sentenceInitialWord && (TRIGGERS.containsKey(lower) || lower.endsWith("ing") || lower.endsWith("ed"))) {
            return;
        }
        if (places.contains(name) || isNationality(name) || !Character.isUpperCase(name.charAt(0))) {
            return;
        }
        out.add(name);
    }

    private static boolean isNationality(String w) {
        return !w.contains(" ") && (w.endsWith("ian") || w.endsWith("ean") || w.endsWith("ese") || w.endsWith("ish"));
    }

    private static boolean mentions(String text, ExtractedSpeaker sp) {
        Set<String> forms = new LinkedHashSet<>();
        if (sp.name() != null) {
            forms.add(sp.name());
            if (sp.kind() == SpeakerKind.PERSON) {
                String[] parts = TextPatterns.SPACES.split(sp.name());
                if (parts.length > 1) {
                    forms.add(parts[parts.length - 1]);
                }
            }
        }
        if (sp.aliases() != null) {
            forms.addAll(sp.aliases());
        }
        for (String f : forms) {
            if (f == null || f.length() < 2) {
                continue;
            }
            if (TextPatterns.containsWholeWord(text, f, !Character.isUpperCase(f.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    // ---- quotes and sentences ----

    /** Spans between opening and closing quotation marks, paragraph by paragraph (mixed curly/straight marks occur). */
    static List<int[]> quoteRegions(String body) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                open = -1;
            } else if (c == '“' || c == '"' && open < 0) {
                open = i;
            } else if ((c == '”' || c == '"') && open >= 0) {
                out.add(new int[] {open, i + 1});
                open = -1;
            }
        }
        return out;
    }

    private static boolean inside(List<int[]> spans, int pos) {
        for (int[] q : spans) {
            if (pos >= q[0] && pos < q[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The quotation holding [start, end), or null. A short quotation that is only the time itself is a scare quote
     * ("the possible fall “in the coming days”"): the surrounding narrative still governs.
     */
    private static int[] quoteAround(List<int[]> quotes, int start, int end) {
        for (int[] q : quotes) {
            if (start >= q[0] && end <= q[1]) {
                int rest = (q[1] - q[0]) - (end - start);
                return rest <= 4 ? null : q;
            }
        }
        return null;
    }

    private static Span sentenceAt(List<Span> sents, int pos) {
        for (Span s : sents) {
            if (pos >= s.start() && pos < s.end()) {
                return s;
            }
        }
        return null;
    }

    /** Fallback when the caller gives no sentences: lines, split after . ! ? followed by space and a capital or quote. */
    static List<Span> splitSentences(String body) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            boolean end = i == body.length() || body.charAt(i) == '\n';
            if (!end && (body.charAt(i) == '.' || body.charAt(i) == '!' || body.charAt(i) == '?')
                    && i + 2 < body.length() && body.charAt(i + 1) == ' '
                    && (Character.isUpperCase(body.charAt(i + 2)) || body.charAt(i + 2) == '“')) {
                add(out, body, start, i + 1);
                start = i + 2;
                continue;
            }
            if (end) {
                add(out, body, start, i);
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<Span> out, String body, int s, int e) {
        while (s < e && Character.isWhitespace(body.charAt(s))) s++;
        while (e > s && Character.isWhitespace(body.charAt(e - 1))) e--;
        if (e > s) {
            out.add(Span.of(body, s, e));
        }
    }
}
