package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quoteline.extract.time.Precision;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.PublicationTimeParser;
import dev.quoteline.extract.time.TemporalTagger;
import dev.quoteline.extract.time.TemporalValue;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the extractor over the two seed articles and checks every gold event and the statement occasions. */
class EventExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SentenceModel sentenceModel;
    private static List<JsonNode> seeds;
    private final EventExtractor extractor = new EventExtractor(new TemporalTagger());

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = EventExtractorTest.class.getResourceAsStream("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")) {
            sentenceModel = new SentenceModel(in);
        }
        seeds = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EventExtractorTest.class.getResourceAsStream("/time/seeds.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    seeds.add(JSON.readTree(line));
                }
            }
        }
    }

    /** Sentences paragraph by paragraph (OpenNLP per line), as offsets into the whole body. */
    static List<Span> sentences(String body) {
        SentenceDetectorME detector = new SentenceDetectorME(sentenceModel);
        List<Span> out = new ArrayList<>();
        int lineStart = 0;
        for (String line : body.split("\n", -1)) {
            for (opennlp.tools.util.Span s : detector.sentPosDetect(line)) {
                out.add(Span.of(body, lineStart + s.getStart(), lineStart + s.getEnd()));
            }
            lineStart += line.length() + 1;
        }
        return out;
    }

    private record Article(String body, List<Span> sentences, List<ExtractedStatement> statements,
                           List<ExtractedSpeaker> speakers, PublicationTime publishedAt, JsonNode gold) {
    }

    /** Statements and speakers built from the gold attributions, standing in for the statement extractor. */
    private static Article article(JsonNode gold) {
        String body = gold.get("text").asText();
        // The statement analyzer hands over the kept paragraphs only: no title/header line, no site furniture.
        List<String> boilerplate = new ArrayList<>();
        gold.get("boilerplate").forEach(b -> boilerplate.add(b.asText()));
        int firstLineEnd = body.indexOf('\n');
        List<Span> sents = sentences(body).stream()
                .filter(s -> s.start() > firstLineEnd && boilerplate.stream().noneMatch(b -> s.text().contains(b)))
                .toList();
        List<ExtractedSpeaker> speakers = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (JsonNode sp : gold.get("speakers")) {
            String name = sp.get("name").asText();
            List<String> aliases = new ArrayList<>();
            aliases.add(name);
            String[] parts = name.split(" ");
            if ("PERSON".equals(sp.get("kind").asText())) {
                aliases.add(parts[parts.length - 1]);
            }
            index.put(name, speakers.size());
            speakers.add(new ExtractedSpeaker(name, SpeakerKind.valueOf(sp.get("kind").asText()), aliases, List.of()));
        }
        LocalDate published = LocalDate.parse(gold.get("publishedAt").asText());
        List<ExtractedStatement> statements = new ArrayList<>();
        for (JsonNode a : gold.get("attributions")) {
            Span content = span(body, a.get("content"));
            Span cue = span(body, a.get("cue"));
            Span source = span(body, a.get("source"));
            String canonical = a.get("canonical").isNull() ? null : a.get("canonical").asText();
            int speaker = canonical == null ? -1 : index.getOrDefault(canonical, -1);
            TemporalValue saidOn = null;
            if (!a.get("saidOn").isNull()) {
                String v = a.get("saidOn").asText();
                if (v.length() == 10) {
                    saidOn = TemporalValue.day(LocalDate.parse(v));
                } else {
                    YearMonth ym = YearMonth.parse(v);
                    saidOn = new TemporalValue(ym.atDay(1), ym.atEndOfMonth(), Precision.MONTH, null, -1, -1);
                }
            }
            int at = cue != null ? cue.start() : content.start();
            Span sentence = sents.stream().filter(s -> s.start() <= at && at < s.end()).findFirst().orElse(content);
            statements.add(new ExtractedStatement(content, a.get("direct").asBoolean() ? StatementKind.DIRECT
                    : StatementKind.INDIRECT, speaker, source, cue, 0, sentence, saidOn, -1));
        }
        return new Article(body, sents, statements, speakers, PublicationTime.ofDate(published), gold);
    }

    private static Span span(String body, JsonNode n) {
        return n == null || n.isNull() ? null : Span.of(body, n.get("start").asInt(), n.get("end").asInt());
    }

    private static boolean matches(JsonNode g, ExtractedEvent e) {
        Precision p = Precision.valueOf(g.get("precision").asText());
        if (e.when().precision() != p) {
            return false;
        }
        String start = g.get("start").asText();
        TemporalValue w = e.when();
        boolean startOk = switch (start.length()) {
            case 4 -> w.start().getYear() == Integer.parseInt(start);
            case 7 -> YearMonth.from(w.start()).equals(YearMonth.parse(start));
            default -> w.start().equals(LocalDate.parse(start));
        };
        if (!startOk) {
            return false;
        }
        if (g.has("end")) {
            if (!LocalDate.parse(g.get("end").asText()).equals(w.end())) {
                return false;
            }
        } else if (p == Precision.DAY && w.end() != null && !w.end().equals(w.start())) {
            return false;
        }
        if (g.has("status") && !g.get("status").asText().equals(e.status().name())) {
            return false;
        }
        String sentence = e.sentence().text().toLowerCase(Locale.ROOT);
        for (String word : g.get("evidence").asText().toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            if (!word.isEmpty() && !sentence.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<ExtractedEvent> events) {
        return events.stream().map(e -> "  " + e.kind() + " " + e.when().value() + " " + e.when().precision() + " "
                        + e.status() + " '" + e.title() + "' places=" + e.places() + " names=" + e.participantNames()
                        + " speakers=" + e.participantSpeakerIndexes() + " <" + e.when().expression() + ">")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void findsEveryGoldEventInBothSeeds() {
        List<String> missing = new ArrayList<>();
        int total = 0;
        for (JsonNode gold : seeds) {
            Article a = article(gold);
            EventExtractor.Result r = extractor.extract(a.body(), a.sentences(), a.statements(), a.speakers(),
                    a.publishedAt());
            System.out.println(gold.get("id").asText() + ":\n" + describe(r.events()));
            for (JsonNode g : gold.get("events")) {
                total++;
                boolean found = r.events().stream().anyMatch(e -> matches(g, e));
                System.out.println((found ? "  FOUND   " : "  MISSING ") + g.get("what").asText());
                if (!found) {
                    missing.add(gold.get("id").asText() + ": " + g);
                }
            }
        }
        System.out.println("seed events found: " + (total - missing.size()) + "/" + total);
        if (!missing.isEmpty()) {
            fail("gold events not found:\n" + String.join("\n", missing));
        }
    }

    @Test
    void secondSeedPublicationTimeComesFromItsHeader() {
        JsonNode gold = seeds.get(1);
        String firstLine = gold.get("text").asText().split("\n")[0];
        PublicationTime t = PublicationTimeParser.find(firstLine).orElseThrow().time();
        assertEquals(LocalDate.parse(gold.get("publishedAt").asText()), t.date());
        assertEquals("2023-03-08T22:31+05:30", t.instant().toString());
    }

    @Test
    void statementsPointToTheirOccasions() {
        Article a = article(seeds.get(0));
        EventExtractor.Result r = extractor.extract(a.body(), a.sentences(), a.statements(), a.speakers(),
                a.publishedAt());
        int told = indexOfCue(a, "told");
        int atConference = indexOfContentStart(a, "Russia is responsible");
        assertNotEquals(-1, r.occasionByStatement()[told], "told a news conference");
        assertEquals(r.occasionByStatement()[told], r.occasionByStatement()[atConference],
                "both statements were made at the same news conference");
        ExtractedEvent conference = r.events().get(r.occasionByStatement()[told]);
        assertEquals("PRESS_CONFERENCE", conference.kind());
        assertEquals(LocalDate.of(2022, 4, 5), conference.when().start());
        assertTrue(conference.participantSpeakerIndexes().contains(0));
        // A statement without an occasion in its cue clause points nowhere.
        assertEquals(-1, r.occasionByStatement()[indexOfContentStart(a, "NATO allies will discuss")]);

        Article b = article(seeds.get(1));
        EventExtractor.Result rb = extractor.extract(b.body(), b.sentences(), b.statements(), b.speakers(),
                b.publishedAt());
        ExtractedEvent meeting = rb.events().get(rb.occasionByStatement()[indexOfContentStart(b, "“We must continue")]);
        assertEquals("MEETING", meeting.kind());
        assertEquals(List.of("Sweden"), meeting.places());
        ExtractedEvent press = rb.events().get(rb.occasionByStatement()[indexOfContentStart(b, "“I want to underscore")]);
        assertEquals("PRESS_CONFERENCE", press.kind());
        assertEquals(List.of("Kyiv"), press.places());
        assertTrue(press.participantNames().contains("Zelenskiy"), press.participantNames().toString());
    }

    @Test
    void jointNewsConferenceIsOneOccasionForBothSpeakers() {
        String body = "“We will rebuild,” Jane Roe said during a press conference with John Poe in Lyon.\n"
                + "“We are grateful,” Poe said at the press conference.";
        List<Span> sents = EventExtractor.splitSentences(body);
        List<ExtractedSpeaker> speakers = List.of(
                new ExtractedSpeaker("Jane Roe", SpeakerKind.PERSON, List.of("Jane Roe", "Roe"), List.of()),
                new ExtractedSpeaker("John Poe", SpeakerKind.PERSON, List.of("John Poe", "Poe"), List.of()));
        TemporalValue today = TemporalValue.day(LocalDate.of(2023, 3, 8));
        List<ExtractedStatement> statements = List.of(
                statement(body, "“We will rebuild,”", "said", 0, sents, today),
                statement(body, "“We are grateful,”", "said at", 1, sents, today));
        EventExtractor.Result r = extractor.extract(body, sents, statements, speakers, PublicationTime.ofDate(LocalDate.of(2023, 3, 8)));
        assertEquals(1, r.events().size(), describe(r.events()));
        assertEquals(0, r.occasionByStatement()[0]);
        assertEquals(0, r.occasionByStatement()[1]);
        assertEquals(List.of(0, 1), r.events().get(0).participantSpeakerIndexes());
        assertEquals(List.of("Lyon"), r.events().get(0).places());
    }

    private static ExtractedStatement statement(String body, String content, String cueFrom, int speaker,
                                                List<Span> sents, TemporalValue saidOn) {
        int cs = body.indexOf(content);
        int cue = body.indexOf(cueFrom.split(" ")[0], cs + content.length());
        Span sentence = sents.stream().filter(s -> s.start() <= cs && cs < s.end()).findFirst().orElseThrow();
        return new ExtractedStatement(Span.of(body, cs, cs + content.length()), StatementKind.DIRECT, speaker, null,
                Span.of(body, cue, cue + 4), 0, sentence, saidOn, -1);
    }

    @Test
    void dateInsideGenericQuoteIsNotAnEvent() {
        String body = "“We have been saying since 2014 that this matters,” the minister said on Monday.";
        EventExtractor.Result r = extractor.extract(body, List.of(Span.of(body, 0, body.length())), List.of(),
                List.of(), PublicationTime.ofDate(LocalDate.of(2023, 3, 8)));
        assertTrue(r.events().isEmpty(), describe(r.events()));
    }

    @Test
    void undatedArticleKeepsOnlyAbsolutelyDatedEvents() {
        String body = "Russia annexed the Crimea region in 2014. Ministers will meet on Wednesday.";
        EventExtractor.Result r = extractor.extract(body, EventExtractor.splitSentences(body), List.of(),
                List.of(), null);
        assertEquals(1, r.events().size(), describe(r.events()));
        assertEquals("2014", r.events().get(0).when().value());
        assertEquals("ANNEXATION", r.events().get(0).kind());
    }

    @Test
    void statusFollowsTenseAndTime() {
        String body = "The leaders will meet on Friday. The army attacked the town on Monday. "
                + "The ceasefire is set to expire March 18.";
        EventExtractor.Result r = extractor.extract(body, EventExtractor.splitSentences(body), List.of(),
                List.of(), PublicationTime.ofDate(LocalDate.of(2023, 3, 8)));
        assertEquals(List.of(EventStatus.EXPECTED, EventStatus.PAST, EventStatus.EXPECTED),
                r.events().stream().map(ExtractedEvent::status).toList(), describe(r.events()));
        assertEquals(List.of("2023-03-10", "2023-03-06", "2023-03-18"),
                r.events().stream().map(e -> e.when().value()).toList());
    }

    @Test
    void titlesReadAsSubjectActionObject() {
        Article a = article(seeds.get(0));
        EventExtractor.Result r = extractor.extract(a.body(), a.sentences(), a.statements(), a.speakers(),
                a.publishedAt());
        List<String> titles = r.events().stream().map(ExtractedEvent::title).toList();
        assertTrue(titles.contains("NATO foreign ministers meet"), titles.toString());
        assertTrue(titles.contains("Russia annexed the Crimea region"), titles.toString());
        Article b = article(seeds.get(1));
        List<String> titlesB = extractor.extract(b.body(), b.sentences(), b.statements(), b.speakers(), b.publishedAt())
                .events().stream().map(ExtractedEvent::title).toList();
        assertTrue(titlesB.contains("Zelenskiy ordered commanders to continue"), titlesB.toString());
        assertTrue(titlesB.contains("Russian forces have likely captured the eastern part"), titlesB.toString());
        assertTrue(titlesB.contains("possible fall of Bakhmut"), titlesB.toString());
    }

    private static int indexOfCue(Article a, String cue) {
        for (int i = 0; i < a.statements().size(); i++) {
            Span c = a.statements().get(i).cue();
            if (c != null && c.text().equals(cue)) {
                return i;
            }
        }
        throw new AssertionError("no statement with cue " + cue);
    }

    private static int indexOfContentStart(Article a, String prefix) {
        for (int i = 0; i < a.statements().size(); i++) {
            if (a.statements().get(i).content().text().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no statement starting " + prefix);
    }
}
