package dev.quoteline.extract;

import java.util.Locale;
import java.util.Map;

/** Well-known news sites as they appear in title suffixes, mapped to the publisher's own name. */
final class PublisherNames {
    private static final Map<String, String> SITES = Map.ofEntries(
            Map.entry("globalnews.ca", "Global News"),
            Map.entry("cbc.ca", "CBC News"),
            Map.entry("ctvnews.ca", "CTV News"),
            Map.entry("theglobeandmail.com", "The Globe and Mail"),
            Map.entry("thestar.com", "Toronto Star"),
            Map.entry("nytimes.com", "The New York Times"),
            Map.entry("washingtonpost.com", "The Washington Post"),
            Map.entry("wsj.com", "The Wall Street Journal"),
            Map.entry("usatoday.com", "USA Today"),
            Map.entry("cnn.com", "CNN"),
            Map.entry("foxnews.com", "Fox News"),
            Map.entry("nbcnews.com", "NBC News"),
            Map.entry("cbsnews.com", "CBS News"),
            Map.entry("abcnews.go.com", "ABC News"),
            Map.entry("npr.org", "NPR"),
            Map.entry("politico.com", "Politico"),
            Map.entry("thehill.com", "The Hill"),
            Map.entry("breitbart.com", "Breitbart"),
            Map.entry("huffpost.com", "HuffPost"),
            Map.entry("huffingtonpost.com", "HuffPost"),
            Map.entry("apnews.com", "Associated Press"),
            Map.entry("reuters.com", "Reuters"),
            Map.entry("bloomberg.com", "Bloomberg"),
            Map.entry("bbc.com", "BBC News"),
            Map.entry("bbc.co.uk", "BBC News"),
            Map.entry("theguardian.com", "The Guardian"),
            Map.entry("aljazeera.com", "Al Jazeera"),
            Map.entry("dw.com", "Deutsche Welle"),
            Map.entry("france24.com", "France 24"),
            Map.entry("euronews.com", "Euronews"),
            Map.entry("livemint.com", "Mint"),
            Map.entry("hindustantimes.com", "Hindustan Times"),
            Map.entry("ndtv.com", "NDTV"),
            Map.entry("indianexpress.com", "The Indian Express"),
            Map.entry("timesofindia.indiatimes.com", "The Times of India"),
            Map.entry("abc.net.au", "ABC News (Australia)"),
            Map.entry("smh.com.au", "The Sydney Morning Herald"),
            Map.entry("kyivindependent.com", "The Kyiv Independent"));

    private PublisherNames() {
    }

    /** The publisher for a site name as written ("Globalnews.ca"), or the name as written when unknown. */
    static String publisherFor(String site) {
        String key = site.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        String known = SITES.get(key);
        return known != null ? known : site.trim();
    }

    static boolean isKnownOrDomain(String site) {
        String key = site.trim().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return SITES.containsKey(key) || key.matches("[a-z0-9-]{1,40}(\\.[a-z]{2,10}){1,3}");
    }
}
