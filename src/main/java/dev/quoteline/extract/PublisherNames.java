package dev.quoteline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Well-known news sites as they appear in title suffixes, mapped to the publisher's own name. The table is data
 * ({@code news-sites.tsv} beside this class), so adding an outlet needs no code.
 */
final class PublisherNames {
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^https?://");
    private static final java.util.regex.Pattern WWW = java.util.regex.Pattern.compile("^www\\.");
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}(\\.[a-z]{2,10}){1,3}");
    private static final Map<String, String> SITES = load();

    private PublisherNames() {
    }

    private static Map<String, String> load() {
        Map<String, String> sites = new HashMap<>();
        try (InputStream in = PublisherNames.class.getResourceAsStream("news-sites.tsv")) {
            if (in == null) {
                throw new IllegalStateException("news-sites.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length == 2) {
                    sites.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(sites);
    }

    /** The publisher for a site name as written ("Reuters.com"), or the name as written when unknown. */
    static String publisherFor(String site) {
        String key = WWW.matcher(SCHEME.matcher(site.trim().toLowerCase(Locale.ROOT)).replaceFirst("")).replaceFirst("");
        String known = SITES.get(key);
        return known != null ? known : site.trim();
    }

    static boolean isKnownOrDomain(String site) {
        String key = WWW.matcher(site.trim().toLowerCase(Locale.ROOT)).replaceFirst("");
        return SITES.containsKey(key) || DOMAIN.matcher(key).matches();
    }
}
