package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * A person's journey in a real browser (headless Chromium), against the example on the fixed port that the real
 * Kratos's UI URLs point at: open {@code /dashboard}, land on the example's login page through Kratos, sign in with
 * the rendered form, arrive back at {@code /dashboard} with the email shown (a screenshot is kept in
 * {@code target/screenshots/<server>/dashboard.png}); sign out another session from the sessions page (Kratos then
 * refuses it); open the Jakarta Faces page {@code /account.xhtml} (behind a web.xml security constraint, so the
 * library's Jakarta Security mechanism) and see the email ({@code account.png}); sign out with its button, after
 * which {@code /account.xhtml} and {@code /dashboard} send the browser to the login again. The user is registered,
 * and the other session made, through Kratos's API.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class BrowserJourneyIT {

    private static final KratosTestClient KRATOS = new KratosTestClient();

    /** Only to wait for the deployment: the pages are where Kratos sends browsers, {@link ExampleDeployment#fixedPortApp()}. */
    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    @TargetsContainer("fixed-port")
    static WebArchive exampleWar() {
        return ExampleDeployment.war();
    }

    @Test
    void signInSignOutAnotherSessionAndLogOut() throws Exception {
        HeadlessChromium.requireInstalled();
        String app = ExampleDeployment.fixedPortApp().toString();
        KratosTestClient.Registered user = KRATOS.register();
        // Not among the server logs: chromedriver logs the cookies the test reads, and LogScanIT scans those logs.
        Path logs = Path.of("target", "browser-logs", TargetServer.current().name().toLowerCase(java.util.Locale.ROOT));
        ChromeDriver browser = HeadlessChromium.start(logs);
        try {
            browser.get(app + "dashboard");
            HeadlessChromium.await(() -> browser.getCurrentUrl().startsWith(app + "login?flow="),
                    () -> "the example's login page via Kratos, at " + browser.getCurrentUrl());
            assertThat(heading(browser)).as("the login page's heading").isEqualTo("Sign in");

            browser.findElement(By.name("identifier")).sendKeys(user.email());
            browser.findElement(By.name("password")).sendKeys(user.password());
            browser.findElement(By.cssSelector("button[name='method'][value='password']")).click();
            HeadlessChromium.await(() -> browser.getCurrentUrl().equals(app + "dashboard"),
                    () -> "back at the dashboard after signing in, at " + browser.getCurrentUrl());
            assertThat(heading(browser)).isEqualTo("Dashboard");
            assertThat(browser.findElement(By.tagName("main")).getText()).as("the dashboard shows the email")
                    .contains(user.email()).contains(user.identityId());
            assertThat(browser.findElement(By.tagName("header")).getText()).as("the header shows who is signed in")
                    .contains(user.email());
            Path screenshot = screenshot(browser, "dashboard.png");
            assertThat(Files.size(screenshot)).as("the dashboard screenshot %s", screenshot).isGreaterThan(10_000);
            Cookie session = browser.manage().getCookieNamed("ory_kratos_session");
            assertThat(session).as("the browser's Kratos session cookie").isNotNull();
            Secrets.remember(session.getValue());

            KratosTestClient.Login other = KRATOS.login(user);
            browser.get(app + "sessions");
            assertThat(heading(browser)).isEqualTo("Your sessions");
            browser.findElement(By.xpath("//form[input[@name='id' and @value='" + other.sessionId() + "']]//button")).click();
            HeadlessChromium.await(() -> browser.getCurrentUrl().equals(app + "sessions?done=revoked"),
                    () -> "the sessions page after signing the other session out, at " + browser.getCurrentUrl());
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("That session is signed out.");
            assertThat(browser.findElements(By.xpath("//input[@name='id' and @value='" + other.sessionId() + "']")))
                    .as("the other session is no longer listed").isEmpty();
            assertThat(KRATOS.whoamiStatus(other.sessionToken())).as("Kratos on the other session").isEqualTo(401);
            assertThat(KRATOS.whoamiStatus(httpCookie(session))).as("Kratos on the browser's session").isEqualTo(200);

            // The Jakarta Faces page behind web.xml's security constraint: the library's Jakarta Security mechanism.
            browser.get(app + "account.xhtml");
            assertThat(heading(browser)).as("the Faces page, signed in").isEqualTo("Your account");
            assertThat(browser.findElement(By.id("email")).getText()).as("the Faces page shows the email").isEqualTo(user.email());
            assertThat(browser.findElement(By.id("identity-id")).getText()).isEqualTo(user.identityId());
            screenshot(browser, "account.png");

            // Signing out from the Faces page's own button.
            browser.findElement(By.cssSelector("header form[action$='/logout'] button")).click();
            HeadlessChromium.await(() -> browser.getCurrentUrl().equals(app),
                    () -> "the start page after logging out, at " + browser.getCurrentUrl());
            assertThat(browser.findElement(By.tagName("header")).getText()).as("signed out").contains("Sign in");
            assertThat(KRATOS.whoamiStatus(httpCookie(session))).as("Kratos on the browser's session after the logout")
                    .isEqualTo(401);

            for (String page : new String[] {"account.xhtml", "dashboard"}) {
                browser.get(app + page);
                HeadlessChromium.await(() -> browser.getCurrentUrl().startsWith(app + "login?flow="),
                        () -> page + " sends the browser to the login page again, at " + browser.getCurrentUrl());
                assertThat(heading(browser)).as("after %s", page).isEqualTo("Sign in");
            }
        } finally {
            browser.quit();
        }
    }

    private static String heading(ChromeDriver browser) {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Keeps a page as the build's artifact: target/screenshots/{payara-micro,open-liberty}/&lt;name&gt;. */
    private static Path screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        Path file = dir.resolve(name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static java.net.HttpCookie httpCookie(Cookie cookie) {
        return new java.net.HttpCookie(cookie.getName(), cookie.getValue());
    }
}
