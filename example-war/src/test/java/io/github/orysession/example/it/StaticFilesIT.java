package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * A static file behind a web.xml {@code <security-constraint>}, served by the container's default servlet, guarded by
 * the library's Jakarta Security mechanism alone (the variant has no JAX-RS application, so no filter of the library
 * sees the request): the file for a session token or the browser's cookie; a browser without a session sent to
 * Kratos's login with the file as its way back, an API client {@code 401}; a revoked session refused; Kratos
 * stopped {@code 503}, never the file; an unprotected file served to anyone.
 */
@ExtendWith({ServerLogs.class, RealKratos.class, ArquillianExtension.class})
class StaticFilesIT {

    static final String HANDBOOK = "The members' handbook: for signed-in callers only.\n";
    static final String NOTICE = "A public notice.\n";
    private static final KratosTestClient KRATOS = new KratosTestClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive staticFiles() {
        return ExampleVariants.staticFiles();
    }

    @AfterEach
    void kratosBack() throws Exception {
        RealKratos.start();
    }

    @Test
    void theFileIsServedForASessionTokenOrTheBrowsersCookie() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        HttpCookie cookie = KRATOS.browserLogin(user);

        HttpResponse<String> byToken = app().get("members/handbook.txt", "X-Session-Token", user.sessionToken());
        assertThat(byToken.statusCode()).as("with X-Session-Token: %s", byToken.body()).isEqualTo(200);
        assertThat(byToken.body()).isEqualTo(HANDBOOK);

        RawRequest.Answer byCookie = RawRequest.get(app().uri("members/handbook.txt")).asBrowserNavigation()
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).send();
        assertThat(byCookie.status()).as("with the browser's cookie: %s", byCookie.body()).isEqualTo(200);
        assertThat(byCookie.body()).isEqualTo(HANDBOOK);
    }

    @Test
    void withoutASessionABrowserIsSentToTheLoginAndAnApiClientGets401() throws Exception {
        URI file = app().uri("members/handbook.txt");
        RawRequest.Answer browser = RawRequest.get(file).asBrowserNavigation().send();
        assertThat(browser.status()).as("a browser without a session: %s", browser.body()).isEqualTo(303);
        assertThat(browser.header("Location")).hasValue(ExpectedLogin.of(RealKratos.publicUrl(), null, file.toString()));
        assertThat(browser.body()).doesNotContain(HANDBOOK.strip());

        HttpResponse<String> api = app().get("members/handbook.txt");
        assertThat(api.statusCode()).as("an API client without a session: %s", api.body()).isEqualTo(401);
        assertThat(AppClient.reason(api)).isEqualTo("no_credentials");
        assertThat(api.body()).doesNotContain(HANDBOOK.strip());

        HttpResponse<String> forged = app().get("members/handbook.txt", "X-Session-Token", "ory_st_notASessionnotASessionnotASess0");
        assertThat(forged.statusCode()).as("a token Kratos does not know: %s", forged.body()).isEqualTo(401);
        assertThat(AppClient.reason(forged)).isEqualTo("invalid_session");

        HttpResponse<String> open = app().get("notice.txt");
        assertThat(open.statusCode()).as("a file without a constraint: %s", open.body()).isEqualTo(200);
        assertThat(open.body()).isEqualTo(NOTICE);
    }

    @Test
    void aRevokedSessionIsRefused() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login other = KRATOS.login(user);
        assertThat(app().get("members/handbook.txt", "X-Session-Token", other.sessionToken()).statusCode())
                .as("before").isEqualTo(200);

        KRATOS.revoke(other.sessionId());
        Thread.sleep(Long.getLong("it.cache.ttl.ms", 3000) + 300);

        HttpResponse<String> after = app().get("members/handbook.txt", "X-Session-Token", other.sessionToken());
        assertThat(after.statusCode()).as("revoked at Kratos, after the cache TTL: %s", after.body()).isEqualTo(401);
        assertThat(after.body()).doesNotContain(HANDBOOK.strip());
    }

    @Test
    void kratosStoppedIs503AndNeverTheFile() throws Exception {
        KratosTestClient.Registered user = KRATOS.register();
        RealKratos.stop();

        HttpResponse<String> answer = app().get("members/handbook.txt", "X-Session-Token", user.sessionToken());
        assertThat(answer.statusCode()).as("Kratos stopped: %s", answer.body()).isEqualTo(503);
        assertThat(AppClient.reason(answer)).isEqualTo("kratos_unavailable");
        assertThat(answer.body()).doesNotContain(HANDBOOK.strip());
    }

    private AppClient app() {
        return new AppClient(base);
    }
}
