package io.github.orysession.example.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.browser.ReturnToPolicy;

/** A state-changing post from the example's own pages passes; one another site made the browser send does not. */
class SameOriginCheckTest {

    private static final URI BASE = URI.create("https://app.example.com/shop/");
    private static final ReturnToPolicy POLICY = new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com/shop")), null);

    @Test
    void theApplicationsOwnPagesPass() {
        assertThat(refusal(Map.of("Sec-Fetch-Site", "same-origin", "Origin", "https://app.example.com"))).isNull();
        assertThat(refusal(Map.of("Sec-Fetch-Site", "none"))).as("the user's own action").isNull();
        assertThat(refusal(Map.of("Origin", "https://APP.example.com:443"))).as("a browser without Fetch Metadata").isNull();
        assertThat(refusal(Map.of("sec-fetch-site", " Same-Origin "))).as("case and spaces").isNull();
    }

    @Test
    void otherSitesAreRefused() {
        for (Map<String, String> headers : List.of(
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://app.example.com"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://shop.example.com"),
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "https://evil.example"),
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "http://app.example.com"),
                Map.of("Origin", "https://app.example.com:8443"),
                Map.of("Origin", "null"),
                Map.of("Origin", "https://app.example.com/shop"),
                Map.of("Origin", "https://app.example.com@evil.example"),
                Map.<String, String>of())) {
            assertThat(refusal(headers)).as("%s", headers).isNotNull().doesNotContain("evil");
        }
    }

    @Test
    void theOriginMustBeAllowedForTheApplicationsPath() {
        ReturnToPolicy otherPath = new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com/admin")), null);

        assertThat(SameOriginCheck.refusal(header(Map.of("Origin", "https://app.example.com")), BASE, otherPath))
                .as("an origin allowed only for another application's path").isPresent();
    }

    private static String refusal(Map<String, String> headers) {
        return SameOriginCheck.refusal(header(headers), BASE, POLICY).orElse(null);
    }

    private static java.util.function.Function<String, String> header(Map<String, String> headers) {
        return name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
