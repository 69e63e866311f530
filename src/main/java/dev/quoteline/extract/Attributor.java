package dev.quoteline.extract;

import dev.quoteline.extract.QuoteFinder.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stages 6 and 7: finds cues and attributes statements. Direct quotes first (cue after the quote, cue before it,
 * split quotes, cue-less continuation paragraphs), then reported speech in the sentences around them
 * ("X said (that) ...", "..., X said", "according to X", chains with "adding").
 */
final class Attributor {

    /**
     * A statement before speaker resolution. {@code sameSpeakerAs} points at an earlier candidate whose speaker it
     * inherits. {@code apposition} holds the role words set off after the mention, or, when the mention is the relative
     * pronoun "who", the words it stands for.
     */
    record Candidate(int start, int end, StatementKind kind, Span mention, Span cue, int paragraph, Span sentence,
                     int sameSpeakerAs, String apposition) {
    }

    /** One paragraph after sentence split and tagging. */
    record Para(int index, Span span, List<Span> sentences, List<Token> tokens, int[] sentenceOfToken) {
    }

    private static final Set<String> CONNECTORS = Set.of("of", "for", "at", "and", "the", "de", "la", "von", "van",
            "al", "'s", "’s", "-", "&", "der", "du", "bin", "da");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our", "my",
            "your", "this", "that", "these", "those", "another", "one", "two", "three", "several", "some", "many", "other");
    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday", "tonight", "on", "last", "this", "week", "month", "year",
            "night", "morning", "afternoon", "evening", "earlier", "later", "recently");
    private static final Set<String> CLAUSE_BLOCKERS = Set.of("on", "in", "at", "during", "before", "after", "to",
            "last", "this", "earlier", "yesterday", "today", "tonight", "when", "while", "as", "with", "from", "via",
            "through", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "so", "of",
            "about", "for", "by", "afterward", "afterwards", "later", "recently", "again", "too", "repeatedly", "then",
            "over", "under", "until", "since", "outside", "inside", "near", "following", "ahead", "shortly", "late", "early");
    /** Nouns of saying that end an introduction to a quote: "issued the following statement:". */
    private static final Set<String> NOUN_CUES = Set.of("statement", "statements", "tweet", "tweets", "remarks",
            "message", "post", "letter", "email", "e-mail", "interview", "speech", "release", "words", "response");
    private static final Set<String> NUMBER_HEDGES = Set.of("more", "less", "fewer", "than", "about", "nearly", "almost",
            "roughly", "around", "over", "under", "some", "just");
    private static final Set<String> CLAUSE_JOINERS = Set.of("while", "and", "but", "whereas", "although", "though");
    private static final Set<String> CHAIN_CUES = Set.of("adding", "saying", "noting", "arguing", "insisting",
            "claiming", "warning", "explaining", "stressing", "suggesting", "asserting", "acknowledging", "admitting",
            "stating", "declaring", "telling", "contending", "alleging", "emphasizing", "predicting", "promising",
            "vowing", "asking", "complaining", "conceding", "denying", "announcing", "recalling", "urging", "writing");

    /** Verbs that, with their particle and right after a quote, introduce speech: "went on", "shot back". */
    private static final java.util.Map<String, String> PHRASAL_CUES = java.util.Map.ofEntries(
            java.util.Map.entry("went", "on"), java.util.Map.entry("goes", "on"), java.util.Map.entry("shot", "back"),
            java.util.Map.entry("fired", "back"), java.util.Map.entry("hit", "back"), java.util.Map.entry("chimed", "in"),
            java.util.Map.entry("cut", "in"), java.util.Map.entry("pointed", "out"), java.util.Map.entry("points", "out"),
            java.util.Map.entry("wrote", "back"), java.util.Map.entry("spoke", "up"), java.util.Map.entry("called", "out"),
            java.util.Map.entry("summed", "up"), java.util.Map.entry("sums", "up"), java.util.Map.entry("piped", "up"));

    private static final Set<String> ADDING_OBJECTS = Set.of("to", "up", "around", "nearly", "fuel", "weight", "insult",
            "value");

    /** Words after which a verb of saying is a noun: determiners and possessives. */
    private static final Set<String> NOUN_MARKERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our", "my",
            "your", "these", "those", "such", "this", "'s", "’s", "whose");

    private static final Set<String> ASK_VERBS = Set.of("ask", "asks", "asked", "asking");
    private static final Set<String> QUESTION_WORDS = Set.of("whether", "if", "how", "why", "what", "when", "where",
            "which", "who");

    /**
     * An attribution that goes on with its own participle clause ("…,” she said, referring to the talks. “…”)
     * ends one statement; the next quote starts another, though it keeps the speaker.
     */
    private static final java.util.regex.Pattern PARTICIPLE_CLAUSE = java.util.regex.Pattern.compile(",\\s{1,3}\\p{Ll}{2,20}ing\\b");

    List<Candidate> attribute(String body, List<Para> paras, List<Quote> quotes, java.util.Set<Integer> repeated) {
        List<Candidate> out = new ArrayList<>();
        int lastParaWithStatement = -1;
        List<int[]> usedCues = new ArrayList<>();
        for (Para para : paras) {
            if (repeated.contains(para.index())) continue;
            List<Token> toks = para.tokens();
            List<Quote> here = new ArrayList<>();
            for (Quote q : quotes) if (q.paragraph() == para.index()) here.add(q);
            int firstInPara = out.size();
            List<Quote> pending = new ArrayList<>();
            Candidate lastAttributedInPara = null;
            int lastAttributedIndex = -1;
            if (!out.isEmpty()) {
                // a quote that ran over from the paragraph before and was attributed in this one: "…” she said. “…”
                Candidate last = out.get(out.size() - 1);
                if (last.kind() == StatementKind.DIRECT && last.paragraph() < para.index() && last.end() > para.span().start()
                        && last.cue() != null && last.cue().start() > para.span().start()) {
                    lastAttributedInPara = last;
                    lastAttributedIndex = out.size() - 1;
                }
            }
            for (Quote q : here) {
                Para closing = q.lastParagraph() < paras.size() ? paras.get(q.lastParagraph()) : para;
                // a title ("on ABC's “This Week With Ann Lee”") or a heading in capitals quotes nobody; skipping it
                // also lets a split quote run over an attribution that names a show
                if (titleLike(body, q) || markupOrByline(body, q)) continue;
                if (q.words() < 3) {
                    // scare quotes and titles are not statements by themselves, but a short reply closed by its own
                    // comma and attributed at once is one: "“Absolutely,” she said."
                    Candidate c = shortReply(body, closing, q);
                    if (c == null && closing == para) c = shortAnswer(body, para, q);
                    if (c != null && closing == para) {
                        // "She compared the talks to a “root canal,” Lee said": the clause around a short quote
                        int from = embeddingClauseStart(body, para, q);
                        if (from >= 0) c = new Candidate(from, c.end(), StatementKind.MIXED, c.mention(), c.cue(),
                                c.paragraph(), c.sentence(), c.sameSpeakerAs(), c.apposition());
                    }
                    if (c != null) {
                        out.add(c);
                        lastAttributedInPara = c;
                        lastAttributedIndex = out.size() - 1;
                        usedCues.add(new int[]{c.cue().start(), c.cue().end()});
                    } else {
                        pending.add(q);
                    }
                    continue;
                }
                Candidate c = afterQuote(body, closing, q);
                if (c != null && closing == para) {
                    // "Her plan may be “too clever by half,” said Lee": the quote ends a clause that began before
                    // it, and the statement is that whole clause
                    int from = embeddingClauseStart(body, para, q);
                    if (from >= 0) c = new Candidate(from, c.end(), StatementKind.MIXED, c.mention(), c.cue(),
                            c.paragraph(), c.sentence(), c.sameSpeakerAs(), c.apposition());
                }
                if (c != null && closing != para) {
                    c = new Candidate(c.start(), c.end(), c.kind(), c.mention(), c.cue(), para.index(),
                            sentenceAt(para, q.start()), c.sameSpeakerAs(), c.apposition());
                }
                if (c == null) {
                    c = beforeQuote(body, para, q, quotes);
                    // "“…,” he said, “…”": the second half hangs on the cue the first half already used, so the two
                    // are one statement running over the attribution
                    if (c != null && c.cue() != null && lastAttributedInPara != null && lastAttributedIndex == out.size() - 1
                            && lastAttributedInPara.kind() == StatementKind.DIRECT && lastAttributedInPara.cue() != null
                            && lastAttributedInPara.cue().start() == c.cue().start()) {
                        Candidate l = lastAttributedInPara;
                        l = new Candidate(l.start(), q.end(), l.kind(), l.mention(), l.cue(), l.paragraph(), l.sentence(),
                                l.sameSpeakerAs(), l.apposition());
                        out.set(lastAttributedIndex, l);
                        lastAttributedInPara = l;
                        continue;
                    }
                }
                if (c == null && q.start() == para.span().start() && para.index() > 0) {
                    c = fromIntroParagraph(body, paras.get(para.index() - 1), para, q);
                }
                if (c != null) {
                    out.add(c);
                    lastAttributedInPara = c;
                    lastAttributedIndex = out.size() - 1;
                    if (c.cue() != null) usedCues.add(new int[]{c.cue().start(), c.cue().end()});
                    continue;
                }
                if (lastAttributedInPara != null && !afterPunctuation(body, lastAttributedInPara.end(), q.start())) {
                    // a quote inside a sentence of its own ("He added that it was “critical.”") belongs to that
                    // sentence's reported speech, which is read below
                    pending.add(q);
                    continue;
                }
                if (lastAttributedInPara != null) {
                    // split quote: "“...,” he said. “...”" is one statement whose span runs over the attribution
                    Candidate l = lastAttributedInPara;
                    if (l.kind() != StatementKind.INDIRECT && lastAttributedIndex == out.size() - 1 && q.start() - l.end() < 400
                            && !PARTICIPLE_CLAUSE.matcher(body).region(l.end(), q.start()).find()) {
                        l = new Candidate(l.start(), q.end(), l.kind(), l.mention(), l.cue(), l.paragraph(), l.sentence(),
                                l.sameSpeakerAs(), l.apposition());
                        out.set(lastAttributedIndex, l);
                        lastAttributedInPara = l;
                        continue;
                    }
                    out.add(new Candidate(q.start(), q.end(), StatementKind.DIRECT, lastAttributedInPara.mention(),
                            lastAttributedInPara.cue(), para.index(), sentenceAt(para, q.start()), lastAttributedIndex, null));
                    continue;
                }
                if (q.start() == para.span().start() && q.words() >= 3) {
                    int prev = lastParaWithStatement >= 0 && para.index() - lastParaWithStatement <= 3 ? lastCandidateBefore(out, firstInPara) : -1;
                    // A later quote in this paragraph may still name the speaker: "“...,” he said. “...”"
                    out.add(new Candidate(q.start(), q.end(), StatementKind.DIRECT, null, null, para.index(),
                            sentenceAt(para, q.start()), prev, null));
                    lastAttributedInPara = null;
                    continue;
                }
                pending.add(q);
            }
            // Quotes at the head of a paragraph with a cue later in it: "“A,” he said. “B”" keep the later mention.
            for (int i = firstInPara; i < out.size(); i++) {
                Candidate c = out.get(i);
                if (c.mention() == null && c.cue() == null) {
                    for (int j = i + 1; j < out.size(); j++) {
                        Candidate d = out.get(j);
                        if (d.mention() != null && d.kind() == StatementKind.DIRECT && d.sameSpeakerAs() < 0) {
                            out.set(i, new Candidate(c.start(), c.end(), c.kind(), null, null, c.paragraph(), c.sentence(), j, null));
                            break;
                        }
                    }
                }
            }
            int beforeReported = out.size();
            reported(body, para, quotes, usedCues, out);
            for (Quote q : pending) {
                boolean inside = false;
                for (int i = beforeReported; i < out.size(); i++) {
                    Candidate c = out.get(i);
                    if (c.start() <= q.start() && c.end() >= q.end() - 1) inside = true;
                }
                if (!inside && q.words() >= 1) {
                    // a quote inside a sentence with no verb of saying ("She praised his “long experience in
                    // office”") is the words of that sentence's subject, when it has one that names someone
                    int[] subj = quoteSubject(para, q);
                    // two words in quotes are mostly scare quotes unless a named person heads the sentence
                    if (q.words() <= 2 && (subj == null || !namedOrPersonal(toks.get(subj[1] - 1))
                            && !describesSomeone(toks, subj))) continue;
                    if (subj != null) {
                        // what the subject's verb governs up to the quote is part of the statement ("praised his
                        // “…”"), so the span starts after that verb
                        int start = q.start();
                        int v = subj[1];
                        while (v < toks.size() && (Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(v).lower()) || "ADV".equals(toks.get(v).pos()))) v++;
                        if (v + 1 < toks.size() && toks.get(v + 1).start() < q.start() && q.start() - toks.get(v + 1).start() < 200) {
                            start = toks.get(v + 1).start();
                        }
                        // one quoted word is a statement only as part of what the verb governs ("defended his
                        // remarks as “sarcastic”"), never by itself
                        if (q.words() == 1 && start == q.start()) continue;
                        // and the clause goes on after the quote: "promising to “bomb the hell” out of them"
                        int end = q.end();
                        int after = firstTokenAtOrAfter(toks, q.end());
                        if (after > 0 && q.closed() && q.lastParagraph() == q.paragraph()) {
                            int sEnd = sentenceEndToken(para, after - 1);
                            if (after < sEnd && !toks.get(after).isPunct()) end = Math.max(end, contentEnd(toks, after - 1, sEnd));
                        }
                        out.add(new Candidate(start, end, StatementKind.DIRECT, span(body, toks, subj), null,
                                para.index(), sentenceAt(para, q.start()), -1, null));
                    } else if (q.words() >= 4) {
                        out.add(new Candidate(q.start(), q.end(), StatementKind.DIRECT, null, null, para.index(),
                                sentenceAt(para, q.start()), lastCandidateBefore(out, out.size()), null));
                    }
                }
            }
            if (out.size() > firstInPara) lastParaWithStatement = para.index();
        }
        return out;
    }

    private static final java.util.regex.Pattern BYLINE_AFTER = java.util.regex.Pattern.compile("\\G,?\\s{1,3}by\\s{1,3}\\p{Lu}");

    /**
     * A quoted attribute value in markup that slipped into the text (tweet="…") or a headline followed by its byline
     * ("“Museums reopen,” by Times' Ann Lee: …"): neither quotes anyone.
     */
    static boolean markupOrByline(String body, Quote q) {
        if (q.start() > 0 && body.charAt(q.start() - 1) == '=') return true;
        return q.end() < body.length() && BYLINE_AFTER.matcher(body).region(q.end(), Math.min(body.length(), q.end() + 12)).lookingAt();
    }

    private static final Set<String> TITLE_SMALL_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "for",
            "and", "or", "to", "with", "by", "from", "vs", "but", "is", "as");

    /** Title case or capitals throughout, at most ten words: the name of a work, a show or a heading. */
    static boolean titleLike(String body, Quote q) {
        if (q.words() > 10 || q.words() < 2 || q.lastParagraph() != q.paragraph()) return false;
        int capital = 0;
        int i = q.start(), end = q.end();
        while (i < end) {
            char c = body.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < end && (Character.isLetter(body.charAt(j)) || body.charAt(j) == '\'' || body.charAt(j) == '’')) j++;
            String w = body.substring(i, j);
            if (Character.isUpperCase(c)) capital++;
            else if (!TITLE_SMALL_WORDS.contains(w)) return false;
            i = j;
        }
        return capital >= 2;
    }

    /** A subject that stands for someone: a capitalised name, or "he", "she", "they". */
    private static boolean namedOrPersonal(Token head) {
        String w = head.lower();
        return head.isCapitalized() && "PROPN".equals(head.pos()) && !Lexicon.PRONOUNS.contains(w)
                || w.equals("he") || w.equals("she") || w.equals("they");
    }

    /** "the senator", "the campaign", "the former secretary of state": a description that stands for a speaker. */
    private static boolean describesSomeone(List<Token> toks, int[] np) {
        String head = toks.get(np[1] - 1).lower();
        return np[1] - np[0] >= 2 && toks.get(np[0]).lower().equals("the")
                && (Lexicon.TITLE_WORDS.contains(head) || Lexicon.ORG_HEADS.contains(head)) && !CLOSED_CLASS.contains(head);
    }

    private int[] quoteSubject(Para para, Quote q) {
        List<Token> toks = para.tokens();
        int j = lastTokenBefore(toks, q.start());
        if (j < 0 || isQuoteMark(toks.get(j).text())) return null;
        int floor = sentenceStartToken(para, j);
        int[] np = clauseSubject(toks, floor, j + 1);
        if (np == null) return null;
        Token head = toks.get(np[1] - 1);
        boolean pronoun = Lexicon.PRONOUNS.contains(head.lower()) && !head.lower().equals("it") && !head.lower().equals("you");
        if (pronoun || head.isCapitalized() && np[0] == np[1] - 1 || isNameLike(toks, np) && head.isCapitalized()) return np;
        // "The retired surgeon called it “…”": a description heading the sentence is still closer to the speaker
        // than whoever spoke last
        String first = toks.get(np[0]).lower();
        if ((first.equals("the") || first.equals("a") || first.equals("an")) && np[1] - np[0] >= 2
                && ("NOUN".equals(head.pos()) || Lexicon.TITLE_WORDS.contains(head.lower()) || Lexicon.GROUP_HEADS.contains(head.lower()))) {
            return np;
        }
        return null;
    }

    /** Whether the words between two quotes end with a stop, comma or colon (or there are none). */
    private static boolean afterPunctuation(String body, int from, int to) {
        int i = to - 1;
        // closing marks of a title skipped in between are transparent: "he said on ''This Week.'' ''…''"
        while (i >= from && (Character.isWhitespace(body.charAt(i)) || Character.isSpaceChar(body.charAt(i))
                || "\"”'".indexOf(body.charAt(i)) >= 0)) i--;
        if (i < from) return true;
        char c = body.charAt(i);
        return c == ',' || c == '.' || c == ':' || c == ';' || c == '—' || c == '?' || c == '!';
    }

    private static int lastCandidateBefore(List<Candidate> out, int limit) {
        for (int i = limit - 1; i >= 0; i--) {
            Candidate c = out.get(i);
            if (c.mention() != null || c.sameSpeakerAs() >= 0) return i;
        }
        return -1;
    }

    // ---- direct quotes ----

    /** "“...,” she said" / "“...,” said the senator". */
    private Candidate afterQuote(String body, Para para, Quote q) {
        List<Token> toks = para.tokens();
        int i = firstTokenAtOrAfter(toks, q.end());
        if (i < 0) return null;
        char lastInside = q.end() - 2 > q.start() ? body.charAt(q.end() - 2) : ' ';
        // an epigraph's byline, "“…” — Ana Ruiz" closing the paragraph: the dash stands for the verb of saying
        if (i < toks.size() && isDash(toks.get(i).text()) && toks.get(i).start() - q.end() <= 3) {
            int[] np = forwardNounPhrase(toks, i + 1);
            if (np != null && np[1] - np[0] >= 2 && toks.get(np[0]).isCapitalized() && isNameLike(toks, np)
                    && (np[1] == toks.size() || np[1] + 1 == toks.size() && toks.get(np[1]).text().equals("."))) {
                return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                        Span.of(body, toks.get(i).start(), toks.get(i).end()), para.index(), sentenceAt(para, q.start()), -1, null);
            }
        }
        while (i < toks.size() && toks.get(i).text().equals(",")) i++;
        // “… soft.” He says … : a full stop inside the marks ends the sentence, so what follows is a new statement
        // unless that sentence is nothing but the attribution: "“… contained.” Mrs. Lee said."
        if (i < toks.size() && (lastInside == '.' || lastInside == '?' || lastInside == '!') && toks.get(i).isCapitalized()
                && !attributionOnly(toks, i)) return null;
        // room for an apposition: "“…,” Tina Tchen, the first lady's chief of staff, said"
        int limit = Math.min(toks.size(), i + 30);
        for (int k = i; k < limit; k++) {
            Token t = toks.get(k);
            if (isQuoteMark(t.text()) || t.text().equals(".") || t.text().equals(";") || t.text().equals("?") || t.text().equals("!")) break;
            if (k > i + 10 && !toks.get(i + 1).text().equals(",") && !hasCommaBetween(toks, i, k)) break;
            if (t.text().equals("(")) {
                // a party tag or aside: "“…,” Sen. Ann Lee (D-N.Y.) said"
                int close = k + 1;
                while (close < limit && close <= k + 8 && !toks.get(close).text().equals(")")) close++;
                if (close < limit && toks.get(close).text().equals(")")) {
                    k = close;
                    continue;
                }
            }
            // right after a quote any verb of saying attributes it: "“…,” a supporter wrote on Reddit", and so do
            // phrasal verbs that mean saying only there: "“…,” Lee went on", "“…,” Lee shot back"
            if (isCueToken(t, toks, k) || k - i <= 8 && (Lexicon.WEAK_CUES.contains(t.lower()) && Lexicon.isSayVerb(t.lower())
                    || k + 1 < toks.size() && toks.get(k + 1).lower().equals(PHRASAL_CUES.get(t.lower())))) {
                if (k > i) {
                    int npEnd = k;
                    if (toks.get(k - 1).text().equals(")")) {
                        int open = k - 2;
                        while (open > i && !toks.get(open).text().equals("(")) open--;
                        if (open > i) npEnd = open;
                    }
                    int[] np = nounPhrase(toks, i, npEnd);
                    if (np == null) {
                        int[] sub = subjectBefore(toks, k, i);
                        if (sub != null && sub[0] == i) np = sub;
                        // "“…” in the legislature, he said.": a quote that ends mid-sentence, a short tail, then the
                        // attribution closing the sentence after its own comma
                        if (np == null && sub != null && sub[0] > i && toks.get(sub[0] - 1).text().equals(",")
                                && Character.isLetterOrDigit(lastInside) && k - i <= 12
                                && (k + 1 >= toks.size() || toks.get(k + 1).text().equals("."))
                                && (Lexicon.PRONOUNS.contains(toks.get(sub[1] - 1).lower()) || isNameLike(toks, sub))) {
                            np = sub;
                        }
                    }
                    if (np == null && toks.get(k - 1).text().equals(",")) {
                        // "Omar Salt, 58, the chief nurse, told": a name, then appositions up to the cue
                        int[] head = forwardNounPhrase(toks, i);
                        if (head != null && head[1] < k && toks.get(head[1]).text().equals(",") && isNameLike(toks, head)) {
                            np = new int[]{head[0], head[1], head[1] + 1, k - 1};
                        }
                    }
                    if (np == null) np = quietSpan(toks, i, npEnd);
                    if (np == null) return null;
                    return direct(body, para, q, toks, np, k);
                }
                int[] np = forwardNounPhrase(toks, k + 1);
                if (np == null) return null;
                return direct(body, para, q, toks, np, k);
            }
        }
        // "“...”, according to X."
        if (i + 1 < toks.size() && toks.get(i).lower().equals("according") && toks.get(i + 1).lower().equals("to")) {
            int[] np = forwardNounPhrase(toks, i + 2);
            if (np != null) {
                return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                        Span.of(body, toks.get(i).start(), toks.get(i + 1).end()), para.index(), sentenceAt(para, q.start()), -1, null);
            }
        }
        return null;
    }

    /**
     * Whether the sentence from {@code i} is a bare attribution: a cue within a few words, then at most a short
     * circumstance ("in a statement", "of the deal", "POLITICO") before the sentence ends, with no clause of its own.
     */
    private static boolean attributionOnly(List<Token> toks, int i) {
        int cue = -1;
        for (int k = i; k < Math.min(toks.size(), i + 14); k++) {
            String w = toks.get(k).text();
            if (w.equals(".") || w.equals("?") || w.equals("!") || isQuoteMark(w)) return false;
            if (isCueToken(toks.get(k), toks, k)) {
                cue = k;
                break;
            }
        }
        if (cue < 0) return false;
        for (int k = cue + 1; k < toks.size(); k++) {
            Token t = toks.get(k);
            String w = t.text();
            // "“…?” He answered, “…”": the attribution introduces the next quote, not the one before
            if (isQuoteMark(w) && k > cue + 1 && (toks.get(k - 1).text().equals(",") || toks.get(k - 1).text().equals(":"))) return false;
            if (w.equals(".") || w.equals("!") || w.equals("?") || isQuoteMark(w)) return true;
            if (k - cue > 12 || t.lower().equals("that") || "VERB".equals(t.pos()) || "AUX".equals(t.pos())
                    || "PRON".equals(t.pos()) && !t.lower().equals("it")) return false;
        }
        return true;
    }

    /**
     * Between a closing mark and its verb of saying stands the speaker, however the phrase parser reads it ("a
     * spokesman for committee Democrats said"): the whole stretch, when it has no verb, mark or stop of its own. A
     * comma in it sets off an apposition after the name.
     */
    private static int[] quietSpan(List<Token> toks, int from, int to) {
        if (to - from > 12 || to <= from) return null;
        Token first = toks.get(from);
        Token last = toks.get(to - 1);
        // a lower-case opening is fine when a name closes the phrase: "super PAC spokeswoman Ann Lee said"
        boolean endsInName = last.isCapitalized() && "PROPN".equals(last.pos());
        if (!(first.isCapitalized() || DETERMINERS.contains(first.lower()) || "NUM".equals(first.pos()) || endsInName)) return null;
        if (Set.of("SCONJ", "CCONJ", "ADP").contains(first.pos()) || CLAUSE_JOINERS.contains(first.lower())) return null;
        int comma = -1;
        for (int j = from; j < to; j++) {
            Token t = toks.get(j);
            if ("VERB".equals(t.pos()) && !t.isCapitalized() || "AUX".equals(t.pos()) || isQuoteMark(t.text())
                    || "PRON".equals(t.pos()) && !DETERMINERS.contains(t.lower())) return null;
            if (t.isPunct() && !t.text().equals(",") && !t.text().equals("'s") && !t.text().equals("’s")
                    && !t.text().equals("-")) return null;
            if (t.text().equals(",") && comma < 0) comma = j;
        }
        int end = to;
        while (end > from && toks.get(end - 1).text().equals(",")) end--;
        if (comma > from && comma < end - 1) return new int[]{from, comma, comma + 1, end};
        return end > from ? new int[]{from, end} : null;
    }

    /**
     * Where the clause a quote completes begins, when the quote sits inside its sentence after words that need it
     * ("Teachers there are “very pro-union,”"), or -1 when the quote opens its sentence or follows a colon or comma.
     */
    private static int embeddingClauseStart(String body, Para para, Quote q) {
        List<Token> toks = para.tokens();
        int j = lastTokenBefore(toks, q.start());
        if (j < 0) return -1;
        int floor = sentenceStartToken(para, j);
        if (para.sentenceOfToken()[j] != sentenceOf(para, q.start())) return -1;
        String last = toks.get(j).text();
        if (last.equals(":") || last.equals(",") || last.equals(";") || isDash(last) || isQuoteMark(last)) return -1;
        int first = floor;
        while (first < j && toks.get(first).isPunct()) first++;
        int words = 0;
        for (int i = first; i <= j; i++) {
            if (isQuoteMark(toks.get(i).text())) return -1;
            if (!toks.get(i).isPunct()) words++;
        }
        return words >= 2 ? toks.get(first).start() : -1;
    }

    private static int sentenceOf(Para para, int pos) {
        List<Token> toks = para.tokens();
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).end() > pos) return para.sentenceOfToken()[i];
        return -1;
    }

    private Candidate shortReply(String body, Para para, Quote q) {
        if (!q.closed() || q.end() - 2 <= q.start() || q.lastParagraph() != q.paragraph()) return null;
        char lastInside = body.charAt(q.end() - 2);
        if (lastInside != ',' && lastInside != '?' && lastInside != '!') return null;
        Candidate c = afterQuote(body, para, q);
        if (c == null || c.mention() == null || c.cue() == null || c.cue().start() - q.end() > 40) return null;
        return c;
    }

    /** "Asked about it, Lee said, “Probably.”": a short quote right after its cue and a comma or colon. */
    private Candidate shortAnswer(String body, Para para, Quote q) {
        List<Token> toks = para.tokens();
        int j = lastTokenBefore(toks, q.start());
        if (j < 1 || !(toks.get(j).text().equals(",") || toks.get(j).text().equals(":")) || !isCueToken(toks.get(j - 1), toks, j - 1)) return null;
        Candidate c = beforeQuote(body, para, q, List.of());
        return c != null && c.mention() != null ? c : null;
    }

    /** "He said: “...”" / "said X, “...”" / "according to X, “...”". */
    private Candidate beforeQuote(String body, Para para, Quote q, List<Quote> all) {
        List<Token> toks = para.tokens();
        int j = lastTokenBefore(toks, q.start());
        if (j < 0) return null;
        if (toks.get(j).text().equals(":") && j > 0) {
            // transcript layout: "Former governor Ann Lee: “…”"
            int floor = sentenceStartToken(para, j);
            int[] np = nounPhrase(toks, floor, j);
            if (np == null && j - 2 >= floor) {
                // "…doesn't surprise pollster Ann Lee: “…”", "HEADLINE - Ann Lee: “…”": a full name right before the
                // colon introduces the quote however the sentence began
                int[] tail = npEndingAt(toks, j - 1, floor);
                if (tail != null && tail[1] - tail[0] >= 2 && toks.get(tail[1] - 2).isCapitalized()
                        && "PROPN".equals(toks.get(tail[1] - 1).pos()) && "PROPN".equals(toks.get(tail[1] - 2).pos())) {
                    np = tail;
                }
            }
            if (np != null && toks.get(j - 1).isCapitalized() && isNameLike(toks, np)) {
                return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                        Span.of(body, toks.get(j).start(), toks.get(j).end()), para.index(), sentenceAt(para, q.start()),
                        -1, null);
            }
        }
        // "As the mayor put it, “…”"
        if (j >= 3 && (toks.get(j).text().equals(",") || toks.get(j).text().equals(":")) && toks.get(j - 1).lower().equals("it")
                && (toks.get(j - 2).lower().equals("put") || toks.get(j - 2).lower().equals("puts"))) {
            int floor = sentenceStartToken(para, j);
            int[] np = subjectBefore(toks, j - 2, floor);
            if (np != null && (isNameLike(toks, np) || Lexicon.PRONOUNS.contains(toks.get(np[1] - 1).lower()))) {
                return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                        Span.of(body, toks.get(j - 2).start(), toks.get(j - 1).end()), para.index(),
                        sentenceAt(para, q.start()), -1, null);
            }
        }
        int stop = Math.max(0, j - 14);
        for (int k = j; k >= stop; k--) {
            Token t = toks.get(k);
            if (k < j && (t.text().equals(".") || t.text().equals("?") || t.text().equals("!") || isQuoteMark(t.text()))) break;
            if (t.lower().equals("according") && k + 1 < toks.size() && toks.get(k + 1).lower().equals("to")) {
                int[] np = forwardNounPhrase(toks, k + 2);
                if (np == null) return null;
                return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                        Span.of(body, t.start(), toks.get(k + 1).end()), para.index(), sentenceAt(para, q.start()), -1, null);
            }
            if (isCueToken(t, toks, k)) {
                // the words between cue and quote must be short and end with ":" or "," (or nothing); after "said
                // that" the quote is part of a reported clause, which the reported-speech stage reads whole
                Token lastBefore = toks.get(j);
                boolean punctOk = lastBefore.text().equals(":") || lastBefore.text().equals(",") || k == j;
                if (!punctOk) return null;
                int floor = sentenceStartToken(para, k);
                // "Sanders stepped up his attacks, saying, “…”": the chained cue shares the clause's subject
                boolean chained = CHAIN_CUES.contains(t.lower()) && k > floor && afterComma(toks, k, floor);
                int[] np = chained ? chainSubject(toks, k, floor) : subjectBefore(toks, k, floor);
                // the one told is the listener, never the speaker
                if (np == null && !Lexicon.TELL_VERBS.contains(t.lower())) np = forwardNounPhrase(toks, k + 1);
                if (np == null) return null;
                Candidate c = direct(body, para, q, toks, np, k);
                // "Sooner or later, the governor said, “it starts to pay off”": an attribution set off by commas
                // inside the sentence; the statement is the whole sentence around it
                int first = floor;
                while (first < np[0] && toks.get(first).isPunct()) first++;
                if (np[0] >= first + 2 && np[0] < k && toks.get(np[0] - 1).text().equals(",") && lastBefore.text().equals(",")
                        && !hasQuoteMark(toks, first, np[0])) {
                    c = new Candidate(toks.get(first).start(), c.end(), StatementKind.MIXED, c.mention(), c.cue(),
                            c.paragraph(), c.sentence(), c.sameSpeakerAs(), c.apposition());
                }
                return c;
            }
        }
        return null;
    }

    /**
     * Who speaks through a chained cue ("she said, adding, “…”", "Hours later, Lee returned the favour, telling
     * Reuters, “…”"): the speaker of the cue before it in the sentence, else the subject of the clause it hangs on.
     */
    private int[] chainSubject(List<Token> toks, int chain, int floor) {
        for (int c = chain - 2; c >= floor; c--) {
            Token t = toks.get(c);
            if (isQuoteMark(t.text())) break;
            if (!isCueToken(t, toks, c)) continue;
            int[] np = subjectBefore(toks, c, floor);
            if (np == null && c > floor && (toks.get(c - 1).text().equals(",") || isQuoteMark(toks.get(c - 1).text()))) {
                np = forwardNounPhrase(toks, c + 1);
                if (np != null && np[1] >= chain) np = null;
            }
            if (np != null) return np;
            break;
        }
        int[] np = clauseSubject(toks, floor, chain - 1);
        return np != null ? np : nounPhraseFrom(toks, floor, chain);
    }

    /**
     * "Trump issued the following statement:" / "Continued Stone:" closing the paragraph before a quote paragraph:
     * the speaker is the cue's subject (or what follows an inverted cue), else the subject of that sentence.
     */
    private Candidate fromIntroParagraph(String body, Para prev, Para para, Quote q) {
        List<Token> toks = prev.tokens();
        if (toks.isEmpty() || !toks.get(toks.size() - 1).text().equals(":")) return null;
        int end = toks.size() - 1;
        int floor = sentenceStartToken(prev, end);
        int[] np = null;
        int cue = -1;
        for (int k = end - 1; k >= floor && np == null; k--) {
            Token t = toks.get(k);
            if (!Lexicon.isSayVerb(t.lower()) && !NOUN_CUES.contains(t.lower())) continue;
            if (Lexicon.isSayVerb(t.lower())) {
                np = subjectBefore(toks, k, floor);
                if (np == null && k + 1 < end) np = forwardNounPhrase(toks, k + 1);
                if (np != null && np[1] > end) np = null;
            }
            cue = k;
            if (np == null) {
                // "X issued the following statement:" — the subject of the sentence
                int start = floor;
                for (int m = floor; m < k; m++) if (toks.get(m).text().equals(",")) start = m + 1;
                np = nounPhraseFrom(toks, start, k);
            }
        }
        if (np == null || cue < 0) return null;
        Token head = toks.get(np[1] - 1);
        if (!head.isCapitalized() && !Lexicon.PRONOUNS.contains(head.lower()) && !Lexicon.TITLE_WORDS.contains(head.lower())) return null;
        return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                Span.of(body, toks.get(cue).start(), toks.get(cue).end()), para.index(), sentenceAt(para, q.start()), -1,
                np.length > 2 ? apposition(body, toks, np) : null);
    }

    private Candidate direct(String body, Para para, Quote q, List<Token> toks, int[] np, int cue) {
        return new Candidate(q.start(), q.end(), StatementKind.DIRECT, span(body, toks, np),
                Span.of(body, toks.get(cue).start(), toks.get(cue).end()), para.index(), sentenceAt(para, q.start()), -1,
                np.length > 2 ? apposition(body, toks, np) : null);
    }

    // ---- reported speech ----

    private void reported(String body, Para para, List<Quote> quotes, List<int[]> usedCues, List<Candidate> out) {
        List<Token> toks = para.tokens();
        int n = toks.size();
        boolean[] inQuote = new boolean[n];
        for (Quote q : quotes) {
            if (q.paragraph() > para.index() || q.lastParagraph() < para.index()) continue;
            for (int i = 0; i < n; i++) {
                Token t = toks.get(i);
                if (t.start() > q.start() && t.end() < q.end()) inQuote[i] = true;
            }
        }
        int lastInSentence = -1, lastSentence = -1;
        for (int k = 0; k < n; k++) {
            Token t = toks.get(k);
            if (inQuote[k]) continue;
            int sent = para.sentenceOfToken()[k];
            if (sent != lastSentence) {
                lastSentence = sent;
                lastInSentence = -1;
            }
            int sStart = sentenceStartToken(para, k);
            int sEnd = sentenceEndToken(para, k);
            boolean used = false;
            for (int[] u : usedCues) if (u[0] == t.start()) used = true;
            if (used) continue;
            Candidate c = null;
            if (t.lower().equals("according") && k + 1 < n && toks.get(k + 1).lower().equals("to")) {
                c = accordingTo(body, para, toks, k, sStart, sEnd);
            } else if (isCueToken(t, toks, k)) {
                c = cueClause(body, para, toks, k, sStart, sEnd, lastInSentence >= 0 ? out.get(lastInSentence) : null,
                        lastInSentence);
            }
            if (c == null || c.end() - c.start() < 8) continue;
            if (overlapsDirect(out, c) && !absorbFragments(out, c)) continue;
            boolean mixed = false;
            for (Quote q : quotes) if (q.start() >= c.start() && q.end() <= c.end() + 1) mixed = true;
            if (mixed) c = new Candidate(c.start(), c.end(), StatementKind.MIXED, c.mention(), c.cue(), c.paragraph(),
                    c.sentence(), c.sameSpeakerAs(), c.apposition());
            out.add(c);
            lastInSentence = out.size() - 1;
        }
    }

    /**
     * "She said the club “was a place of solidarity,” where people “came together”": quoted fragments inside a
     * reported clause are that clause's words, not statements of their own. When every candidate the clause overlaps
     * is such a fragment (a direct quote strictly inside it, attributed by the clause's own cue or by none), the
     * fragments give way to the clause.
     */
    private static boolean absorbFragments(List<Candidate> out, Candidate c) {
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Candidate d = out.get(i);
            int ov = Math.min(d.end(), c.end()) - Math.max(d.start(), c.start());
            if (ov <= 0) continue;
            boolean fragment = d.kind() == StatementKind.DIRECT && d.start() > c.start() && d.end() <= c.end() + 1
                    && (d.cue() == null || c.cue() != null && d.cue().start() == c.cue().start());
            if (!fragment) return false;
            inside.add(i);
        }
        if (inside.isEmpty()) return false;
        for (int i = inside.size() - 1; i >= 0; i--) {
            int idx = inside.get(i);
            out.remove(idx);
            // later candidates point at earlier ones by index
            for (int j = idx; j < out.size(); j++) {
                Candidate e = out.get(j);
                int same = e.sameSpeakerAs();
                if (same > idx) same--;
                else if (same == idx) same = -1;
                if (same != e.sameSpeakerAs()) {
                    out.set(j, new Candidate(e.start(), e.end(), e.kind(), e.mention(), e.cue(), e.paragraph(),
                            e.sentence(), same, e.apposition()));
                }
            }
        }
        return true;
    }

    private static boolean overlapsDirect(List<Candidate> out, Candidate c) {
        for (Candidate d : out) {
            int ov = Math.min(d.end(), c.end()) - Math.max(d.start(), c.start());
            if (ov > 0 && ov > 0.5 * (c.end() - c.start())) return true;
        }
        return false;
    }

    private Candidate accordingTo(String body, Para para, List<Token> toks, int k, int sStart, int sEnd) {
        int[] np = accordingSource(toks, k + 2, sEnd);
        if (np == null) return null;
        Span cue = Span.of(body, toks.get(k).start(), toks.get(k + 1).end());
        int after = np[1];
        // skip an apposition after the source: "according to X, the head of Y, ..."
        if (after < sEnd && toks.get(after).text().equals(",") && k > sStart) {
            // source in the middle: content is before
        }
        int cs, ce;
        int rest = after < sEnd && toks.get(after).text().equals(",") ? after + 1 : -1;
        if (k > sStart + 2 && rest > 0 && sEnd - rest >= 4) {
            // in the middle: "The plan, according to two officials, would cost $5 billion" is one statement
            int first = sStart;
            while (first < k && toks.get(first).isPunct() && !isQuoteMark(toks.get(first).text())) first++;
            cs = toks.get(first).start();
            ce = contentEnd(toks, rest, sEnd);
        } else if (k > sStart + 2) {
            cs = toks.get(sStart).start();
            int last = k - 1;
            while (last > sStart && toks.get(last).isPunct()) last--;
            ce = toks.get(last).end();
        } else {
            int first = after;
            while (first < sEnd && toks.get(first).isPunct() && !isQuoteMark(toks.get(first).text())) first++;
            if (sEnd - first < 3) return null;
            cs = toks.get(first).start();
            ce = contentEnd(toks, first, sEnd);
        }
        return new Candidate(cs, ce, StatementKind.INDIRECT, span(body, toks, np), cue, para.index(),
                sentenceAt(para, cs), -1, null);
    }

    /**
     * The source after "according to": a noun phrase, else the words up to the next punctuation, since sources are often
     * long descriptions the phrase parser stops inside ("a newly released report by the agency").
     */
    private int[] accordingSource(List<Token> toks, int from, int sEnd) {
        int[] np = forwardNounPhrase(toks, from);
        int e = from;
        while (e < sEnd && e - from < 14 && !(toks.get(e).isPunct() && !toks.get(e).text().equals("'s")
                && !toks.get(e).text().equals("’s"))) e++;
        if (np != null && (np[1] >= e || np[1] < e && !"ADV".equals(toks.get(np[1]).pos())
                && !"ADJ".equals(toks.get(np[1]).pos()) && !"NOUN".equals(toks.get(np[1]).pos()))) return np;
        if (e == from || e - from >= 14) return np;
        return new int[]{from, e};
    }

    private Candidate cueClause(String body, Para para, List<Token> toks, int k, int sStart, int sEnd,
                                Candidate previous, int previousIndex) {
        Token cueTok = toks.get(k);
        String cue = cueTok.lower();
        Span cueSpan = Span.of(body, cueTok.start(), cueTok.end());
        // passive "was told", "is said" and infinitives "to say" do not introduce the subject's statement
        if (k > sStart) {
            String prev = toks.get(k - 1).lower();
            if (Set.of("was", "were", "is", "are", "been", "be", "being", "to").contains(prev)) return null;
        }
        int[] subj = subjectBefore(toks, k, sStart);
        if (Lexicon.OBJECT_CUES.contains(cue)) return objectClause(body, para, toks, k, sStart, sEnd, subj, previous, previousIndex);
        boolean chain = CHAIN_CUES.contains(cue) && k > sStart && afterComma(toks, k, sStart);
        if (!chain && k > sStart + 2 && (toks.get(k - 1).text().equals(",") || isQuoteMark(toks.get(k - 1).text()))) {
            // "…, the race will be tight, said Dan Gerstein, an analyst.": a name after the cue that ends the sentence
            // or opens an apposition is the speaker, and what came before is the statement
            int[] np = forwardNounPhrase(toks, k + 1);
            String head = np == null ? "" : toks.get(np[1] - 1).lower();
            if (np != null && isNameLike(toks, np) && (toks.get(np[1] - 1).isCapitalized()
                    || Lexicon.TITLE_WORDS.contains(head) || Lexicon.GROUP_HEADS.contains(head))
                    && !Lexicon.PRONOUNS.contains(toks.get(np[0]).lower())
                    && (np[1] >= sEnd || Set.of(".", ",", "(", "!", "?").contains(toks.get(np[1]).text()))) {
                int last = k - 1;
                while (last > sStart && toks.get(last).isPunct()) last--;
                int first = sStart;
                while (first < last && toks.get(first).isPunct() && !isQuoteMark(toks.get(first).text())) first++;
                if (last - first >= 2) {
                    int cs = toks.get(first).start();
                    return new Candidate(cs, toks.get(last).end(), StatementKind.INDIRECT, span(body, toks, np), cueSpan,
                            para.index(), sentenceAt(para, cs), -1, null);
                }
            }
        }
        if (chain) subj = null;
        if (subj == null && cue.endsWith("ing") && k > sStart + 1
                && ("of".equals(toks.get(k - 1).lower()) || "by".equals(toks.get(k - 1).lower()))) {
            // "He made a point of saying …", "She began by noting …": the speaker is the clause's subject
            subj = clauseSubject(toks, sStart, k - 1);
        }
        int afterStart = skipToContent(toks, k + 1, sEnd, cue);
        boolean clauseAfter = afterStart >= 0 && sEnd - afterStart >= 3;
        if (subj == null) {
            if (chain && clauseAfter) {
                int same = previousIndex;
                Span mention = previous != null ? previous.mention() : null;
                if (previous == null) {
                    int[] head = clauseSubject(toks, sStart, k);
                    if (head == null) return null;
                    mention = span(body, toks, head);
                }
                int cs = contentStart(toks, afterStart);
                return new Candidate(cs, contentEnd(toks, afterStart, sEnd), StatementKind.INDIRECT, mention, cueSpan,
                        para.index(), sentenceAt(para, cs), same, null);
            }
            // a second verb of the same subject: "The mayor thanked the crews and said the road would reopen"
            int before = k - 1;
            while (before > sStart && Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(before).lower())) before--;
            String joiner = before > sStart ? toks.get(before).lower() : "";
            if (clauseAfter && (joiner.equals("and") || joiner.equals("but")) && before > sStart) {
                int[] head = clauseSubject(toks, sStart, before);
                if (head != null) {
                    int cs = contentStart(toks, afterStart);
                    return new Candidate(cs, contentEnd(toks, afterStart, sEnd), StatementKind.INDIRECT,
                            span(body, toks, head), cueSpan, para.index(), sentenceAt(para, cs), -1, null);
                }
            }
            // a relative clause speaks for its antecedent: "…, said Ann Lee, who said the plan was late" /
            // "Ann Lee, who has said repeatedly that …"
            int[] rel = relativeAntecedent(toks, k, sStart);
            if (rel != null && clauseAfter) {
                int cs = contentStart(toks, afterStart);
                return new Candidate(cs, contentEnd(toks, afterStart, sEnd), StatementKind.INDIRECT,
                        span(body, toks, new int[]{rel[2], rel[2] + 1}), cueSpan, para.index(), sentenceAt(para, cs), -1,
                        span(body, toks, rel).text());
            }
            // inverted: "..., said Smith."
            if (k > sStart + 2 && (toks.get(k - 1).text().equals(",") || isQuoteMark(toks.get(k - 1).text()))) {
                int[] np = forwardNounPhrase(toks, k + 1);
                if (np == null) return null;
                // "…, said she wanted change": a clause after the cue is what was said, not an inverted speaker
                if (Lexicon.PRONOUNS.contains(toks.get(np[0]).lower())
                        && (np[1] >= sEnd || !Set.of(".", ",").contains(toks.get(np[1]).text()))) return null;
                int after = np[1];
                while (after < sEnd && Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(after).lower())) after++;
                if (after < sEnd && ("VERB".equals(toks.get(after).pos()) || "AUX".equals(toks.get(after).pos()))) return null;
                int last = k - 1;
                while (last > sStart && (toks.get(last).isPunct())) last--;
                int cs = toks.get(sStart).start();
                return new Candidate(cs, toks.get(last).end(), StatementKind.INDIRECT, span(body, toks, np), cueSpan,
                        para.index(), sentenceAt(para, cs), -1, null);
            }
            return null;
        }
        Span mention = span(body, toks, subj);
        String appos = apposition(body, toks, subj);
        int np0 = subj[0];
        boolean commaBefore = np0 > sStart + 2 && toks.get(np0 - 1).text().equals(",");
        boolean startsBlocked = afterStart >= 0 && afterStart < sEnd
                && CLAUSE_BLOCKERS.contains(toks.get(afterStart).lower()) && !toks.get(afterStart - 1).lower().equals("that");
        int beforeLen = np0 - sStart;
        int asEnd = k + 1 < sEnd && toks.get(k + 1).text().equals(",") ? k + 2 : -1;
        if (np0 == sStart + 1 && toks.get(sStart).lower().equals("as") && asEnd > 0 && sEnd - asEnd >= 3) {
            // "As the mayor said, the budget has no room left": the clause after the comma is what was said
            int cs = toks.get(asEnd).start();
            return new Candidate(cs, contentEnd(toks, asEnd, sEnd), StatementKind.INDIRECT, mention, cueSpan,
                    para.index(), sentenceAt(para, cs), -1, appos);
        }
        if (clauseAfter && !(startsBlocked && commaBefore && beforeLen >= 4)) {
            if (startsBlocked && sEnd - afterStart < 6) return null;
            int cs = contentStart(toks, afterStart);
            return new Candidate(cs, contentEnd(toks, afterStart, sEnd), StatementKind.INDIRECT, mention, cueSpan,
                    para.index(), sentenceAt(para, cs), -1, appos);
        }
        if (commaBefore && k + 2 < sEnd && toks.get(k + 1).text().equals(",") && sEnd - (k + 2) >= 3
                && !isQuoteMark(toks.get(k + 2).text())) {
            // "In any case, Mr. Smith said, the industry was over-supplied": the statement runs over its attribution
            int first = sStart;
            while (first < np0 && toks.get(first).isPunct() && !isQuoteMark(toks.get(first).text())) first++;
            if (np0 - first >= 1) {
                int cs = toks.get(first).start();
                return new Candidate(cs, contentEnd(toks, k + 2, sEnd), StatementKind.INDIRECT, mention, cueSpan,
                        para.index(), sentenceAt(para, cs), -1, appos);
            }
        }
        // "…, the mayor said." closes its sentence: what came before is the statement; a longer tail after the cue is
        // a clause of its own that this reading would lose
        if (commaBefore && circumstanceOnly(toks, k + 1, sEnd)) {
            int first = sStart;
            while (first < np0 && (toks.get(first).isPunct() && !isQuoteMark(toks.get(first).text()))) first++;
            int last = np0 - 1;
            while (last > first && toks.get(last).isPunct() && !isQuoteMark(toks.get(last).text())) last--;
            if (last - first < 2) return null;
            int cs = toks.get(first).start();
            return new Candidate(cs, toks.get(last).end(), StatementKind.INDIRECT, mention, cueSpan, para.index(),
                    sentenceAt(para, cs), -1, appos);
        }
        return null;
    }

    /**
     * The subject of the clause a cue hangs on, past fronted phrases: the first noun phrase, at the sentence start or
     * after a comma, that a verb follows ("In a speech on Tuesday, the mayor thanked the crews, saying …").
     */
    private int[] clauseSubject(List<Token> toks, int from, int limit) {
        // a sentence may open with a conjunction or a linking adverb: "And he made a point of saying …"
        while (from < limit - 1 && ("CCONJ".equals(toks.get(from).pos()) || Set.of("so", "yet", "still", "then", "now",
                "instead", "meanwhile", "later", "also").contains(toks.get(from).lower()))) from++;
        for (int start = from; start < limit; start++) {
            if (start > from && !toks.get(start - 1).text().equals(",")) continue;
            int npStart = start;
            // ", and the league denounced …": a new clause after a comma may open with a conjunction
            if (start > from && "CCONJ".equals(toks.get(start).pos()) && start + 1 < limit) npStart = start + 1;
            int[] np = forwardNounPhrase(toks, npStart);
            if (np == null || np[1] >= limit) continue;
            int v = np[1];
            // past a party tag and an apposition: "Ed Lee (D), a former mayor, praised …"
            if (v < limit && toks.get(v).text().equals("(")) {
                int close = v + 1;
                while (close < limit && close < v + 8 && !toks.get(close).text().equals(")")) close++;
                if (close < limit && toks.get(close).text().equals(")")) v = close + 1;
            }
            if (v < limit && toks.get(v).text().equals(",") && isNameLike(toks, np) && toks.get(np[1] - 1).isCapitalized()) {
                int next = v + 1;
                while (next < limit && next < v + 14 && !toks.get(next).text().equals(",")) next++;
                if (next < limit && next > v + 1 && toks.get(next).text().equals(",")) v = next + 1;
            }
            // and past a time phrase: "The campaign on Monday also doubled down", "Lee last week invited"
            v = skipTimePhrase(toks, v, limit);
            while (v < limit && (Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(v).lower()) || "ADV".equals(toks.get(v).pos()))) v++;
            if (v < limit && ("VERB".equals(toks.get(v).pos()) || "AUX".equals(toks.get(v).pos()))) return np;
        }
        return null;
    }

    private static final Set<String> TIME_NOUNS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "today",
            "yesterday", "tonight", "spring", "summer", "fall", "autumn", "winter");

    /** "on Monday", "last week", "this year", "Tuesday night": a short time phrase between a subject and its verb. */
    private static int skipTimePhrase(List<Token> toks, int v, int limit) {
        int j = v;
        if (j < limit && Set.of("on", "last", "this", "next", "earlier", "late", "early").contains(toks.get(j).lower())) j++;
        int nouns = 0;
        while (j < limit && nouns < 2 && TIME_NOUNS.contains(toks.get(j).lower())) {
            j++;
            nouns++;
        }
        return nouns > 0 ? j : v;
    }

    /**
     * For a cue whose subject is "who", the name the clause hangs on (the inverted "said X, who" too), then the
     * index of "who" itself, which is the clause's own subject.
     */
    private int[] relativeAntecedent(List<Token> toks, int cue, int floor) {
        int j = cue - 1;
        while (j > floor && Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(j).lower())) j--;
        if (j - 1 < floor || !toks.get(j).lower().equals("who")) return null;
        // "experts who say …" as well as "Ann Lee, who said …"
        int end = toks.get(j - 1).text().equals(",") ? j - 2 : j - 1;
        int[] np = npEndingAt(toks, end, floor);
        if (np == null || !isNameLike(toks, np) || Lexicon.PRONOUNS.contains(toks.get(np[1] - 1).lower())) return null;
        return new int[]{np[0], np[1], j};
    }

    /** The object of "called", "accused", "described", "urged" is the content; a particle ("called for") joins the cue. */
    private Candidate objectClause(String body, Para para, List<Token> toks, int k, int sStart, int sEnd, int[] subj,
                                   Candidate previous, int previousIndex) {
        int cueEnd = k;
        String nx = k + 1 < sEnd ? toks.get(k + 1).lower() : "";
        if (nx.equals("for") || nx.equals("on") || nx.equals("about")) cueEnd = k + 1;
        int from = cueEnd + 1;
        if (sEnd - from < 2) return null;
        Span cueSpan = Span.of(body, toks.get(k).start(), toks.get(cueEnd).end());
        int cs = toks.get(from).start();
        int ce = contentEnd(toks, from, sEnd);
        boolean chain = k > sStart && afterComma(toks, k, sStart) && toks.get(k).lower().endsWith("ing");
        if (chain && previous != null) {
            return new Candidate(cs, ce, StatementKind.INDIRECT, previous.mention(), cueSpan, para.index(),
                    sentenceAt(para, cs), previousIndex, null);
        }
        // "Lee went after the board, calling it “reckless”": with no statement before it, the chained cue
        // speaks for the clause's own subject, not for whatever sits before its comma
        if (chain) subj = clauseSubject(toks, sStart, k - 1);
        if (subj == null) {
            // "Lee, who has called the pact “insanity,” …": the relative clause speaks for its antecedent
            int[] rel = relativeAntecedent(toks, k, sStart);
            if (rel != null) {
                return new Candidate(cs, ce, StatementKind.INDIRECT, span(body, toks, new int[]{rel[2], rel[2] + 1}),
                        cueSpan, para.index(), sentenceAt(para, cs), -1, span(body, toks, rel).text());
            }
            return null;
        }
        String first = toks.get(subj[0]).lower();
        if (first.equals("a") || first.equals("an")) return null; // "a website called ..." names, it does not speak
        return new Candidate(cs, ce, StatementKind.INDIRECT, span(body, toks, subj), cueSpan, para.index(),
                sentenceAt(para, cs), -1, apposition(body, toks, subj));
    }

    /**
     * Where the question after "asked X" starts: at "whether", "if" or a question word ("asked the mayor whether …"),
     * or at the person asked when an infinitive follows ("asked the judge to block the rule"); -1 when none follows
     * within a few words.
     */
    private static int askedQuestion(List<Token> toks, int i, int sEnd) {
        for (int j = i; j < Math.min(sEnd, i + 8); j++) {
            Token t = toks.get(j);
            String w = t.lower();
            if (QUESTION_WORDS.contains(w)) return j;
            if (w.equals("to") && j > i) return i;
            if (t.isPunct() || Lexicon.isSayVerb(w) || "VERB".equals(t.pos())) return -1;
        }
        return -1;
    }

    /** Index of the first content token after a cue: skips "that", a told-object and short adverbials before "that". */
    private int skipToContent(List<Token> toks, int i, int sEnd, String cue) {
        if (i >= sEnd) return -1;
        if (ASK_VERBS.contains(cue)) {
            int q = askedQuestion(toks, i, sEnd);
            if (q >= 0) return q;
        }
        // "said in a statement that ...", "said Tuesday that ..."
        for (int j = i; j < Math.min(sEnd, i + 8); j++) {
            String w = toks.get(j).lower();
            if (w.equals("that") && j + 1 < sEnd) {
                boolean clean = true;
                for (int m = i; m < j; m++) if (toks.get(m).text().equals(".") || isQuoteMark(toks.get(m).text())) clean = false;
                if (clean) return j + 1;
            }
            if (w.equals(",") || w.equals(".")) break;
        }
        if (Lexicon.TELL_VERBS.contains(cue)) {
            int[] obj = forwardNounPhrase(toks, i);
            if (obj == null) return -1;
            i = obj[1];
            if (i < sEnd && toks.get(i).text().equals(",")) i++;
        }
        if (i < sEnd && toks.get(i).text().equals(":")) i++;
        if (i < sEnd && toks.get(i).text().equals(",")) return -1;
        return i < sEnd ? i : -1;
    }

    /** PolNeAR and most quote corpora count the complementiser as part of the content: "said [that it was late]". */
    private static int contentStart(List<Token> toks, int afterStart) {
        if (afterStart > 0 && toks.get(afterStart - 1).lower().equals("that")) return toks.get(afterStart - 1).start();
        return toks.get(afterStart).start();
    }

    /** Content runs to the sentence end, or to a chained cue (", adding that ..."). */
    private int contentEnd(List<Token> toks, int from, int sEnd) {
        int last = sEnd - 1;
        for (int j = from + 1; j < sEnd - 1; j++) {
            // "… called it “a disaster” and said the vote …": a second verb of saying shared by the same subject starts
            // a statement of its own
            String nextWord = j + 1 < sEnd ? toks.get(j + 1).lower() : "";
            if (toks.get(j).lower().equals("and") && j + 2 < sEnd
                    && (Lexicon.isSayVerb(nextWord) || Lexicon.OBJECT_CUES.contains(nextWord))
                    && (nextWord.endsWith("d") || nextWord.endsWith("s")) && !toks.get(j + 2).isPunct()) {
                last = j - 1;
                break;
            }
            if (toks.get(j).text().equals(",") || toks.get(j).text().equals(";")) {
                String nx = toks.get(j + 1).lower();
                if (CHAIN_CUES.contains(nx)) {
                    last = j - 1;
                    break;
                }
                // a quote that closes after the comma: "… “only one can win,” adding that …"
                if (isQuoteMark(toks.get(j + 1).text()) && j + 2 < sEnd
                        && (CHAIN_CUES.contains(toks.get(j + 2).lower()) || "before".equals(toks.get(j + 2).lower()))) {
                    last = j + 1;
                    break;
                }
                // "..., she said" after a clause that started after a cue is a second attribution: stop; so is
                // "..., while Cruz said that ...", a second speaker's statement
                int from2 = j + 1;
                if (from2 < sEnd && CLAUSE_JOINERS.contains(toks.get(from2).lower())) from2++;
                int[] np = forwardNounPhrase(toks, from2);
                if (np != null && np[1] - np[0] > 8) np = null;
                if (np != null && np[1] < sEnd && isCueToken(toks.get(np[1]), toks, np[1])
                        && (np[1] + 2 >= sEnd || from2 > j + 1 || toks.get(j).text().equals(";")
                        || np[1] + 1 < sEnd && toks.get(np[1] + 1).lower().equals("that"))) {
                    last = j - 1;
                    break;
                }
            }
        }
        while (last > from && toks.get(last).isPunct() && !isQuoteMark(toks.get(last).text())) last--;
        return toks.get(last).end();
    }

    // ---- noun phrases ----

    /** The speaker before a cue, jumping over an apposition or relative clause set off by commas. */
    private int[] subjectBefore(List<Token> toks, int cue, int floor) {
        int j = cue - 1;
        int skipped = 0;
        while (j >= floor && skipped < 4 && (Lexicon.SUBJECT_VERB_FILLERS.contains(toks.get(j).lower())
                || TIME_WORDS.contains(toks.get(j).lower()) || "ADV".equals(toks.get(j).pos()) && !toks.get(j).isCapitalized())) {
            j--;
            skipped++;
        }
        if (j < floor) return null;
        // a party tag or other parenthesis between name and verb: "Sen. Ann Lee (R-Ga.) said"
        if (toks.get(j).text().equals(")")) {
            int k = j - 1;
            while (k >= floor && k > j - 8 && !toks.get(k).text().equals("(")) k--;
            if (k >= floor && toks.get(k).text().equals("(")) j = k - 1;
            if (j < floor) return null;
        }
        boolean dash = isDash(toks.get(j).text());
        if (toks.get(j).text().equals(",") || dash) {
            int[] np = appositionSubject(toks, j, floor, dash);
            return np != null || dash ? np : leadingNameBeforeComma(toks, j, floor);
        }
        return npEndingAt(toks, j, floor);
    }

    /** The name before an apposition or relative clause set off by commas (or dashes) just before the cue. */
    private int[] appositionSubject(List<Token> toks, int j, int floor, boolean dash) {
        int k = j - 1;
        int limit = Math.max(floor, j - 40);
        while (k >= limit && !(dash ? isDash(toks.get(k).text()) : toks.get(k).text().equals(","))) k--;
        if (k < limit || k <= floor) return null;
        Token first = toks.get(k + 1);
        String fl = first.lower();
        // "…, at both the state and federal level, said X": a fronted phrase, not an apposition of a subject
        if ("ADP".equals(first.pos()) && !fl.equals("like")) return null;
        boolean appos = fl.equals("who") || fl.equals("which") || DETERMINERS.contains(fl) || !first.isCapitalized()
                || (j - k == 2 && "ADV".equals(first.pos()));
        if (!appos) {
            // "The campaign's chairman, Phil Lovas, said": the name itself sits between the commas
            int[] inner = npEndingAt(toks, j - 1, k + 1);
            return inner != null && inner[0] == k + 1 ? inner : null;
        }
        int nameEnd = k - 1;
        // "Rep. Ann Lee (D-Mich.), a member of …, said"
        if (nameEnd > floor && toks.get(nameEnd).text().equals(")")) {
            int open = nameEnd - 1;
            while (open > floor && open > nameEnd - 8 && !toks.get(open).text().equals("(")) open--;
            if (toks.get(open).text().equals("(")) nameEnd = open - 1;
        }
        int[] np = npEndingAt(toks, nameEnd, floor);
        if (np == null || !isNameLike(toks, np)) return null;
        return new int[]{np[0], np[1], k + 1, j};
    }

    /**
     * "Ann Lee, 63, a nurse from Leeds, said …", "Ann Lee, who lost her home in the floods in Leeds, Yorkshire, last
     * year, said …": a name opening the sentence, then commas up to the cue; the name is the subject.
     */
    private int[] leadingNameBeforeComma(List<Token> toks, int j, int floor) {
        int start = floor;
        while (start < j && (toks.get(start).isPunct() || "CCONJ".equals(toks.get(start).pos()))) start++;
        for (int c = start + 1; c < j && c < start + 12; c++) {
            if (!toks.get(c).text().equals(",")) continue;
            int end = c - 1;
            if (toks.get(end).text().equals(")")) {
                int open = end - 1;
                while (open > start && !toks.get(open).text().equals("(")) open--;
                if (open > start) end = open - 1;
            }
            int[] np = npEndingAt(toks, end, start);
            if (np == null || np[0] != start || !toks.get(np[1] - 1).isCapitalized() || !isNameLike(toks, np)
                    || Lexicon.PRONOUNS.contains(toks.get(np[1] - 1).lower())) return null;
            return new int[]{np[0], np[1], c + 1, j};
        }
        return null;
    }

    private int[] npEndingAt(List<Token> toks, int e, int floor) {
        if (e < floor || e < 0) return null;
        Token last = toks.get(e);
        if (Lexicon.PRONOUNS.contains(last.lower())) {
            if (last.lower().equals("it") && e > floor && !toks.get(e - 1).isPunct()) return null;
            return new int[]{e, e + 1};
        }
        // poll shares as subjects: "one in four said", "More than six in 10 say"
        if ("NUM".equals(last.pos()) && e - 2 >= floor && toks.get(e - 1).lower().equals("in")
                && "NUM".equals(toks.get(e - 2).pos())) {
            int b = e - 2;
            while (b - 1 >= floor && b > e - 6 && NUMBER_HEDGES.contains(toks.get(b - 1).lower())) b--;
            return new int[]{b, e + 1};
        }
        // "the editorial said": the tagger takes a noun after a determiner for an adjective when a verb follows
        boolean adjectiveAfterDeterminer = "ADJ".equals(last.pos()) && e - 1 >= floor
                && Set.of("the", "a", "an", "this", "that").contains(toks.get(e - 1).lower());
        if (!headOk(last) && !adjectiveAfterDeterminer) return null;
        int b = e;
        int count = 0;
        while (b - 1 >= floor && count < 12) {
            Token t = toks.get(b - 1);
            String w = t.lower();
            if (DETERMINERS.contains(w) && !t.text().equals("One")) {
                b--;
                break;
            }
            if (CONNECTORS.contains(w)) {
                if (!toks.get(b).isCapitalized() && !w.equals("’s") && !w.equals("'s") && !w.equals("-")) break;
                if (b - 2 < floor || !(toks.get(b - 2).isCapitalized() || nounish(toks.get(b - 2)))) break;
                b--;
                count++;
                continue;
            }
            if (nounish(t) || t.text().endsWith(".") && t.isCapitalized() && t.text().length() <= 5) {
                if (TIME_WORDS.contains(w)) break;
                b--;
                count++;
                continue;
            }
            break;
        }
        return new int[]{b, e + 1};
    }

    private static boolean headOk(Token t) {
        if (Lexicon.TITLE_WORDS.contains(t.lower()) || Lexicon.GROUP_HEADS.contains(t.lower())) return !t.isPunct();
        // Right before a verb of saying a capitalised word is a name even where the greedy tagger calls it a verb
        // ("Trump said", a surname that is also an English verb).
        return "PROPN".equals(t.pos()) || "NOUN".equals(t.pos()) || (t.isCapitalized() && !t.isPunct()
                && !"ADP".equals(t.pos()) && !"SCONJ".equals(t.pos()) && !"CCONJ".equals(t.pos()));
    }

    /**
     * Function words, which stay function words when capitalised. Any other capitalised word the tagger calls a
     * function word is a name it did not know ("said Hough" tagged like "though").
     */
    private static final Set<String> CLOSED_CLASS = Set.of("the", "a", "an", "in", "on", "at", "of", "for", "to", "by",
            "with", "from", "and", "but", "or", "nor", "if", "though", "although", "because", "since", "unless", "he",
            "she", "they", "it", "we", "i", "you", "me", "him", "her", "us", "them", "this", "that", "these", "those",
            "his", "their", "our", "its", "my", "your", "as", "when", "while", "after", "before", "until", "where",
            "whether", "so", "then", "there", "here", "now", "not", "no", "yes", "also", "still", "yet", "even", "just",
            "only", "very", "too", "all", "both", "each", "every", "some", "any", "such", "what", "which", "who", "whom",
            "whose", "how", "why", "into", "onto", "upon", "over", "under", "about", "against", "between", "through",
            "during", "without", "within", "among", "across", "behind", "beyond", "despite", "like", "unlike", "than",
            "once", "instead", "however", "meanwhile", "perhaps", "maybe", "indeed", "thus", "hence", "either",
            "neither", "whatever", "whoever", "another", "other", "many", "much", "more", "most", "few", "several");

    private static boolean nounish(Token t) {
        String p = t.pos();
        // role words are nouns whatever the tagger says ("said pollster Ann Lee", tagged as a verb)
        if (t.text().length() > 2 && Lexicon.TITLE_WORDS.contains(t.lower()) && !CLOSED_CLASS.contains(t.lower())) return true;
        return "PROPN".equals(p) || "NOUN".equals(p) || "ADJ".equals(p) || "NUM".equals(p)
                || (t.isCapitalized() && !"VERB".equals(p) && (!"ADP".equals(p) && !"SCONJ".equals(p)
                && !"CCONJ".equals(p) && !"PRON".equals(p) && !"DET".equals(p) && !"ADV".equals(p)
                || !CLOSED_CLASS.contains(t.lower())));
    }

    private static boolean isNameLike(List<Token> toks, int[] np) {
        for (int i = np[0]; i < np[1]; i++) if (toks.get(i).isCapitalized() || "NOUN".equals(toks.get(i).pos())) return true;
        return false;
    }

    /** An NP filling exactly [from, to). */
    private int[] nounPhrase(List<Token> toks, int from, int to) {
        if (to <= from || to - from > 9) return null;
        int[] np = npEndingAt(toks, to - 1, from);
        if (np == null || np[0] != from) return null;
        return np;
    }

    /** The NP at the head of a clause: "Trump criticised ..., saying ...". */
    private int[] nounPhraseFrom(List<Token> toks, int from, int limit) {
        int[] np = forwardNounPhrase(toks, from);
        if (np == null || np[1] > limit) return null;
        return np;
    }

    private int[] forwardNounPhrase(List<Token> toks, int i) {
        if (i >= toks.size()) return null;
        Token first = toks.get(i);
        if (Lexicon.PRONOUNS.contains(first.lower())) return new int[]{i, i + 1};
        int b = i;
        if (DETERMINERS.contains(first.lower())) b++;
        int e = b;
        while (e < toks.size() && e - b < 10) {
            Token t = toks.get(e);
            String w = t.lower();
            if (TIME_WORDS.contains(w) && e > b) break;
            if (nounish(t) || (t.isCapitalized() && t.text().endsWith(".") && t.text().length() <= 5)) {
                e++;
                continue;
            }
            if (CONNECTORS.contains(w) && e > b && e + 1 < toks.size() && (toks.get(e + 1).isCapitalized() || w.equals("’s") || w.equals("'s") || w.equals("-")
                    || (toks.get(e + 1).lower().equals("the") && e + 2 < toks.size() && toks.get(e + 2).isCapitalized()))) {
                e++;
                continue;
            }
            break;
        }
        if (e == b) return null;
        while (e > b && CONNECTORS.contains(toks.get(e - 1).lower())) e--;
        return e > b ? new int[]{i, e} : null;
    }

    private static String apposition(String body, List<Token> toks, int[] np) {
        if (np.length < 4) return null;
        int s = np[2], e = np[3];
        if (e <= s) return null;
        String first = toks.get(s).lower();
        // single words ("meanwhile", "however") and relative clauses are not roles
        if (first.equals("who") || first.equals("which") || e - s == 1) return null;
        return body.substring(toks.get(s).start(), toks.get(e - 1).end());
    }

    // ---- helpers ----

    private static boolean isCueToken(Token t, List<Token> toks, int k) {
        String w = t.lower();
        // a capitalised word after another is part of a name: "the United States", "Reports Without Borders"
        if (t.isCapitalized() && k > 0 && toks.get(k - 1).isCapitalized() && !toks.get(k - 1).isPunct()) return false;
        // the noun, not the verb: "his remarks are…", "Trump's tweet was…", "Editor's note:"
        if (k > 0 && (NOUN_MARKERS.contains(toks.get(k - 1).lower()) || possessive(toks.get(k - 1)))) return false;
        // "added 292,000 jobs", "added to her lead", "added up to": adding, not saying
        if (w.startsWith("add") && k + 1 < toks.size() && (ADDING_OBJECTS.contains(toks.get(k + 1).lower())
                || "NUM".equals(toks.get(k + 1).pos()) || toks.get(k + 1).text().startsWith("$"))) return false;
        if (k > 1 && "ADJ".equals(toks.get(k - 1).pos()) && "NOUN".equals(t.pos()) && NOUN_MARKERS.contains(toks.get(k - 2).lower())) return false;
        if (Lexicon.OBJECT_CUES.contains(w)) return objectCue(toks, k);
        if (!Lexicon.SAY_VERBS.contains(w)) return false;
        // The tagger often calls "alleges" or "claims" a noun; subject detection decides instead. Adjectival
        // uses ("the stated goal") are ruled out because they have no subject before them.
        if ("ADJ".equals(t.pos()) && k + 1 < toks.size() && "NOUN".equals(toks.get(k + 1).pos())) return false;
        if (Lexicon.WEAK_CUES.contains(w)) {
            // "asked whether", "wrote that", "responded: ..." only; "asked for money" is not speech
            if (k + 1 >= toks.size()) return false;
            String nx = toks.get(k + 1).lower();
            if (!(nx.equals("that") || nx.equals(":") || nx.equals(",") || nx.equals("whether") || nx.equals("if")
                    || nx.equals(".") || isQuoteMark(nx) || nx.equals("in") && w.startsWith("wr")
                    || ASK_VERBS.contains(w) && askedQuestion(toks, k + 1, toks.size()) >= 0)) return false;
        }
        return true;
    }

    /**
     * "called him “a liar”", "accused X of Y", "described X as Y", "urged X to Y", "called for Z": the saying is in
     * the object, so the verb counts only with an object after it and a subject before it (not "a site called X").
     */
    private static boolean objectCue(List<Token> toks, int k) {
        if (k + 1 >= toks.size() || k == 0) return false;
        Token nx = toks.get(k + 1);
        if (nx.isPunct() && !isQuoteMark(nx.text())) return false;
        String prev = toks.get(k - 1).lower();
        if (prev.equals("so") || prev.equals("-") || prev.equals("so-") || prev.equals("a") || prev.equals("the")) return false;
        return !"ADJ".equals(toks.get(k).pos());
    }

    /** A comma right before the token, or a comma and then a closing mark: "…,” adding …". */
    private static boolean afterComma(List<Token> toks, int k, int floor) {
        if (k - 1 < floor) return false;
        if (toks.get(k - 1).text().equals(",")) return true;
        return k - 2 >= floor && isQuoteMark(toks.get(k - 1).text()) && toks.get(k - 2).text().equals(",");
    }

    private static boolean hasQuoteMark(List<Token> toks, int from, int to) {
        for (int i = from; i < to; i++) if (isQuoteMark(toks.get(i).text())) return true;
        return false;
    }

    private static final Set<String> CONTRACTIONS = Set.of("he", "she", "it", "that", "who", "there", "what", "here",
            "where", "let");

    /** "Editor's", "Trump’s": a possessive, unlike "he's" or "it’s". */
    private static boolean possessive(Token t) {
        String w = t.lower();
        if (!(w.endsWith("'s") || w.endsWith("’s")) || w.length() < 3) return false;
        return !CONTRACTIONS.contains(w.substring(0, w.length() - 2));
    }

    /** What follows a cue up to the sentence end is only a circumstance ("after the game on Sunday"), no clause. */
    private static boolean circumstanceOnly(List<Token> toks, int from, int sEnd) {
        if (sEnd - from > 12) return false;
        for (int i = from; i < sEnd; i++) {
            Token t = toks.get(i);
            if (t.lower().equals("that") || "VERB".equals(t.pos()) || "AUX".equals(t.pos()) || "PRON".equals(t.pos())
                    || isQuoteMark(t.text())) return false;
        }
        return true;
    }

    private static boolean isDash(String s) {
        return s.equals("—") || s.equals("--") || s.equals("–") || s.equals("―");
    }

    static boolean isQuoteMark(String s) {
        return s.equals("\"") || s.equals("“") || s.equals("”") || s.equals("«") || s.equals("»") || s.equals("''") || s.equals("``");
    }

    private static Span span(String body, List<Token> toks, int[] np) {
        return Span.of(body, toks.get(np[0]).start(), toks.get(np[1] - 1).end());
    }

    private static boolean hasCommaBetween(List<Token> toks, int from, int to) {
        for (int i = from; i < to; i++) if (toks.get(i).text().equals(",")) return true;
        return false;
    }

    private static int firstTokenAtOrAfter(List<Token> toks, int pos) {
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).start() >= pos) return i;
        return -1;
    }

    private static int lastTokenBefore(List<Token> toks, int pos) {
        for (int i = toks.size() - 1; i >= 0; i--) if (toks.get(i).end() <= pos) return i;
        return -1;
    }

    private static int sentenceStartToken(Para para, int k) {
        int s = para.sentenceOfToken()[k];
        int i = k;
        while (i > 0 && para.sentenceOfToken()[i - 1] == s) i--;
        return i;
    }

    private static int sentenceEndToken(Para para, int k) {
        int s = para.sentenceOfToken()[k];
        int i = k;
        int n = para.tokens().size();
        while (i < n && para.sentenceOfToken()[i] == s) i++;
        return i;
    }

    static Span sentenceAt(Para para, int pos) {
        for (Span s : para.sentences()) if (pos >= s.start() && pos < s.end()) return s;
        return para.sentences().isEmpty() ? para.span() : para.sentences().get(0);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
