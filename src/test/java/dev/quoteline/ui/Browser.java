package dev.quoteline.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the system's chromedriver (Debian's chromium and chromium-driver packages):
 * nothing is downloaded. Tests call {@link #open()}, which skips the test with a JUnit assumption when either binary
 * is missing.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("quoteline.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("quoteline.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension PHONE = new Dimension(360, 780);
    static final Dimension LAPTOP = new Dimension(1280, 860);

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts a fresh headless browser at laptop width, or skips the calling test when none is installed. */
    static Browser open() {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                        + "(install them with: apt-get install -y chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("quoteline-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
                    "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, Duration.ofSeconds(20), condition);
    }

    <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.withMessage(() -> what + "; page text was:\n" + pageText() + "\nconsole:\n" + console());
        return wait.until(condition);
    }

    /**
     * Waits until the view drawn for the current address (a hash change is handled a moment after the address changes,
     * and until then the previous view is still there) has a timeline that finished its request.
     */
    void waitForTimeline() {
        waitFor("the timeline to finish loading", d -> {
            if (!Boolean.TRUE.equals(js("const v = document.getElementById('view'); return v.dataset.route === location.hash"))) {
                return false;
            }
            List<WebElement> lists = d.findElements(By.cssSelector("ol.timeline[aria-busy='false']"));
            return !lists.isEmpty() && d.findElements(By.cssSelector(".timeline-feedback .loading")).isEmpty();
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unavailable: " + e + ")";
        }
    }

    String console() {
        try {
            StringBuilder out = new StringBuilder();
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "(unavailable: " + e + ")";
        }
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves what the viewport shows as target/screenshots/{name}.png and returns the path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
