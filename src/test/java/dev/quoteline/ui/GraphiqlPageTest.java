package dev.quoteline.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The GraphiQL explorer served at /q/graphql-ui: type a query into its editor, run it, read the result pane. */
@QuarkusTest
class GraphiqlPageTest {

    @TestHTTPResource("/q/graphql-ui/")
    URL graphiql;

    @Test
    void typedQueryRunsAndItsResultShows() {
        try (Browser browser = Browser.open()) {
            browser.get(graphiql.toString());
            WebElement editor = browser.waitFor("the GraphiQL query editor",
                    d -> d.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror")).stream().findFirst().orElse(null));
            editor.click();
            // clear whatever the editor starts with, then type as a user would (the editor closes brackets and
            // quotes itself and types over them, so a balanced query typed left to right comes out unchanged)
            Keys mod = Keys.CONTROL;
            new Actions(browser.driver).keyDown(mod).sendKeys("a").keyUp(mod).sendKeys(Keys.DELETE).perform();
            new Actions(browser.driver)
                    .sendKeys("{ speaker(name: \"Stoltenberg\") { name statementCount } }")
                    .perform();
            String typed = (String) browser.js(
                    "return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()");
            assertTrue(typed.replaceAll("\\s+", " ").contains("speaker(name: \"Stoltenberg\") { name statementCount }"),
                    "the editor holds the typed query: " + typed);
            // run it with the toolbar button
            browser.find(".graphiql-execute-button").click();
            String result = browser.waitFor("the result pane to show the speaker", d -> {
                String text = (String) browser.js("var cm = document.querySelector('.result-window .CodeMirror');"
                        + "return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';");
                return text.contains("Jens Stoltenberg") ? text : null;
            });
            assertTrue(result.contains("\"statementCount\""), result);
            assertTrue(browser.find(".result-window").getText().contains("Jens Stoltenberg"),
                    "the result is visible in the pane, not only in the editor model");
            browser.screenshot("graphiql-" + Browser.LAPTOP.width);
        }
    }
}
