package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile input must come back quickly and without exceptions. */
class RobustnessTest {
    static ArticleAnalyzer analyzer;

    /**
     * A hang guard, not a speed target: these inputs take about a second on an idle core, and a super-linear blow-up
     * (regex backtracking, quadratic quote pairing) would take hours. The bound leaves room for a machine whose two
     * cores are shared with parallel builds (load average above 30 was seen to stretch a second past ten).
     */
    static final Duration HANG = Duration.ofSeconds(90);

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    private static void quick(String body) {
        ArticleAnalysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(RawArticle.ofBody(body)));
        assertNotNull(a);
        for (ExtractedStatement s : a.statements()) {
            assertTrue(s.content().end() <= body.length());
        }
    }

    @Test
    void megabyteOfQuotationMarks() {
        quick("\"“”".repeat(350_000));
    }

    @Test
    void megabyteOfWordsAndQuotes() {
        quick("He said “yes, ".repeat(80_000));
    }

    @Test
    void unbalancedQuotes() {
        quick("Title\n“This never closes, he said.\n“Nor does this\n\"Or this,” said Smith \" and “");
    }

    @Test
    void binaryNoise() {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300_000; i++) sb.append((char) r.nextInt(0x3000));
        quick(sb.toString());
    }

    @Test
    void whitespaceOnly() {
        quick("   \n\n\t  \r\n ");
        quick("");
    }

    @Test
    void longHeaderLine() {
        quick("date 2023-03-08 " + "a".repeat(500_000) + " 2 min read . 10:31 PM IST\nBody.");
    }

    @Test
    void fiveMegabyteBody() {
        // distinct paragraphs, so that neither the repeat detection nor the budget can take a shortcut
        String[] words = "council budget river harbour school road tax plan vote court report market price water".split(" ");
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("City council approves budget\n");
        while (sb.length() < 5_000_000) {
            sb.append("“We will not back down on the ");
            for (int i = 0; i < 8; i++) sb.append(words[r.nextInt(words.length)]).append(r.nextInt(1000)).append(' ');
            sb.append("issue,” the mayor said on Tuesday, adding that the council had agreed to the ")
                    .append(words[r.nextInt(words.length)]).append(r.nextInt(100_000)).append(".\n");
        }
        String body = sb.toString();
        ArticleAnalysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(RawArticle.ofBody(body)));
        // the analysed prefix still yields statements; the rest is skipped rather than hanging
        assertTrue(a.statements().size() > 10, "statements: " + a.statements().size());
        for (ExtractedStatement s : a.statements()) assertTrue(s.content().end() <= body.length());
    }

    @Test
    void megabyteLineOfMixedQuotationMarks() {
        StringBuilder sb = new StringBuilder("Title\n");
        String[] marks = {"\"", "“", "”", "'", "''", "«", "»", "‘", "’"};
        Random r = new Random(11);
        while (sb.length() < 1_000_000) sb.append(marks[r.nextInt(marks.length)]).append(r.nextBoolean() ? " said " : "x");
        quick(sb.toString());
    }

    @Test
    void textInAnotherLanguage() {
        String ru = "Президент заявил, что «переговоры продолжатся», сообщили в пресс-службе.\n";
        String zh = "发言人说：“我们将继续努力。”\n";
        String de = "„Wir werden das schaffen“, sagte die Kanzlerin am Dienstag.\n";
        ArticleAnalysis a = assertTimeoutPreemptively(HANG,
                () -> analyzer.analyze(RawArticle.ofBody("Nachrichten\n" + (ru + zh + de).repeat(50))));
        assertNotNull(a);
        // no English cue, no English speaker: quotes may be found, but nothing may point outside the body
        for (ExtractedStatement s : a.statements()) assertTrue(s.content().start() >= 0);
    }

    @Test
    void emptyAndBlankTitles() {
        String body = "“The bridge will reopen in May,” said Ana Ruiz, the transport minister.";
        for (String title : new String[]{"", "   ", null}) {
            ArticleAnalysis a = assertTimeoutPreemptively(HANG,
                    () -> analyzer.analyze(new RawArticle(body, title, null, null, null)));
            assertEquals(1, a.statements().size(), "title " + title + ": " + a.statements());
            assertEquals("Ana Ruiz", a.speakers().get(a.statements().get(0).speakerIndex()).name());
        }
    }

    @Test
    void unbalancedQuotesStillAttributeTheClosedOnes() {
        String body = "Title\n“This one never closes, he said.\n“The river is rising fast,” said Tom Berg, the harbour master.\n"
                + "And a stray ” mark here, and another “ there.";
        ArticleAnalysis a = assertTimeoutPreemptively(HANG, () -> analyzer.analyze(RawArticle.ofBody(body)));
        assertTrue(a.statements().stream().anyMatch(s -> s.text().contains("river is rising")
                && a.speakers().get(s.speakerIndex()).name().equals("Tom Berg")), a.statements().toString());
    }
}
