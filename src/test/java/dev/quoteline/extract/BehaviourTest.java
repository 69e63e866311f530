package dev.quoteline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.extract.time.PublicationTime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One short invented passage per behaviour. */
class BehaviourTest {
    static ArticleAnalyzer analyzer;
    static final PublicationTime DAY = PublicationTime.ofDate(LocalDate.of(2024, 5, 15));

    @BeforeAll
    static void setUp() {
        analyzer = new ArticleAnalyzer();
    }

    static ArticleAnalysis run(String body) {
        return analyzer.analyze(new RawArticle(body, "Test title", "Test", null, DAY));
    }

    static ExtractedStatement containing(ArticleAnalysis a, String words) {
        return a.statements().stream().filter(s -> s.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with '" + words + "' in " + a.statements()));
    }

    static String speaker(ArticleAnalysis a, ExtractedStatement s) {
        return s.speakerIndex() < 0 ? null : a.speakers().get(s.speakerIndex()).name();
    }

    @Test
    void quoteThenCue() {
        String body = "Mayor Linda Okafor spoke on Monday.\n“We will rebuild the bridge before winter,” she said.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "rebuild the bridge");
        assertEquals(StatementKind.DIRECT, s.kind());
        assertEquals("“We will rebuild the bridge before winter,”", s.text());
        assertEquals("she", s.speakerMention().text());
        assertEquals("said", s.cue().text());
        assertEquals("Linda Okafor", speaker(a, s));
    }

    @Test
    void cueThenQuoteWithColon() {
        ArticleAnalysis a = run("Governor Paul Mendez did not hold back. He said: “This budget is a disgrace to the state.”");
        ExtractedStatement s = containing(a, "budget is a disgrace");
        assertEquals(StatementKind.DIRECT, s.kind());
        assertEquals("Paul Mendez", speaker(a, s));
    }

    @Test
    void invertedCueBeforeQuote() {
        ArticleAnalysis a = run("The vote was close. said Councillor Ana Ruiz, “Nobody expected the council to split like this.”");
        ExtractedStatement s = containing(a, "Nobody expected");
        assertEquals("Ana Ruiz", speaker(a, s));
    }

    @Test
    void saidSpeakerAfterQuote() {
        ArticleAnalysis a = run("“The data show a clear decline in arrests,” said Chief Inspector Mark Bell of the city police.");
        ExtractedStatement s = containing(a, "clear decline");
        assertEquals("Mark Bell", speaker(a, s));
    }

    @Test
    void splitQuoteKeepsSpeaker() {
        ArticleAnalysis a = run("“We are not giving up on this plant,” Sarah Lindqvist said. “The workers deserve better than closure.”");
        ExtractedStatement first = containing(a, "giving up");
        ExtractedStatement second = containing(a, "workers deserve");
        assertEquals("Sarah Lindqvist", speaker(a, first));
        assertEquals("Sarah Lindqvist", speaker(a, second));
    }

    @Test
    void quoteOverSeveralParagraphsIsOneStatement() {
        String body = "Union leader Tom Becker addressed the crowd.\n"
                + "“We came here to be heard. We will stay until we are heard.\n"
                + "“And when they listen, we will go back to work,” Becker said.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "We came here");
        assertTrue(s.text().endsWith("go back to work,”"), s.text());
        assertEquals("Tom Becker", speaker(a, s));
        assertEquals(1, a.statements().stream().filter(x -> x.text().contains("go back")).count());
    }

    @Test
    void cuelessQuoteParagraphContinuesPreviousSpeaker() {
        String body = "“Prices have stopped rising,” central bank governor Eva Marsh said.\n"
                + "“We expect inflation to fall below three per cent by the end of the year.”";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "inflation to fall");
        assertNull(s.speakerMention());
        assertEquals("Eva Marsh", speaker(a, s));
    }

    @Test
    void nestedSingleQuotesAndMixedClosings() {
        String body = "“They told us ‘wait another week’ and then nothing happened at all\" said resident Joan Pike.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "wait another week");
        assertTrue(s.text().endsWith("at all\""), s.text());
        assertEquals("Joan Pike", speaker(a, s));
    }

    @Test
    void reportedSpeechLayouts() {
        String body = "Finance Minister Karl Weber said the deficit would shrink next year.\n"
                + "The bank will cut rates in June, Weber told reporters.\n"
                + "Weber added that pensions would not be touched.\n"
                + "According to Weber, the tax on fuel will stay.\n"
                + "Wages will rise faster than prices, according to the minister.";
        ArticleAnalysis a = run(body);
        for (String w : List.of("deficit would shrink", "cut rates in June", "pensions would not", "tax on fuel", "Wages will rise")) {
            assertEquals("Karl Weber", speaker(a, containing(a, w)), w);
        }
        assertEquals("the deficit would shrink next year", containing(a, "deficit").text());
        assertEquals("The bank will cut rates in June", containing(a, "cut rates").text());
        assertEquals(StatementKind.INDIRECT, containing(a, "deficit").kind());
    }

    @Test
    void relativeClauseAndChain() {
        String body = "Maria Lopez, who leads the nurses’ union, said the hospital was short of staff, adding that two wards had closed.";
        ArticleAnalysis a = run(body);
        ExtractedStatement first = containing(a, "short of staff");
        ExtractedStatement second = containing(a, "two wards had closed");
        assertTrue(first != second);
        assertEquals("Maria Lopez", speaker(a, first));
        assertEquals("Maria Lopez", speaker(a, second));
        assertTrue(!first.text().contains("adding"), first.text());
    }

    @Test
    void otherVerbsOfSaying() {
        String body = "Senator Ruth Adler warned the bill would fail.\nAdler insisted the votes were not there.\n"
                + "Adler denied that she had met the lobbyists.";
        ArticleAnalysis a = run(body);
        assertEquals("warned", containing(a, "bill would fail").cue().text());
        assertEquals("insisted", containing(a, "votes were not there").cue().text());
        assertEquals("denied", containing(a, "met the lobbyists").cue().text());
    }

    @Test
    void beliefsAndWishesAreNotStatements() {
        String body = "Senator Ruth Adler believes the bill will fail. Adler wants the vote delayed. She thinks the leaders are wrong.";
        assertTrue(run(body).statements().isEmpty());
    }

    @Test
    void pronounAndDescriptionResolution() {
        String body = "Foreign Minister Helga Brandt met her counterparts on Tuesday.\n"
                + "Brandt said the talks had been useful.\n"
                + "She added that a deal was close.\n"
                + "The sanctions will stay in place, the foreign minister said.";
        ArticleAnalysis a = run(body);
        assertEquals("Helga Brandt", speaker(a, containing(a, "deal was close")));
        ExtractedStatement d = containing(a, "sanctions will stay");
        assertEquals("Helga Brandt", speaker(a, d));
        ExtractedSpeaker s = a.speakers().get(d.speakerIndex());
        assertTrue(s.aliases().contains("the foreign minister"), s.aliases().toString());
        assertEquals(1, a.speakers().size(), a.speakers().toString());
    }

    @Test
    void unmatchedDescriptionStaysADescribedSpeaker() {
        ArticleAnalysis a = run("The factory will close in March, a company spokesman said.");
        ExtractedStatement s = containing(a, "factory will close");
        assertEquals("company spokesman", speaker(a, s));
    }

    @Test
    void organisationsAndGroups() {
        String body = "The Kremlin said the talks were over.\nFrance announced it would send more aid.\n"
                + "The ceasefire had collapsed overnight, officials said.";
        ArticleAnalysis a = run(body);
        ExtractedStatement k = containing(a, "talks were over");
        assertEquals(SpeakerKind.ORGANIZATION, a.speakers().get(k.speakerIndex()).kind());
        ExtractedStatement f = containing(a, "send more aid");
        assertEquals(SpeakerKind.ORGANIZATION, a.speakers().get(f.speakerIndex()).kind());
        ExtractedStatement o = containing(a, "ceasefire had collapsed");
        assertEquals(SpeakerKind.GROUP, a.speakers().get(o.speakerIndex()).kind());
    }

    @Test
    void scareQuotesAreNotStatementsButMakeMixed() {
        String body = "Critics called the plan a “giveaway” on Monday.\n"
                + "The “reform” passed the council by one vote after a “long night” of talks.\n"
                + "Councillor Ben Ortiz said the deal was a “sweetheart arrangement” for developers.";
        ArticleAnalysis a = run(body);
        assertTrue(a.statements().stream().noneMatch(s -> s.text().equals("“giveaway”") || s.text().contains("reform")));
        ExtractedStatement m = containing(a, "sweetheart arrangement");
        assertEquals(StatementKind.MIXED, m.kind());
        // "called X “Y”" says something about X (PolNeAR counts it as speech): the object with its quote is the content
        ExtractedStatement called = containing(a, "the plan a “giveaway”");
        assertEquals(StatementKind.MIXED, called.kind());
        assertEquals("Critics", called.speakerMention().text());
        assertEquals(2, a.statements().size(), a.statements().toString());
    }

    @Test
    void repeatedParagraphGivesOneStatement() {
        String body = "Minister Joe Park said the border would reopen on Friday.\n"
                + "Minister Joe Park said the border would reopen on Friday.\n"
                + "Trucks have queued for days.";
        ArticleAnalysis a = run(body);
        assertEquals(1, a.statements().size());
        assertEquals(3, a.paragraphs().size());
    }

    @Test
    void boilerplateLinesAreDropped() {
        String body = "Storm hits coast – Local | Examplenews.com\nThe storm hit at dawn, police said.\nRead more:\n"
                + "Ten things to know about storms\nSign up for our daily newsletter\nWinds reached 120 km/h.";
        ArticleAnalysis a = analyzer.analyze(RawArticle.ofBody(body));
        assertEquals("Storm hits coast", a.title());
        assertEquals("Local", a.section());
        assertEquals("Examplenews.com", a.publisher());
        List<String> dropped = a.boilerplate().stream().map(Span::text).toList();
        assertTrue(dropped.containsAll(List.of("Read more:", "Ten things to know about storms", "Sign up for our daily newsletter")), dropped.toString());
        assertEquals(2, a.paragraphs().size(), a.paragraphs().toString());
    }

    @Test
    void statementsAreDatedWithTheArticleDay() {
        ArticleAnalysis a = run("The plant will close, the company said.");
        assertEquals(LocalDate.of(2024, 5, 15), a.statements().get(0).saidOn().start());
        assertNull(a.statements().get(0).saidOn().expression());
        ArticleAnalysis undated = analyzer.analyze(RawArticle.ofBody("The plant will close, the company said."));
        assertNull(undated.statements().get(0).saidOn());
        assertNull(undated.publishedAt());
    }

    @Test
    void offsetsAreExactWithAstralCharacters() {
        String body = "🚀🚀 Launch day\n“The rocket 🚀 is ready to fly tomorrow,” engineer Priya Nair said.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "rocket");
        assertEquals(s.text(), body.substring(s.content().start(), s.content().end()));
        assertEquals("Priya Nair", body.substring(s.speakerMention().start(), s.speakerMention().end()).replace("engineer ", ""));
        assertNotNull(s.sentence());
    }

    @Test
    void cueClauseDatesTheStatement() {
        String body = "Last month, the health ministry said the clinics would reopen.\n"
                + "The budget is balanced, Treasurer Amy Cole said last week.\n"
                + "Cole said the surplus would go to schools.";
        ArticleAnalysis a = run(body); // published Wednesday 2024-05-15
        assertEquals("2024-04", containing(a, "clinics would reopen").saidOn().value());
        assertEquals("2024-W19", containing(a, "budget is balanced").saidOn().value());
        assertEquals("2024-05-15", containing(a, "surplus").saidOn().value());
    }

    @Test
    void eventsComeFromTheTimeStage() {
        String body = "Foreign ministers will meet on Thursday in Brussels to discuss aid, diplomat Jan Novak said.";
        ArticleAnalysis a = run(body);
        assertTrue(a.events().stream().anyMatch(e -> e.when().start().equals(LocalDate.of(2024, 5, 16))), a.events().toString());
    }

    @Test
    void splitQuoteIsOneStatementSpanningItsAttribution() {
        String body = "“The dam will hold through the spring,” said Lena Morrow, an engineer with the county. "
                + "“After that, nobody can promise anything.”";
        ArticleAnalysis a = run(body);
        assertEquals(1, a.statements().size(), a.statements().toString());
        ExtractedStatement s = a.statements().get(0);
        assertEquals(0, s.content().start());
        assertEquals(body.length(), s.content().end());
        assertEquals("Lena Morrow", speaker(a, s));
    }

    @Test
    void attributionRunningIntoAParticipleClauseSeparatesTheQuotes() {
        String body = "“Prices will fall,” the bank governor said, referring to the summer. “Then they will rise again.”";
        ArticleAnalysis a = run(body);
        assertEquals(2, a.statements().size(), a.statements().toString());
        assertEquals(speaker(a, a.statements().get(0)), speaker(a, a.statements().get(1)));
    }

    @Test
    void reportedContentKeepsItsComplementiser() {
        ArticleAnalysis a = run("The mayor said that the bridge would reopen in May.");
        assertEquals("that the bridge would reopen in May", a.statements().get(0).text());
    }

    @Test
    void parentheticalAttributionSpansTheSentence() {
        String body = "In any case, Mr. Alder said, the port was never built for ships that size.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "never built");
        assertTrue(s.text().startsWith("In any case"), s.text());
        assertEquals("Alder", speaker(a, s).replaceAll(".* ", ""));
    }

    @Test
    void objectCuesCarryTheStatementInTheirObject() {
        String body = "Senator Ruth Calder accused the agency of hiding the report.\n"
                + "She called for an independent inquiry into the spending.\n"
                + "A website called Daily Ledger ran the story first.";
        ArticleAnalysis a = run(body);
        assertEquals("the agency of hiding the report", containing(a, "hiding").text());
        assertEquals("an independent inquiry into the spending", containing(a, "inquiry").text());
        assertEquals("Ruth Calder", speaker(a, containing(a, "inquiry")));
        assertEquals(2, a.statements().size(), a.statements().toString());
    }

    @Test
    void quoteAfterAnAppositionedSpeaker() {
        String body = "“We ran out of beds by noon,” Omar Salt, 58, the hospital's chief nurse, told reporters.";
        ArticleAnalysis a = run(body);
        assertEquals("Omar Salt", speaker(a, containing(a, "beds")));
    }

    @Test
    void statementIntroducedByTheParagraphBefore() {
        String body = "In response to the flooding, Governor Ada Brill issued the following statement:\n"
                + "“Our thoughts are with every family who lost a home tonight.”";
        ArticleAnalysis a = run(body);
        assertEquals("Ada Brill", speaker(a, containing(a, "every family")));
    }

    @Test
    void aFullStopInsideTheMarksEndsTheQuotedSentence() {
        String body = "Rick Vale said the league “has gone soft.” He says referees stop the game for nothing.";
        ArticleAnalysis a = run(body);
        ExtractedStatement s = containing(a, "referees stop");
        assertEquals("referees stop the game for nothing", s.text());
    }

    @Test
    void chainedSayingBeforeAQuoteTakesTheClauseSubject() {
        String body = "Dana Whitfield stepped up her attacks on the plan, saying, “This is a tax on the poor.”";
        ArticleAnalysis a = run(body);
        assertEquals("Dana Whitfield", speaker(a, containing(a, "tax on the poor")));
    }

    @Test
    void shortReplyAttributedAtOnce() {
        ArticleAnalysis a = run("Councillor Maria Benn was asked if the depot would close.\n“Never,” she said.");
        ExtractedStatement s = containing(a, "Never");
        assertEquals(StatementKind.DIRECT, s.kind());
        assertEquals("Maria Benn", speaker(a, s));
    }

    @Test
    void relativeClauseSpeaksForItsAntecedent() {
        ArticleAnalysis a = run("The harbour will be dredged next year, according to the port authority. "
                + "The plan drew praise from Tomas Varga, who said the work was long overdue.");
        ExtractedStatement s = containing(a, "long overdue");
        assertEquals("who", s.speakerMention().text());
        assertEquals("Tomas Varga", speaker(a, s));
    }

    @Test
    void secondVerbOfTheSameSubject() {
        ArticleAnalysis a = run("Mayor Lena Ortiz thanked the road crews and said the bridge would reopen on Friday.");
        ExtractedStatement s = containing(a, "bridge would reopen");
        assertEquals("Lena Ortiz", speaker(a, s));
    }

    @Test
    void chainedCueAfterAFrontedPhrase() {
        ArticleAnalysis a = run("In a speech at the harbour on Monday, Governor Ravi Menon struck a hopeful tone, "
                + "saying the fleet would be rebuilt within two years.");
        ExtractedStatement s = containing(a, "fleet would be rebuilt");
        assertEquals("Ravi Menon", speaker(a, s));
    }

    @Test
    void askedWhether() {
        ArticleAnalysis a = run("At the briefing, reporter Dana Holt asked the minister whether the tax would rise.");
        ExtractedStatement s = containing(a, "tax would rise");
        assertTrue(s.text().startsWith("whether"), s.text());
        assertEquals("Dana Holt", speaker(a, s));
    }

    @Test
    void quoteInsideAReportedSentenceIsNotASplitQuote() {
        ArticleAnalysis a = run("''The levy is fair,'' Mr. Oduya said. He added that the old rules were ''a mess from the start.''");
        ExtractedStatement first = containing(a, "levy is fair");
        assertTrue(!first.text().contains("mess"), first.text());
        ExtractedStatement second = containing(a, "a mess from the start");
        assertTrue(second.text().startsWith("that the old rules"), second.text());
    }

    @Test
    void accordingToInTheMiddleOfASentence() {
        ArticleAnalysis a = run("The new stadium, according to a recently published city audit, will cost twice the estimate.");
        ExtractedStatement s = containing(a, "twice the estimate");
        assertTrue(s.text().startsWith("The new stadium"), s.text());
        assertEquals("according to", s.cue().text());
        assertTrue(s.speakerMention().text().contains("audit"), s.speakerMention().text());
    }

    @Test
    void quoteInASentenceWithoutCueBelongsToItsSubject() {
        ArticleAnalysis a = run("Senator Hugo Brandt spoke first. Later, Mayor Ines Kalla praised the plan's "
                + "\"careful attention to the needs of small towns.\"");
        ExtractedStatement s = containing(a, "careful attention");
        assertEquals("Ines Kalla", speaker(a, s));
    }

    @Test
    void transcriptColon() {
        ArticleAnalysis a = run("The exchange went on.\nCouncillor Petra Lind: “We have asked for this report three times.”");
        ExtractedStatement s = containing(a, "asked for this report");
        assertEquals("Petra Lind", speaker(a, s));
    }

    @Test
    void asXSaid() {
        ArticleAnalysis a = run("As Treasurer Olga Marsh said, the county has no money left for new roads.");
        ExtractedStatement s = containing(a, "no money left");
        assertTrue(s.text().startsWith("the county"), s.text());
        assertEquals("Olga Marsh", speaker(a, s));
    }

    @Test
    void attributionAfterQuoteEndingMidSentence() {
        ArticleAnalysis a = run("Councillor Nadia Brandt spoke at length.\n"
                + "Her party will \u201cnever again sign a budget written behind closed doors\u201d in the chamber, she said.");
        ExtractedStatement s = containing(a, "behind closed doors");
        assertNotNull(s.cue());
        assertEquals("said", s.cue().text());
        assertEquals("Nadia Brandt", speaker(a, s));
    }

    @Test
    void quoteWithoutCueGoesToTheDescribedSubjectNotTheLastSpeaker() {
        ArticleAnalysis a = run("\u201cThe harbour must stay open all year,\u201d said Mayor Ivo Petrak.\n"
                + "The retired shipbuilder praised the plan as \u201ca real chance for every family on the coast\u201d after the meeting.");
        ExtractedStatement s = containing(a, "a real chance for every family");
        assertNotNull(s.speakerMention());
        assertEquals("The retired shipbuilder", s.speakerMention().text());
        assertTrue(!"Ivo Petrak".equals(speaker(a, s)), String.valueOf(speaker(a, s)));
    }

    @Test
    void dashBylineAfterQuoteNamesTheSpeaker() {
        ArticleAnalysis a = run("Readers sent us their views on the new tram line.\n"
                + "\u201cIt takes me twenty minutes less to reach the hospital every morning.\u201d \u2015 Marta Lindgren\n"
                + "\u201cThe stops are too far apart for older riders like my father.\u201d\u2014 Osman Keller.");
        assertEquals("Marta Lindgren", speaker(a, containing(a, "twenty minutes less")));
        assertEquals("Osman Keller", speaker(a, containing(a, "stops are too far apart")));
    }

    @Test
    void secondSpeakerAfterSemicolonStartsItsOwnStatement() {
        ArticleAnalysis a = run("A city survey was published on Friday.\n"
                + "Most residents said the buses were late too often; 31 percent of Republicans said the lanes felt unsafe.");
        ExtractedStatement first = containing(a, "buses were late");
        assertTrue(!first.text().contains("lanes felt unsafe"), first.text());
    }

    @Test
    void andSaidStartsASecondStatement() {
        ArticleAnalysis a = run("Deputy Mayor Rosa Quint told reporters the dam had held and said the city would "
                + "repay every family for its losses.");
        ExtractedStatement s = containing(a, "the dam had held");
        assertTrue(!s.text().contains("repay"), s.text());
    }

    @Test
    void pollShareAsSubject() {
        ArticleAnalysis a = run("The county asked drivers about the new toll.\n"
                + "Nearly one in five said they would take the train instead.");
        ExtractedStatement s = containing(a, "take the train instead");
        assertNotNull(s.speakerMention());
        assertEquals("Nearly one in five", s.speakerMention().text());
    }

    @Test
    void chainedCallingSpeaksForTheClauseSubject() {
        ArticleAnalysis a = run("The debate turned sour on Tuesday.\n"
                + "Councillor Ines Varga went after the treasurer, calling him \u201ca walking deficit.\u201d");
        ExtractedStatement s = containing(a, "a walking deficit");
        assertEquals("Ines Varga", speaker(a, s));
        assertTrue(s.text().startsWith("him"), s.text());
    }

    @Test
    void quoteUnderSubjectWithoutSayingVerbSpansFromTheVerb() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Petra Hollis praised the dock workers for their \u201cquiet and stubborn courage\u201d during the storm.");
        ExtractedStatement s = containing(a, "stubborn courage");
        assertTrue(s.text().startsWith("the dock workers"), s.text());
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void threeWordQuoteUnderNamedSubject() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Petra Hollis dismissed the audit as \u201can expensive distraction\u201d from the repairs.");
        ExtractedStatement s = containing(a, "expensive distraction");
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void twoWordQuoteOnlyUnderANamedSubject() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Hollis branded the new cranes \u201ctotally useless\u201d in front of the crews.\n"
                + "The cranes were sold as \u201cstate-of-the-art machines\u201d last spring.");
        ExtractedStatement s = containing(a, "totally useless");
        assertEquals("Hollis", s.speakerMention().text());
        assertTrue(a.statements().stream().noneMatch(x -> x.text().contains("state-of-the-art")), a.statements().toString());
    }

    @Test
    void doubledApostrophesAndATitleAfterTheClosingMark() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "''We cannot keep patching the old cranes,'' Mrs. Hollis said. ''They have to go.''");
        ExtractedStatement s = containing(a, "patching the old cranes");
        assertEquals("Hollis", speaker(a, s).replace("Mrs. ", ""));
        assertEquals("said", s.cue().text());
    }

    @Test
    void middleInitialDoesNotEndTheSentence() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Board chairman Walter J. Pryce said the cranes would be replaced by spring.");
        ExtractedStatement s = containing(a, "cranes would be replaced");
        assertEquals("Walter J. Pryce", s.speakerMention().text().replace("Board chairman ", ""));
    }

    @Test
    void bareAttributionAfterAFullStopInsideTheMarks() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "\u201cThe cranes are older than most of the crews.\u201d Petra Hollis said in a statement.");
        ExtractedStatement s = containing(a, "older than most");
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void secondHalfOnTheSameCueIsOneSplitQuote() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "\u201cThe cranes are old,\u201d she said, \u201cbut they still lift more than the new ones.\u201d");
        ExtractedStatement s = containing(a, "cranes are old");
        assertTrue(s.text().endsWith("the new ones.\u201d"), s.text());
        assertEquals(1, a.statements().size(), a.statements().toString());
    }

    @Test
    void chainedCueSpeaksForTheCueBeforeIt() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Hours later, Petra Hollis returned the favour, telling reporters, \u201cThe board did its job well.\u201d");
        ExtractedStatement s = containing(a, "did its job well");
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void theListenerOfToldIsNotTheSpeaker() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Board member Ivo Marsh, who told the council when asked last week: \u201cWe will not sell the docks to anyone.\u201d");
        ExtractedStatement s = containing(a, "sell the docks");
        assertTrue(!"council".equalsIgnoreCase(String.valueOf(speaker(a, s))), String.valueOf(speaker(a, s)));
    }

    @Test
    void titlesInQuotesAreNotStatements() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Hollis later appeared on \u201cMorning Harbour With Tom Reyes\u201d to discuss the cranes.");
        assertTrue(a.statements().stream().noneMatch(x -> x.text().contains("Morning Harbour")), a.statements().toString());
    }

    @Test
    void lessCommonVerbsOfSayingAfterAQuote() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "\u201cThe cranes have failed the docks,\u201d Petra Hollis lamented.\n"
                + "\u201cGo back to your office,\u201d Ivo Marsh barked.");
        assertEquals("Petra Hollis", speaker(a, containing(a, "failed the docks")));
        assertEquals("Ivo Marsh", speaker(a, containing(a, "back to your office")));
    }

    @Test
    void speakerPhraseThePhraseParserCannotReadIsStillTheSpeaker() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "\u201cThe facts have not changed,\u201d a spokesman for committee members said.");
        ExtractedStatement s = containing(a, "facts have not changed");
        assertEquals("a spokesman for committee members", s.speakerMention().text());
    }

    @Test
    void shortQuoteUnderAPersonalSubjectSpansFromTheVerb() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Petra Hollis later defended her remarks as \u201csarcastic.\u201d\n"
                + "The new cranes were described in the brochure as \u201cefficient.\u201d");
        ExtractedStatement s = containing(a, "sarcastic");
        assertTrue(s.text().startsWith("her remarks"), s.text());
        assertEquals("Petra Hollis", speaker(a, s));
        assertTrue(a.statements().stream().noneMatch(x -> x.text().contains("efficient")), a.statements().toString());
    }

    @Test
    void madeAPointOfSayingSpeaksForTheSubject() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "And Petra Hollis made a point of saying the docks \u201cwere never safer than today.\u201d");
        ExtractedStatement s = containing(a, "never safer");
        assertTrue(s.text().startsWith("the docks"), s.text());
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void nameWithSeveralAppositionsBeforeTheCue() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Mara Quint, 63, a crane driver from Leeds, said she wanted the old cranes back.");
        ExtractedStatement s = containing(a, "wanted the old cranes");
        assertEquals("Mara Quint", speaker(a, s));
        assertTrue(s.text().startsWith("she wanted"), s.text());
    }

    @Test
    void quoteCompletingAClauseIsReadWithTheClause() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "The new cranes may be \u201ctoo clever by half,\u201d said Ivo Marsh, a docker.");
        ExtractedStatement s = containing(a, "too clever by half");
        assertTrue(s.text().startsWith("The new cranes"), s.text());
        assertEquals("Ivo Marsh", speaker(a, s));
    }

    @Test
    void answerAfterAQuestionBelongsToTheNextQuote() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "\u201cWould you sell the docks tomorrow?\u201d He answered, \u201cNot for any price, and not to anyone.\u201d");
        ExtractedStatement s = containing(a, "Not for any price");
        assertEquals("He", s.speakerMention().text());
        assertTrue(s.text().startsWith("\u201cNot for any price"), s.text());
    }

    @Test
    void asSomeonePutItAttributesTheQuote() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "As Petra Hollis put it, \u201cThe cranes are older than the crews.\u201d");
        assertEquals("Petra Hollis", speaker(a, containing(a, "older than the crews")));
    }

    @Test
    void fullNameBeforeAColonIntroducesTheQuote() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "The vote did not surprise dock historian Ivo Marsh: \u201cThe board always sides with the crane makers.\u201d");
        assertEquals("Ivo Marsh", speaker(a, containing(a, "sides with the crane makers")));
    }

    @Test
    void nameAfterTheCueAtTheEndIsTheSpeakerOfWhatCameBefore() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Even with new cranes, the port will lose money this year, said Dana Kroll, an analyst at Baltic Freight.");
        ExtractedStatement s = containing(a, "lose money");
        assertTrue(s.text().startsWith("Even with new cranes"), s.text());
        assertEquals("Dana Kroll", speaker(a, s));
    }

    @Test
    void nounsOfSayingAndAddingAreNotCues() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "The port added 2,000 jobs in May and the board's remarks were brief.\n"
                + "Editor's note: the cranes were built in 1974.");
        assertTrue(a.statements().isEmpty(), a.statements().toString());
    }

    @Test
    void quoteUnderASubjectRunsToTheEndOfItsClause() {
        ArticleAnalysis a = run("The harbour board met on Monday.\n"
                + "Petra Hollis is promising to \u201cscrap every old crane\u201d in the port by the end of the year.");
        ExtractedStatement s = containing(a, "scrap every old crane");
        assertTrue(s.text().endsWith("by the end of the year"), s.text());
        assertEquals("Petra Hollis", speaker(a, s));
    }

    @Test
    void frontedStatementBeforeACueWithACircumstanceAfterIt() {
        ArticleAnalysis a = run("Match report\nThe crews worked well, foreman Ivo Marsh said after the shift on Sunday.");
        ExtractedStatement s = containing(a, "crews worked well");
        assertEquals("Ivo Marsh", speaker(a, s));
    }
}
