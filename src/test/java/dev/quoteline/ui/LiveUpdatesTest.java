package dev.quoteline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** New statements reach an open page through the statementAdded subscription, without a reload. */
@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void ingestedStatementAppearsOnTheOpenTimeline() {
        assumeTrue(TestData.subscriptionFields().contains("statementAdded"),
                "Live test skipped: the server has no statementAdded subscription yet");
        try (Browser browser = Browser.open()) {
            browser.get(root.toString());
            browser.waitForTimeline();
            browser.waitFor("the live connection", d -> "live".equals(
                    d.findElement(By.cssSelector(".live-status")).getAttribute("data-state")));
            browser.js("window.__notReloaded = true");
            String before = browser.find(".timeline-summary").getText();

            String nonce = "gull" + Long.toString(System.nanoTime(), 36);
            TestData.ingest("Brindale opens the new ferry pier", "2019-06-04",
                    "Brindale opens the new ferry pier\n"
                            + "Mayor Ines Vold said on Tuesday that the ferry pier would open in June.\n"
                            + "“The pier will carry the " + nonce + " ferries from next spring,” Vold told reporters.\n");

            WebElement added = browser.waitFor("the new statement on the page",
                    d -> d.findElements(By.cssSelector("ol.timeline li.entry--new")).stream()
                            .filter(e -> e.getText().contains(nonce)).findFirst().orElse(null));
            assertEquals(Boolean.TRUE, browser.js("return window.__notReloaded === true"), "the page was not reloaded");
            assertTrue(added.getText().contains("Ines Vold"), added.getText());
            assertTrue(added.findElement(By.cssSelector(".speaker-name")).getAttribute("href").contains("#/speaker/"));
            browser.waitFor("the count to go up from '" + before + "'",
                    d -> !d.findElement(By.cssSelector(".timeline-summary")).getText().equals(before));
            // placed by date among the loaded entries (2019 sorts before the 2022 seeds on the first page)
            TimelinePageTest.assertNonDecreasing(TimelinePageTest.timeKeys(browser));
            // the picker picks up the new speaker, and the announcement's button brings the entry into view
            browser.waitFor("the new speaker in the picker", d -> d.findElement(By.id("speaker-list")).getText().contains("Ines Vold"));
            browser.waitFor("the announcement's Show button", d -> d.findElements(By.cssSelector(".live-status button"))
                    .stream().findFirst().orElse(null)).click();
            browser.waitFor("focus on the new entry", d -> added.equals(d.switchTo().activeElement()));
            browser.screenshot("live-" + Browser.LAPTOP.width);
        }
    }
}
