package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}). Both paths are given to Selenium, so its Selenium Manager never looks for, or downloads,
 * a browser or a driver. Every start gets a fresh profile; the browser makes no background connections of its own
 * (no sync, component updates, QUIC or first-run pages), and the tests only ever send it to 127.0.0.1.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /**
     * Selenium warns on every start that it has no DevTools (CDP) binding for this Chromium version; the tests use
     * WebDriver only, so the warning is noise. Kept here so the loggers (and their levels) are not collected.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private HeadlessChromium() {
    }

    /** Fails, never skips, when the browser or its driver is missing, saying what to install. */
    static void requireInstalled() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                fail("%s is missing: the browser end-to-end tests need Debian's Chromium and its driver. Install them "
                        + "with `apt-get install chromium chromium-driver` (.ci/run does), or name others with "
                        + "-Dchromium.binary=... -Dchromedriver.binary=...", binary);
            }
        }
    }

    /**
     * @param logDir where chromedriver's log goes
     * @return a running headless Chromium with a fresh profile; the caller quits it
     */
    static ChromeDriver start(Path logDir) throws IOException {
        requireInstalled();
        Files.createDirectories(logDir);
        Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--no-default-browser-check", "--window-size=1280,1100",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "profile-").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logDir.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Waits up to 30 seconds for a condition of the page.
     *
     * @param condition what must become true
     * @param what says what was awaited and what there was instead, for the failure
     */
    static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what.get());
            }
        }
    }
}
