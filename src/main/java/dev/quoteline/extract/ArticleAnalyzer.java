package dev.quoteline.extract;

import dev.quoteline.extract.Attributor.Candidate;
import dev.quoteline.extract.Attributor.Para;
import dev.quoteline.extract.QuoteFinder.Quote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one article and finds its statements, speakers and header. A chain of small stages: header parsing,
 * cleaning, sentence split, tokens and POS, quote finding, cue detection and attribution, speaker resolution,
 * dating. Thread-safe: the models are shared, the per-call tools are per thread.
 */
public final class ArticleAnalyzer {
    /** Text beyond this many characters per paragraph is not searched for statements (pathological input). */
    static final int MAX_PARAGRAPH_ANALYSED = 30_000;
    /** At most this many characters of the body get the NLP stages. */
    static final int MAX_BODY_ANALYSED = 200_000;

    private final NlpModels models;
    private final HeaderParser headerParser = new HeaderParser();
    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();
    private final SentenceSplitter splitter;
    private final TokenTagger tagger;
    private final QuoteFinder quoteFinder = new QuoteFinder();
    private final Attributor attributor = new Attributor();
    private final dev.quoteline.extract.time.TemporalTagger temporal = new dev.quoteline.extract.time.TemporalTagger();
    private final StatementDater dater = new StatementDater();
    private final EventExtractor events = new EventExtractor(temporal);

    public ArticleAnalyzer() {
        models = new NlpModels();
        splitter = new SentenceSplitter(models);
        tagger = new TokenTagger(models);
    }

    public ArticleAnalysis analyze(RawArticle article) {
        String body = article.body();
        HeaderParser.Header header = headerParser.parse(body, article);
        BoilerplateCleaner.Cleaned cleaned = cleaner.clean(body, header.line());
        List<Span> boilerplate = new ArrayList<>(header.boilerplate());
        boilerplate.addAll(cleaned.boilerplate());
        boilerplate.sort(Comparator.comparingInt(Span::start));

        dev.quoteline.extract.time.PublicationTime published = publicationTime(header, cleaned);
        List<Span> paragraphs = cleaned.paragraphs();
        // Paragraphs past the budget are kept as paragraphs but not analysed: the later stages compare quotes,
        // paragraphs and names pairwise, which must stay bounded on a pathological body.
        int analysedCount = 0;
        for (int seen = 0; analysedCount < paragraphs.size() && seen < MAX_BODY_ANALYSED; analysedCount++) {
            seen += Math.min(paragraphs.get(analysedCount).length(), MAX_PARAGRAPH_ANALYSED);
        }
        List<Span> analysedParagraphs = paragraphs.subList(0, analysedCount);
        List<Para> paras = new ArrayList<>();
        int budget = MAX_BODY_ANALYSED;
        for (int i = 0; i < analysedCount; i++) {
            Span p = paragraphs.get(i);
            Span analysed = p;
            if (p.length() > MAX_PARAGRAPH_ANALYSED) analysed = Span.of(body, p.start(), p.start() + MAX_PARAGRAPH_ANALYSED);
            if (budget <= 0 || cleaned.repeated().contains(i)) {
                paras.add(new Para(i, p, List.of(), List.of(), new int[0]));
                continue;
            }
            budget -= analysed.length();
            List<Span> sentences = splitter.split(body, analysed);
            List<Token> tokens = new ArrayList<>();
            List<Integer> sentOf = new ArrayList<>();
            boolean[] tagged = new boolean[sentences.size()];
            for (int s = 0; s < sentences.size(); s++) {
                int need = TokenTagger.needsTags(body, sentences.get(s));
                if (need > 0) tagged[s] = true;
                if (need > 1) {
                    // the attribution of a quote may sit in the sentence before or after it
                    if (s > 0) tagged[s - 1] = true;
                    if (s + 1 < sentences.size()) tagged[s + 1] = true;
                }
            }
            for (int s = 0; s < sentences.size(); s++) {
                for (Token t : tagger.tag(sentences.get(s), tagged[s])) {
                    tokens.add(t);
                    sentOf.add(s);
                }
            }
            int[] so = new int[sentOf.size()];
            for (int k = 0; k < so.length; k++) so[k] = sentOf.get(k);
            paras.add(new Para(i, p, sentences, tokens, so));
        }
        List<Quote> quotes = quoteFinder.find(body, analysedParagraphs);
        List<Candidate> candidates = attributor.attribute(body, paras, quotes, cleaned.repeated());
        candidates = ordered(candidates);

        SpeakerResolver resolver = new SpeakerResolver();
        resolver.prescan(body, analysedParagraphs);
        int[] speakerOf = new int[candidates.size()];
        java.util.Arrays.fill(speakerOf, -2);
        for (int i = 0; i < candidates.size(); i++) resolveSpeaker(i, candidates, speakerOf, resolver, 0);

        dev.quoteline.extract.time.TemporalTagger.Memo dates =
                temporal.memo(body, published == null ? null : published.date());
        List<ExtractedStatement> statements = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            ExtractedStatement st = new ExtractedStatement(Span.of(body, c.start(), c.end()), c.kind(), speakerOf[i],
                    c.mention(), c.cue(), c.paragraph(), c.sentence(), null, -1);
            st = new ExtractedStatement(st.content(), st.kind(), st.speakerIndex(), st.speakerMention(), st.cue(),
                    st.paragraphIndex(), st.sentence(), dater.date(st, published, dates), -1);
            statements.add(st);
        }
        List<ExtractedSpeaker> speakers = resolver.speakers();
        List<Span> sentences = new ArrayList<>();
        for (Para p : paras) sentences.addAll(p.sentences());
        List<ExtractedEvent> found = List.of();
        try {
            EventExtractor.Result r = events.extract(body, sentences, statements, speakers, published, dates);
            found = r.events();
            for (int i = 0; i < statements.size() && i < r.occasionByStatement().length; i++) {
                int occ = r.occasionByStatement()[i];
                if (occ < 0 || occ >= found.size()) continue;
                ExtractedStatement st = statements.get(i);
                statements.set(i, new ExtractedStatement(st.content(), st.kind(), st.speakerIndex(), st.speakerMention(),
                        st.cue(), st.paragraphIndex(), st.sentence(), st.saidOn(), occ));
            }
        } catch (RuntimeException e) {
            // events are an extra: a failure there must not cost the statements
            found = List.of();
        }
        return new ArticleAnalysis(header.title(), header.publisher(), header.section(), published,
                List.copyOf(paragraphs), List.copyOf(boilerplate), List.copyOf(statements), speakers, List.copyOf(found));
    }

    /**
     * Metadata or the header first, then a date line under it, then a dateline. A dateline gives no year: it is read as
     * the latest such day on or before today, which is right for news analysed as it comes in (pass publishedAt for
     * archives).
     */
    private static dev.quoteline.extract.time.PublicationTime publicationTime(HeaderParser.Header header,
                                                                               BoilerplateCleaner.Cleaned cleaned) {
        if (header.publishedAt() != null) return header.publishedAt();
        if (cleaned.publishedAt() != null) return cleaned.publishedAt();
        if (cleaned.dateline() != null) return cleaned.dateline().resolve(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        return null;
    }

    private static int resolveSpeaker(int i, List<Candidate> cs, int[] speakerOf, SpeakerResolver resolver, int depth) {
        if (speakerOf[i] != -2) return speakerOf[i];
        Candidate c = cs.get(i);
        int idx = -1;
        if (c.mention() != null && (c.sameSpeakerAs() < 0 || depth > 0 || true)) {
            if (c.sameSpeakerAs() >= 0 && c.sameSpeakerAs() < i && speakerOf[c.sameSpeakerAs()] >= 0
                    && cs.get(c.sameSpeakerAs()).mention() == c.mention()) {
                idx = speakerOf[c.sameSpeakerAs()];
            } else {
                boolean relative = c.mention().text().equalsIgnoreCase("who") && c.apposition() != null;
                idx = relative ? resolver.resolve(c.apposition(), null, c.mention().start())
                        : resolver.resolve(c.mention().text(), c.apposition(), c.mention().start());
            }
        } else if (c.sameSpeakerAs() >= 0 && depth < 20) {
            speakerOf[i] = -1; // guard against cycles
            idx = resolveSpeaker(c.sameSpeakerAs(), cs, speakerOf, resolver, depth + 1);
            resolver.touch(idx, c.start());
        }
        speakerOf[i] = idx;
        return idx;
    }

    /** Candidates in text order, with their back-references renumbered. */
    private static List<Candidate> ordered(List<Candidate> in) {
        Integer[] order = new Integer[in.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> in.get(i).start()));
        int[] newIndex = new int[in.size()];
        for (int i = 0; i < order.length; i++) newIndex[order[i]] = i;
        List<Candidate> out = new ArrayList<>();
        int lastStart = -1, lastEnd = -1;
        for (Integer o : order) {
            Candidate c = in.get(o);
            int same = c.sameSpeakerAs() >= 0 ? newIndex[c.sameSpeakerAs()] : -1;
            out.add(new Candidate(c.start(), c.end(), c.kind(), c.mention(), c.cue(), c.paragraph(), c.sentence(), same, c.apposition()));
        }
        return out;
    }
}
