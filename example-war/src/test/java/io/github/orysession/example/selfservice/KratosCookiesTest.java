package io.github.orysession.example.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;


/** Only Kratos's own cookies travel to Kratos when a page fetches a flow. */
class KratosCookiesTest {

    private final KratosCookies cookies = new KratosCookies(List.of("ory_kratos_session", "ory_session_*"));

    @Test
    void keepsTheSessionAndCsrfCookiesAndNothingElse() {
        String kept = cookies.select(List.of(
                "app_session=secret; csrf_token_abc123=c1; theme=dark",
                "ory_kratos_session=s1; JSESSIONID=j; ory_session_slug=s2; csrf_token_=empty-name; csrf_token_x;y=1")).orElseThrow();

        assertThat(kept).isEqualTo("csrf_token_abc123=c1; ory_kratos_session=s1; ory_session_slug=s2");
    }

    @Test
    void dropsValuesNoCookieCanHoldAndBoundsTheCount() {
        assertThat(cookies.select(List.of("ory_kratos_session=a b; csrf_token_x=\"q\"; csrf_token_y=" + "v".repeat(5000))))
                .isEmpty();
        String[] many = new String[40];
        Arrays.setAll(many, i -> "csrf_token_" + i + "=v");
        assertThat(cookies.select(List.of(String.join("; ", many))).orElseThrow().split("; "))
                .hasSize(KratosCookies.MAX_COOKIES);
    }

    @Test
    void noCookiesIsEmpty() {
        assertThat(cookies.select(null)).isEmpty();
        assertThat(cookies.select(List.of("theme=dark"))).isEmpty();
    }
}
