package dev.quoteline.extract;

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

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    private static void quick(String body) {
        ArticleAnalysis a = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> analyzer.analyze(RawArticle.ofBody(body)));
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
}
