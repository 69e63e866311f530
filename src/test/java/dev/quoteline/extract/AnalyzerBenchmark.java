package dev.quoteline.extract;

// Throughput of the analyser on one thread over every article of a gold JSONL. From the repo root:
//   ./mvnw -o -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
//   java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.quoteline.extract.AnalyzerBenchmark \
//       ../shared/eval/polnear/train.jsonl
// One warm-up pass, then three timed passes; prints the median articles/second and the peak heap in use
// (the sum of the heap pools' peak usage: an upper bound, as the pools need not peak together).

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class AnalyzerBenchmark {
    public static void main(String[] args) throws Exception {
        Path gold = Path.of(args.length > 0 ? args[0] : "../shared/eval/polnear/train.jsonl");
        List<RawArticle> articles = new ArrayList<>();
        long chars = 0;
        for (JsonNode n : EvalPredictions.readJsonl(gold)) {
            RawArticle a = EvalPredictions.rawArticle(n);
            articles.add(a);
            chars += a.body().length();
        }
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        long sink = run(analyzer, articles);
        double[] rates = new double[3];
        double[] cpuRates = new double[3];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < rates.length; pass++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            sink += run(analyzer, articles);
            rates[pass] = articles.size() / ((System.nanoTime() - t0) / 1e9);
            cpuRates[pass] = articles.size() / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
            System.out.printf("pass %d: %.1f articles/s wall, %.1f articles/s of thread CPU time%n", pass + 1, rates[pass], cpuRates[pass]);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        // On a shared machine wall time also counts other processes; CPU time of this thread is what one core costs.
        System.out.printf("articles=%d chars=%d median=%.1f articles/s wall (%.0f chars/s), %.1f articles/s CPU; peak heap=%d MB (statements %d)%n",
                articles.size(), chars, rates[1], rates[1] * chars / articles.size(), cpuRates[1], peak >> 20, sink);
    }

    private static long run(ArticleAnalyzer analyzer, List<RawArticle> articles) {
        long statements = 0;
        for (RawArticle a : articles) statements += analyzer.analyze(a).statements().size();
        return statements;
    }
}
