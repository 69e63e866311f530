package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed articles scored with score.py's semantics (matching, speaker, canonical, precision) at both thresholds. */
class SeedsAcceptanceTest {
    static ArticleAnalyzer analyzer;

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    /** The project's copy of ../shared/eval/seeds.jsonl (the gold for the two seed articles). */
    static List<JsonNode> gold() throws IOException, URISyntaxException {
        var url = SeedsAcceptanceTest.class.getResource("/eval/seeds.jsonl");
        assertNotNull(url, "seeds.jsonl must be on the test classpath");
        return EvalPredictions.readJsonl(Path.of(url.toURI()));
    }

    @Test
    void seedsScoreFullyAtBothThresholds() throws Exception {
        for (double threshold : new double[]{0.3, 0.8}) {
            int gold = 0, found = 0, speakerOk = 0, canonN = 0, canonOk = 0, preds = 0, predMatched = 0;
            List<String> problems = new ArrayList<>();
            for (JsonNode art : gold()) {
                ArticleAnalysis a = analyzer.analyze(EvalPredictions.rawArticle(art));
                List<ExtractedStatement> ps = a.statements();
                preds += ps.size();
                List<JsonNode> all = new ArrayList<>();
                art.get("attributions").forEach(all::add);
                List<JsonNode> speech = all.stream().filter(g -> g.path("speech").asBoolean()).toList();
                Set<Integer> used = new HashSet<>();
                for (JsonNode g : speech) {
                    gold++;
                    int pi = match(g, ps, threshold, used);
                    if (pi < 0) {
                        problems.add("missed: " + g.get("content").get("text").asText());
                        continue;
                    }
                    found++;
                    ExtractedStatement p = ps.get(pi);
                    String name = p.speakerIndex() >= 0 ? a.speakers().get(p.speakerIndex()).name() : null;
                    if (speakerOk(g, p, name)) speakerOk++;
                    else problems.add("speaker " + name + " for: " + g.get("content").get("text").asText());
                    if (!g.path("canonical").isNull() && g.has("canonical")) {
                        canonN++;
                        if (canonicalOk(g.get("canonical").asText(), name)) canonOk++;
                        else problems.add("canonical " + name + " for: " + g.get("content").get("text").asText());
                    }
                }
                Set<Integer> usedAll = new HashSet<>();
                for (JsonNode g : all) if (match(g, ps, threshold, usedAll) >= 0) predMatched++;
            }
            assertEquals(gold, found, "recall at " + threshold + ": " + problems);
            assertEquals(found, speakerOk, "speaker at " + threshold + ": " + problems);
            assertEquals(canonN, canonOk, "canonical at " + threshold + ": " + problems);
            assertTrue(predMatched >= 0.9 * preds, "precision at " + threshold + ": " + predMatched + "/" + preds);
        }
    }

    /** score.py: the unused prediction covering the largest share (> threshold) of the gold content. */
    static int match(JsonNode g, List<ExtractedStatement> ps, double threshold, Set<Integer> used) {
        int gs = g.get("content").get("start").asInt(), ge = g.get("content").get("end").asInt();
        if (ge <= gs) return -1;
        int best = -1;
        double bestScore = threshold;
        for (int i = 0; i < ps.size(); i++) {
            if (used.contains(i)) continue;
            Span c = ps.get(i).content();
            double score = Math.max(0, Math.min(ge, c.end()) - Math.max(gs, c.start())) / (double) (ge - gs);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best >= 0) used.add(best);
        return best;
    }

    static boolean speakerOk(JsonNode g, ExtractedStatement p, String name) {
        JsonNode src = g.get("source");
        Span m = p.speakerMention();
        if (src != null && !src.isNull() && m != null
                && Math.min(src.get("end").asInt(), m.end()) - Math.max(src.get("start").asInt(), m.start()) > 0) {
            return true;
        }
        List<String> n = tokens(name);
        if (n.isEmpty()) return false;
        Set<String> hay = new HashSet<>();
        if (src != null && !src.isNull()) hay.addAll(tokens(src.get("text").asText()));
        if (g.has("canonical") && !g.get("canonical").isNull()) hay.addAll(tokens(g.get("canonical").asText()));
        return hay.contains(n.get(n.size() - 1));
    }

    static boolean canonicalOk(String want, String got) {
        List<String> w = tokens(want), g = tokens(got);
        return !w.isEmpty() && !g.isEmpty() && (w.equals(g) || w.get(w.size() - 1).equals(g.get(g.size() - 1)));
    }

    private static final Pattern WORD = Pattern.compile("[a-z\\u00c0-\\u024f']+");

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) if (m.group().length() > 1) out.add(m.group());
        return out;
    }
}
