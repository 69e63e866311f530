package dev.quoteline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The reader page at / in a real browser, against the running test server and its PostgreSQL. */
@QuarkusTest
class TimelinePageTest {

    @TestHTTPResource("/")
    URL root;

    Browser browser;

    @BeforeEach
    void start() {
        browser = Browser.open();
        TestData.ingestHarbourArticles();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void pickingASpeakerShowsTheirTimelineInDateOrderAndSurvivesReload() {
        browser.get(root.toString());
        WebElement filter = browser.waitFor("the speaker picker to fill",
                d -> d.findElements(By.cssSelector("#speaker-list a.speaker-option")).isEmpty() ? null
                        : d.findElement(By.id("speaker-filter")));
        List<Integer> counts = browser.all("#speaker-list a.speaker-option").stream()
                .map(a -> Integer.parseInt(a.getAttribute("data-count"))).toList();
        List<Integer> sorted = new ArrayList<>(counts);
        sorted.sort((a, b) -> b - a);
        assertEquals(sorted, counts, "speakers listed most quoted first");

        // keyboard: type part of the name, arrow down to the first match, Enter
        filter.sendKeys("stolten");
        browser.waitFor("the picker to narrow to Stoltenberg", d -> d.findElements(By.cssSelector("#speaker-list a.speaker-option")).size() == 1);
        filter.sendKeys(Keys.ARROW_DOWN);
        WebElement option = browser.driver.switchTo().activeElement();
        assertTrue(option.getText().contains("Jens Stoltenberg"), "arrow down focuses the first match: " + option.getText());
        option.sendKeys(Keys.ENTER);

        browser.waitFor("the speaker page heading", d -> "Jens Stoltenberg".equals(d.findElement(By.cssSelector("h1")).getText()));
        assertTrue(browser.driver.getCurrentUrl().contains("#/speaker/"), browser.driver.getCurrentUrl());
        browser.waitForTimeline();
        List<WebElement> statements = browser.all("ol.timeline li.entry[data-type='Statement']");
        assertFalse(statements.isEmpty(), "the speaker has statements on the page");
        for (WebElement st : statements) {
            assertEquals("Jens Stoltenberg", st.findElement(By.cssSelector(".speaker-name")).getText());
            assertTrue(st.findElement(By.cssSelector(".speaker-role")).getText().contains("NATO"), "role shown");
        }
        assertNonDecreasing(starts());
        String firstDate = browser.find("ol.timeline li.entry time").getText();
        assertTrue(firstDate.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}|week of .*|[A-Z][a-z]+ \\d{4}|\\d{4}|in the coming .*"),
                "a date written with its precision: " + firstDate);
        assertTrue(browser.pageText().contains("Tue 5 Apr 2022"), "a DAY is written as Tue 5 Apr 2022");
        String count = browser.waitFor("the speaker card", d -> d.findElement(By.cssSelector("[data-testid='speaker-count']"))).getText();
        int apiCount = TestData.graphql("{ speaker(name: \"Jens Stoltenberg\") { statementCount } }", Map.of())
                .getInt("data.speaker.statementCount");
        assertEquals(String.valueOf(apiCount), count, "statement count on the speaker card");

        // hash routing: reload and back keep working
        browser.driver.navigate().refresh();
        browser.waitFor("the speaker page after reload", d -> "Jens Stoltenberg".equals(d.findElement(By.cssSelector("h1")).getText()));
        browser.driver.navigate().back();
        browser.waitFor("the whole timeline after back", d -> "Timeline".equals(d.findElement(By.cssSelector("h1")).getText()));
    }

    @Test
    void searchShowsOnlyMatchingEntriesWithHighlights() {
        browser.get(root.toString());
        browser.waitForTimeline();
        WebElement search = browser.find("#f-search");
        search.sendKeys("atrocities", Keys.ENTER);
        browser.waitFor("the search to reach the address", d -> d.getCurrentUrl().contains("q=atrocities"));
        browser.waitForTimeline();
        List<WebElement> entries = browser.all("ol.timeline li.entry");
        int expected = TestData.timelineCount(Map.of("search", "atrocities"));
        assertTrue(expected > 0, "the seeds mention atrocities");
        assertEquals(expected, entries.size(), "exactly the matching entries: " + browser.pageText());
        for (WebElement entry : entries) {
            List<WebElement> marks = entry.findElements(By.cssSelector("mark"));
            assertFalse(marks.isEmpty(), "a highlight in " + entry.getText());
            for (WebElement mark : marks) {
                assertTrue(mark.getText().toLowerCase().startsWith("atrocit"), "highlighted word: " + mark.getText());
            }
            assertFalse(entry.getText().contains("<mark>"), "tags are not shown as text");
        }
        assertNonDecreasing(starts());

        // a search without results shows the empty state, not an empty page
        search = browser.find("#f-search");
        search.clear();
        search.sendKeys("zzqxjv", Keys.ENTER);
        browser.waitFor("the empty state", d -> d.getPageSource().contains("Nothing matches these filters."));
    }

    @Test
    void scrollingLoadsEveryPageInDateOrder() {
        int total = TestData.timelineCount(Map.of());
        assertTrue(total > 40, "more than two pages exist: " + total);
        browser.get(root.toString());
        browser.waitForTimeline();
        assertEquals(20, browser.all("ol.timeline li.entry").size(), "first page of 20");
        long started = System.currentTimeMillis();
        while (browser.all("ol.timeline li.entry").size() < total) {
            int before = browser.all("ol.timeline li.entry").size();
            browser.js("window.scrollTo(0, document.body.scrollHeight)");
            browser.waitFor("another page after scrolling past " + before,
                    d -> d.findElements(By.cssSelector("ol.timeline li.entry")).size() > before);
            browser.waitForTimeline();
            assertTrue(System.currentTimeMillis() - started < 40_000, "scrolling took too long");
        }
        assertEquals(total, browser.all("ol.timeline li.entry").size());
        browser.waitFor("the end note", d -> d.getPageSource().contains("End of the timeline."));
        List<String> ids = browser.all("ol.timeline li.entry").stream().map(e -> e.getAttribute("data-id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no entry twice");
        assertNonDecreasing(starts());
        assertTrue(browser.pageText().contains(TestData.SPEAKER), "the ingested articles are on the timeline");
    }

    @Test
    void articleViewHighlightsTheStatementAtItsOffsets() {
        browser.get(root + "#/speaker/" + TestData.speakerId(TestData.SPEAKER));
        browser.waitForTimeline();
        WebElement first = browser.find("ol.timeline li.entry[data-type='Statement']");
        String quote = first.findElement(By.cssSelector(".statement")).getText();
        // these articles have no url: the title links to the article view inside the page
        first.findElement(By.cssSelector("a.article-link")).click();
        WebElement mark = browser.waitFor("the highlighted statement", d -> d.findElement(By.cssSelector("mark.statement-highlight")));
        assertEquals(quote, mark.getText(), "the highlight covers exactly the statement");
        assertTrue(browser.find("h1").getText().startsWith("Brindale council weighs harbour plan"));
        browser.find(".breadcrumb a").click();
        browser.waitFor("back on the speaker page", d -> TestData.SPEAKER.equals(d.findElement(By.cssSelector("h1")).getText()));
    }

    @Test
    void screenshotsAtPhoneAndLaptopWidths() {
        String speaker = "#/speaker/" + TestData.speakerId("Jens Stoltenberg");
        for (var size : List.of(Browser.PHONE, Browser.LAPTOP)) {
            String w = String.valueOf(size.width);
            browser.resize(size);
            browser.get(root.toString());
            browser.waitForTimeline();
            browser.screenshot("timeline-" + w);
            assertNoHorizontalScroll(w + " timeline");
            browser.get(root + speaker);
            browser.waitForTimeline();
            browser.waitFor("the speaker card", d -> !d.findElements(By.cssSelector("[data-testid='speaker-count']")).isEmpty());
            browser.screenshot("speaker-" + w);
            assertNoHorizontalScroll(w + " speaker");
            browser.get(root + "#/?q=atrocities");
            browser.waitForTimeline();
            browser.screenshot("search-" + w);
            assertNoHorizontalScroll(w + " search");
            WebElement statement = browser.find("ol.timeline li.entry[data-type='Statement']");
            statement.findElements(By.cssSelector("a.context-link, a.article-link[href^='#/article/']")).get(0).click();
            browser.waitFor("the article view with its highlight",
                    d -> !d.findElements(By.cssSelector(".article__body mark.statement-highlight")).isEmpty());
            browser.screenshot("article-" + w);
            assertNoHorizontalScroll(w + " article");
        }
        assertTrue(Browser.SCREENSHOTS.resolve("timeline-360.png").toFile().length() > 10_000);
    }

    @Test
    void apiErrorsAreShownAsReadableMessages() {
        browser.get(root + "#/speaker/not-an-id");
        // the speaker card's message: the timeline below asks for the same ID and may fail first, until the card drops it
        WebElement alert = browser.waitFor("an error message", d -> d.findElements(By.cssSelector(".speaker-card .error[role='alert']"))
                .stream().findFirst().orElse(null));
        String text = alert.getText();
        assertTrue(text.contains("Could not load this speaker") && text.contains("not a Quoteline ID"), text);
        assertFalse(text.contains("Exception") || text.contains("java."), "no stack-trace language: " + text);
        assertTrue(browser.all("ol.timeline").isEmpty(), "no timeline for a speaker that does not exist");
        assertFalse(browser.find("#filters").isDisplayed(), "no filters either");
        // a date range with nothing in it is an empty state, not an error, and it is asked for once: an empty list
        // leaves the scroll sentinel in view, which must not fetch the same empty page again (and blank the message)
        browser.js("""
                window.timelineRequests = 0;
                const send = window.fetch;
                window.fetch = (url, init) => {
                  if (init && String(init.body).includes('timeline(')) window.timelineRequests += 1;
                  return send(url, init);
                };""");
        browser.get(root + "#/?from=2090-01-01");
        browser.waitForTimeline();
        WebElement empty = browser.waitFor("the empty state", d -> d.findElements(By.cssSelector(".timeline-feedback .empty"))
                .stream().findFirst().orElse(null));
        assertTrue(empty.getText().contains("Nothing matches these filters."), empty.getText());
        browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 500)));""");
        assertEquals(1L, ((Number) browser.js("return window.timelineRequests")).longValue(), "timeline requests for an empty page");
        assertEquals(1, browser.all(".timeline-feedback .empty").size(), "the empty state stays");
    }

    @Test
    @SuppressWarnings("unchecked")
    void datesAreWrittenWithTheirPrecisionAndSnippetsKeepOnlyMarkTags() {
        browser.get(root.toString());
        browser.waitForTimeline();
        Map<String, Object> out = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./js/format.js').then(f => {
                  const w = (start, end, precision) => f.formatWhen({ start, end, precision });
                  done({
                    day: w('2022-04-05', '2022-04-05', 'DAY'),
                    days: w('2023-03-08', '2023-03-09', 'DAY'),
                    week: w('2023-03-06', '2023-03-12', 'WEEK'),
                    month: w('2023-02-01', '2023-02-28', 'MONTH'),
                    year: w('2014-01-01', '2014-12-31', 'YEAR'),
                    coming: w('2023-03-08', null, 'DAYS'),
                    undated: f.formatWhen(null),
                    parts: JSON.stringify(f.snippetParts('a <b>x</b> <mark>hit</mark> <img src=x onerror=alert(1)></mark> z')),
                  });
                }).catch(e => done({ error: String(e) }));""");
        assertEquals("Tue 5 Apr 2022", out.get("day"), String.valueOf(out));
        assertEquals("Wed 8 – Thu 9 Mar 2023", out.get("days"));
        assertEquals("week of 6 Mar 2023", out.get("week"));
        assertEquals("February 2023", out.get("month"));
        assertEquals("2014", out.get("year"));
        assertEquals("in the coming days (from 8 Mar 2023)", out.get("coming"));
        assertEquals("Undated", out.get("undated"));
        assertEquals("[{\"text\":\"a <b>x</b> \",\"mark\":false},{\"text\":\"hit\",\"mark\":true},"
                + "{\"text\":\" <img src=x onerror=alert(1)>\",\"mark\":false},{\"text\":\" z\",\"mark\":false}]",
                out.get("parts"), "everything but <mark> stays text");
        // and on the page no API text became markup: entries hold only the elements the page makes
        Number foreign = (Number) browser.js("return document.querySelectorAll('ol.timeline b, ol.timeline img, ol.timeline script').length");
        assertEquals(0, foreign.intValue());
    }

    private void assertNoHorizontalScroll(String where) {
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, where + " overflows sideways by " + overflow + " px");
    }

    /** Each entry's place in time as the page states it: start day, then precision rank (narrower first). */
    private List<String> starts() {
        return timeKeys(browser);
    }

    static List<String> timeKeys(Browser browser) {
        return browser.all("ol.timeline li.entry").stream()
                .map(e -> e.getAttribute("data-start") + "|" + e.getAttribute("data-rank")).toList();
    }

    static void assertNonDecreasing(List<String> keys) {
        assertFalse(keys.isEmpty(), "no entries");
        for (int i = 0; i < keys.size(); i++) {
            assertTrue(keys.get(i).matches("\\d{4}-\\d{2}-\\d{2}\\|\\d"), "entry " + i + " has a date: " + keys.get(i));
            assertTrue(i == 0 || keys.get(i - 1).compareTo(keys.get(i)) <= 0,
                    "entries out of time order at " + i + ": " + (i == 0 ? "" : keys.get(i - 1)) + " then " + keys.get(i) + " in " + keys);
        }
    }
}
