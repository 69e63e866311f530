package dev.quoteline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The seed loader killed with SIGKILL partway through a large seeds folder, then started again, ends with exactly
 * what one uninterrupted load stores: every article once, and the same statements, speakers, aliases, roles and
 * events, compared by content rather than by generated ids.
 */
class SeedCrashIT {
    private static final int DB_PORT = 18851;
    private static final int ARTICLES = 180;

    private static final String[] GIVEN = {"Anna", "Bjorn", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo",
            "Ines", "Jonas", "Kaja", "Luis", "Mira", "Nils", "Olga", "Pavel", "Rosa", "Stefan", "Tara", "Viktor"};
    private static final String[] FAMILY = {"Albrecht", "Borowski", "Castell", "Dahlberg", "Eriksen", "Falk", "Grünwald",
            "Halvorsen", "Ibsen", "Jansen", "Kowalczyk", "Lindgren", "Moreau", "Novak", "Okafor", "Petrov", "Quist",
            "Rasmussen", "Sorensen", "Takahashi", "Urban", "Varga", "Weber"};
    private static final String[] ROLES = {"Finance Minister", "Mayor", "city councillor", "union leader",
            "spokeswoman for the port authority", "Health Minister", "opposition leader", "police chief"};
    private static final String[] TOPICS = {"the new bridge", "the hospital budget", "the harbour expansion",
            "the rail strike", "the school reform", "the flood defences", "the tax plan", "the airport noise rules"};
    private static final String[] VERBS = {"approved", "rejected", "postponed", "announced"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    /** Deterministic articles that share speakers and events across files, so merging is exercised on every load. */
    static void writeSeeds(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Path seed : Files.newDirectoryStream(Path.of("seeds"))) {
            Files.copy(seed, dir.resolve(seed.getFileName()));
        }
        java.util.Random random = new java.util.Random(20260523L);
        for (int i = 0; i < ARTICLES; i++) {
            String a = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
            String b = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String verb = VERBS[random.nextInt(VERBS.length)];
            String day = DAYS[random.nextInt(DAYS.length)];
            String roleA = ROLES[random.nextInt(ROLES.length)];
            String roleB = ROLES[random.nextInt(ROLES.length)];
            LocalDate published = LocalDate.of(2030, 1, 1).plusDays(random.nextInt(40) * 3L);
            String surnameA = a.substring(a.indexOf(' ') + 1);
            StringBuilder body = new StringBuilder();
            body.append("Council ").append(verb).append(' ').append(topic).append('\n');
            body.append("The council ").append(verb).append(' ').append(topic).append(" on ").append(day).append(", ")
                    .append(roleA).append(' ').append(a).append(" said.\n");
            body.append("“We have waited long enough for ").append(topic).append(",” ").append(surnameA)
                    .append(" told reporters after the vote.\n");
            body.append(roleB).append(' ').append(b).append(" warned that ").append(topic)
                    .append(" would cost more than planned.\n");
            for (int p = 0; p < 6; p++) {
                body.append("“Paragraph ").append(p).append(" of report ").append(i).append(" is about ").append(topic)
                        .append(" and nothing else,” ").append(p % 2 == 0 ? surnameA : b).append(" said on ")
                        .append(DAYS[(p + i) % DAYS.length]).append(".\n");
            }
            String name = String.format("gen_%03d", i);
            Files.writeString(dir.resolve(name + ".txt"), body.toString());
            if (i % 3 == 0) {
                Files.writeString(dir.resolve(name + ".meta.json"), "{\"publisher\": \"Generated Herald\", "
                        + "\"publishedAt\": \"" + published + "\"}");
            } else {
                Files.writeString(dir.resolve(name + ".meta.json"), "{\"publishedAt\": \"" + published + "\"}");
            }
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + DB_PORT + "/" + database;
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything the seeds put in the database, keyed by content; each query's rows sorted, duplicates kept. */
    private static Map<String, List<String>> contents(String database) throws Exception {
        Map<String, String> queries = new TreeMap<>();
        queries.put("articles", "select content_hash || '|' || coalesce(title, '') || '|' || coalesce(publisher, '') "
                + "|| '|' || coalesce(published_on::text, '') from article");
        queries.put("speakers", "select name_key || '|' || name || '|' || kind from speaker");
        queries.put("aliases", "select s.name_key || '|' || a.alias_key from speaker_alias a join speaker s on s.id = a.speaker_id");
        queries.put("roles", "select s.name_key || '|' || a.content_hash || '|' || r.label || '|' || coalesce(r.stated_on::text, '') "
                + "from speaker_role r join speaker s on s.id = r.speaker_id join article a on a.id = r.article_id");
        queries.put("events", "select e.title || '|' || e.kind || '|' || e.when_start || '|' || coalesce(e.when_end::text, '') "
                + "|| '|' || (select string_agg(a.content_hash, ',' order by a.content_hash) from event_article ea "
                + "join article a on a.id = ea.article_id where ea.event_id = e.id) from event e");
        queries.put("participants", "select e.title || '|' || e.when_start || '|' || s.name_key from event_participant p "
                + "join event e on e.id = p.event_id join speaker s on s.id = p.speaker_id");
        queries.put("statements", "select a.content_hash || '|' || st.start_offset || '|' || st.end_offset || '|' || st.kind "
                + "|| '|' || coalesce(s.name_key, '') || '|' || coalesce(st.said_start::text, '') || '|' "
                + "|| coalesce(e.title, '') from statement st join article a on a.id = st.article_id "
                + "left join speaker s on s.id = st.speaker_id left join event e on e.id = st.occasion_event_id");
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url(database), "postgres", ""); Statement s = c.createStatement()) {
            for (var q : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    while (rs.next()) rows.add(rs.getString(1));
                }
                rows.sort(null);
                out.put(q.getKey(), rows);
            }
        }
        return out;
    }

    @Test
    void killedMidLoadThenRestartedEndsWithExactlyTheSeedData() throws Exception {
        Path work = Files.createTempDirectory("quoteline-seed-crash");
        Path seeds = work.resolve("seeds");
        writeSeeds(seeds);
        int files;
        try (var listing = Files.list(seeds)) {
            files = (int) listing.filter(p -> p.toString().endsWith(".txt")).count();
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), DB_PORT);
        try {
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create database crashed");
                s.execute("create database clean");
            }
            Map<String, String> env = Map.of("QUOTELINE_SEEDS_DIR", seeds.toString(), "QUOTELINE_LIVE_ENABLED", "false");

            // 1. load, and kill -9 once a good part (but not all) of the articles are in
            QuotelineProcess first = QuotelineProcess.launch(18852, url("crashed"), env);
            long stored = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            try {
                while (System.nanoTime() < deadline && first.alive()) {
                    try {
                        stored = count("crashed", "select count(*) from article");
                    } catch (java.sql.SQLException notMigratedYet) {
                        stored = 0;
                    }
                    if (stored >= files / 4) break;
                    Thread.sleep(20);
                }
            } finally {
                first.kill();
            }
            long afterKill = count("crashed", "select count(*) from article");
            System.out.printf("killed with SIGKILL at %d of %d articles%n", afterKill, files);
            assertTrue(afterKill >= files / 4 && afterKill < files,
                    "the kill came mid-load (" + afterKill + " of " + files + "); log: " + first.log);
            assertTrue(!Files.readString(first.log).contains("Seeds loaded from"), "the first load never finished");

            // 2. restart on the same database: the loader stores what is missing
            try (QuotelineProcess second = QuotelineProcess.start(18853, url("crashed"), env)) {
                String log = Files.readString(second.log);
                assertTrue(log.contains(files + " articles (" + (files - afterKill) + " new, 0 failed)"),
                        "the restart stored exactly the missing articles: " + log.lines()
                                .filter(l -> l.contains("Seeds loaded")).toList());
            }
            // 3. one uninterrupted load on a fresh database, for comparison
            try (QuotelineProcess clean = QuotelineProcess.start(18854, url("clean"), env)) {
                assertTrue(Files.readString(clean.log).contains(files + " articles (" + files + " new, 0 failed)"));
            }

            Map<String, List<String>> crashed = contents("crashed");
            Map<String, List<String>> reference = contents("clean");
            assertEquals(files, crashed.get("articles").size());
            assertEquals(crashed.get("articles").size(), crashed.get("articles").stream().distinct().count(),
                    "no article twice");
            for (String table : reference.keySet()) {
                assertEquals(reference.get(table).size(), crashed.get(table).size(), table + ": row count");
                assertEquals(reference.get(table), crashed.get(table), table + ": contents");
            }
            System.out.printf("after restart: %s%n", crashed.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().size()).toList());
            assertTrue(crashed.get("statements").size() > files * 5L, "the generated articles carry statements");
        } finally {
            db.stop();
        }
    }
}
