package dev.quoteline.extract;

// Writes predictions JSONL for the scorer, from a gold JSONL (id, title, publisher, publishedAt, text). From the repo root:
//   ./mvnw -o -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
//   java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.quoteline.extract.EvalPredictions \
//       ../shared/eval/polnear/dev.jsonl target/dev-preds.jsonl
//   python3 ../shared/eval/score.py --gold ../shared/eval/polnear/dev.jsonl --predictions target/dev-preds.jsonl --subset speech

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quoteline.extract.time.PublicationTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class EvalPredictions {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EvalPredictions gold.jsonl predictions.jsonl");
            System.exit(2);
        }
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode gold = JSON.readTree(line);
                ArticleAnalysis a = analyzer.analyze(rawArticle(gold));
                out.write(JSON.writeValueAsString(predictionLine(gold.get("id").asText(), a)));
                out.write('\n');
            }
        }
    }

    /** The article as score.py sends it: title, publisher and publishedAt from the gold line. */
    static RawArticle rawArticle(JsonNode gold) {
        String date = text(gold, "publishedAt");
        PublicationTime when = date == null ? null : HeaderParser.parseDate(date).map(PublicationTime::ofDate).orElse(null);
        return new RawArticle(gold.get("text").asText(), text(gold, "title"), text(gold, "publisher"), text(gold, "url"), when);
    }

    static ObjectNode predictionLine(String id, ArticleAnalysis a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        ArrayNode arr = o.putArray("statements");
        for (ExtractedStatement s : a.statements()) {
            ObjectNode n = arr.addObject();
            n.put("start", s.content().start());
            n.put("end", s.content().end());
            n.put("text", s.text());
            n.put("kind", s.kind().name());
            if (s.cue() != null) n.set("cue", span(s.cue()));
            ObjectNode sp = n.putObject("speaker");
            if (s.speakerIndex() >= 0) sp.put("name", a.speakers().get(s.speakerIndex()).name());
            else sp.putNull("name");
            if (s.speakerMention() != null) n.set("speakerMention", span(s.speakerMention()));
        }
        return o;
    }

    private static ObjectNode span(Span s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("text", s.text());
        n.put("start", s.start());
        n.put("end", s.end());
        return n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<JsonNode> readJsonl(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }
}
