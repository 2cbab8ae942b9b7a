package io.github.orysession.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The return URL allow-list against every way of smuggling a redirect target past it. The request's own URL
 * (the base relative targets resolve against) is {@value #PAGE}.
 */
class ReturnToPolicyTest {

    private static final String PAGE = "https://app.example.com/app/page?x=1";
    private static final URI BASE = URI.create(PAGE);
    private static final URI DEFAULT = URI.create("https://app.example.com/app/home");

    private static final ReturnToPolicy POLICY = new ReturnToPolicy(List.of(
            AllowedReturnUrl.parse("https://app.example.com/app"),
            AllowedReturnUrl.parse("https://*.example.org"),
            AllowedReturnUrl.parse("https://shop.example.net:8443"),
            AllowedReturnUrl.parse("http://127.0.0.1:*/example")), DEFAULT);

    static Stream<Arguments> admitted() {
        return Stream.of(
                Arguments.of("the allowed path itself", "https://app.example.com/app", "https://app.example.com/app"),
                Arguments.of("the allowed path with a slash", "https://app.example.com/app/", "https://app.example.com/app/"),
                Arguments.of("below the allowed path, query kept", "https://app.example.com/app/orders?id=7&next=%2Fa",
                        "https://app.example.com/app/orders?id=7&next=%2Fa"),
                Arguments.of("scheme and host in upper case", "HTTPS://APP.EXAMPLE.COM/app/x", "https://app.example.com/app/x"),
                Arguments.of("the default port written out", "https://app.example.com:443/app/x", "https://app.example.com/app/x"),
                Arguments.of("relative to the request, absolute path", "/app/settings", "https://app.example.com/app/settings"),
                Arguments.of("relative to the request, relative path", "settings?tab=2", "https://app.example.com/app/settings?tab=2"),
                Arguments.of("relative with dot segments that stay inside", "../app/other", "https://app.example.com/app/other"),
                Arguments.of("a fragment", "https://app.example.com/app#top", "https://app.example.com/app#top"),
                Arguments.of("an encoded space", "https://app.example.com/app/my%20page", "https://app.example.com/app/my%20page"),
                Arguments.of("an encoded UTF-8 character", "https://app.example.com/app/caf%C3%A9", "https://app.example.com/app/caf%C3%A9"),
                Arguments.of("a path parameter on an ordinary segment", "https://app.example.com/app/doc;v=2",
                        "https://app.example.com/app/doc;v=2"),
                Arguments.of("a segment that only starts with dots", "https://app.example.com/app/..x;y", "https://app.example.com/app/..x;y"),
                Arguments.of("wildcard: a subdomain", "https://shop.example.org/x", "https://shop.example.org/x"),
                Arguments.of("wildcard: a deeper subdomain", "https://a.b.example.org/", "https://a.b.example.org/"),
                Arguments.of("wildcard: no path is the root", "https://shop.example.org", "https://shop.example.org/"),
                Arguments.of("an explicit port", "https://shop.example.net:8443/cart", "https://shop.example.net:8443/cart"),
                Arguments.of("loopback, any port", "http://127.0.0.1:9080/example/api/me", "http://127.0.0.1:9080/example/api/me"),
                Arguments.of("loopback, another port", "http://127.0.0.1:18123/example", "http://127.0.0.1:18123/example"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void admitted(String why, String target, String expected) {
        assertThat(POLICY.admit(target, BASE)).as("%s: %s is admitted as %s", why, target, expected)
                .contains(URI.create(expected));
        assertThat(POLICY.returnTo(target, BASE)).as("%s: the way back is the target itself", why)
                .contains(URI.create(expected));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("no target", null),
                Arguments.of("an empty target", ""),
                Arguments.of("another host", "https://evil.example/app"),
                Arguments.of("protocol-relative", "//evil.example/app"),
                Arguments.of("protocol-relative, three slashes", "///evil.example/app"),
                Arguments.of("http:///path: no host", "http:///app"),
                Arguments.of("https:///host/path: no host", "https:///app.example.com/app"),
                Arguments.of("scheme without slashes", "https:app.example.com/app"),
                Arguments.of("scheme with one slash", "https:/app.example.com/app"),
                Arguments.of("scheme mismatch", "http://app.example.com/app"),
                Arguments.of("port mismatch", "https://app.example.com:8443/app"),
                Arguments.of("port missing where one is required", "https://shop.example.net/cart"),
                Arguments.of("loopback wildcard port, path outside", "http://127.0.0.1:9080/other"),
                Arguments.of("loopback by another name", "http://localhost:9080/example"),
                Arguments.of("path prefix is not a segment", "https://app.example.com/application"),
                Arguments.of("path prefix is not a segment, longer", "https://app.example.com/app-admin/x"),
                Arguments.of("path outside", "https://app.example.com/"),
                Arguments.of("path case differs", "https://app.example.com/APP"),
                Arguments.of("wildcard: the bare domain", "https://example.org/"),
                Arguments.of("wildcard: a look-alike domain", "https://evil-example.org/"),
                Arguments.of("wildcard: the domain as a subdomain elsewhere", "https://example.org.evil.net/"),
                Arguments.of("wildcard: a subdomain as a subdomain elsewhere", "https://shop.example.org.evil.net/"),
                Arguments.of("host as a subdomain elsewhere", "https://app.example.com.evil.net/app"),
                Arguments.of("host with a trailing dot", "https://app.example.com./app"),
                Arguments.of("allowed host as user info", "https://app.example.com@evil.example/app"),
                Arguments.of("allowed host as user info with port", "https://app.example.com:443@evil.example/app"),
                Arguments.of("user info on the allowed host", "https://evil.example@app.example.com/app"),
                Arguments.of("backslash before @", "https://app.example.com\\@evil.example/app"),
                Arguments.of("backslash protocol-relative", "/\\evil.example/app"),
                Arguments.of("two backslashes", "\\\\evil.example/app"),
                Arguments.of("encoded backslash", "https://app.example.com/app/%5Cevil.example"),
                Arguments.of("encoded CR LF", "https://app.example.com/app/%0d%0aSet-Cookie:%20x=y"),
                Arguments.of("encoded CR LF, upper case", "https://app.example.com/app/%0D%0ALocation:%20https://evil.example"),
                Arguments.of("double-encoded CR LF", "https://app.example.com/app/%250d%250a"),
                Arguments.of("triple-encoded LF", "https://app.example.com/app/%25250a"),
                Arguments.of("encoded CR LF in the query", "https://app.example.com/app?x=%0d%0a"),
                Arguments.of("encoded NUL", "https://app.example.com/app/%00"),
                Arguments.of("encoded TAB", "https://app.example.com/app/%09"),
                Arguments.of("encoded DEL", "https://app.example.com/app/%7f"),
                Arguments.of("raw CR LF", "https://app.example.com/app/\r\nLocation: https://evil.example"),
                Arguments.of("raw TAB", "https://app.example.com/app/\tx"),
                Arguments.of("raw NUL", "https://app.example.com/app/\u0000"),
                Arguments.of("leading space", " https://app.example.com/app"),
                Arguments.of("leading TAB before protocol-relative", "\t//evil.example"),
                Arguments.of("malformed escape", "https://app.example.com/app/x%zz"),
                Arguments.of("truncated escape", "https://app.example.com/app/x%0"),
                Arguments.of("dot-segment escape", "https://app.example.com/app/../admin"),
                Arguments.of("dot-segment escape, absolute path", "/app/../admin"),
                Arguments.of("encoded dot-segment escape", "https://app.example.com/app/%2e%2e/admin"),
                Arguments.of("encoded dot segment and slash", "https://app.example.com/app/%2E%2E%2Fadmin"),
                Arguments.of("dot segment, encoded slash", "https://app.example.com/app/..%2fadmin"),
                Arguments.of("double-encoded dot segment", "https://app.example.com/app/%252e%252e/admin"),
                Arguments.of("a single dot segment", "https://app.example.com/app/./x"),
                Arguments.of("dot segment with an empty path parameter", "https://app.example.com/app/..;/admin"),
                Arguments.of("dot segment with a path parameter", "https://app.example.com/app/..;jsessionid=1/admin"),
                Arguments.of("dot segment with a path parameter, at the end", "https://app.example.com/app/x/..;/..;"),
                Arguments.of("dot segment with a path parameter, relative", "..;/admin"),
                Arguments.of("dot segment with a path parameter, absolute path", "/app/..;/admin"),
                Arguments.of("single dot segment with a path parameter", "https://app.example.com/app/.;x/admin"),
                Arguments.of("encoded dot segment with a path parameter", "https://app.example.com/app/%2e%2e;/admin"),
                Arguments.of("dot segment with an encoded semicolon", "https://app.example.com/app/..%3b/admin"),
                Arguments.of("dot segment with an encoded semicolon, upper case", "https://app.example.com/app/..%3B/admin"),
                Arguments.of("dot segment with a double-encoded semicolon", "https://app.example.com/app/..%253b/admin"),
                Arguments.of("half-encoded dot segment with a path parameter", "https://app.example.com/app/.%2e;x=1/admin"),
                Arguments.of("relative escape above the allowed path", "../../admin"),
                Arguments.of("javascript:", "javascript:alert(document.cookie)"),
                Arguments.of("data:", "data:text/html,<script>alert(1)</script>"),
                Arguments.of("ftp:", "ftp://app.example.com/app"),
                Arguments.of("non-ASCII path", "https://app.example.com/app/caf\u00e9"),
                Arguments.of("non-ASCII look-alike host", "https://\u0430pp.example.com/app"),
                Arguments.of("IPv6 loopback not listed", "http://[::1]:9080/example"),
                Arguments.of("too long", "https://app.example.com/app/" + "a".repeat(RedirectTarget.MAX_LENGTH)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void refused(String why, String target) {
        assertThat(POLICY.admit(target, BASE)).as("%s: %s must not be admitted", why, target).isEmpty();
        assertThat(POLICY.returnTo(target, BASE)).as("%s: the way back falls back to the default, never the target", why)
                .contains(DEFAULT);
    }

    /**
     * Kratos's own cases for its {@code return_to} allow-list ({@code x/http_secure_redirect_test.go} in ory/kratos:
     * {@code TestSecureRedirectToIsAllowedHost}, {@code TestSecureRedirectTo}), re-expressed for this allow-list:
     * the entries it allows, the request's URL (Kratos's test server, here {@code http://127.0.0.1:4455}), the
     * {@code return_to}, and what Kratos answers. Where this allow-list is stricter, the row says so and what it
     * answers instead; Kratos's relative entries ({@code /foo}) are written as the test server's absolute URL.
     */
    static Stream<Arguments> kratosCases() {
        String server = "http://127.0.0.1:4455";
        return Stream.of(
                kratos("Domain is allowed", "https://foo.bar", server, "https://foo.bar/redir", "https://foo.bar/redir"),
                kratos("Subdomain prefix is allowed", "https://*.foo.bar", server, "https://auth.foo.bar/redir",
                        "https://auth.foo.bar/redir"),
                kratos("Domain is not allowed", "https://foo.baz", server, "https://foo.bar/redir", null),
                kratos("Domain wildcard is not allowed", "https://*.foo.baz", server, "https://foo.bar/redir", null),
                kratos("Subdomain is not allowed", "https://*.foo.baz", server, "https://auth.foo.bar/redir", null),
                kratos("return to a relative path with anchor works", server + "/foo", server, "/foo/kratos#abcd",
                        server + "/foo/kratos#abcd"),
                kratos("return to foo with server baseURL if allowed", server, server, "/foo", server + "/foo"),
                kratos("return to a relative path works", server + "/foo", server, "/foo/kratos", server + "/foo/kratos"),
                kratos("return to a fully qualified domain is forbidden if allowlist is relative", server + "/foo", server,
                        "https://www.ory.sh/foo/kratos", null),
                kratos("return to another domain works", "https://www.ory.sh/foo", server, "https://www.ory.sh/foo/kratos",
                        "https://www.ory.sh/foo/kratos"),
                kratos("return to another domain fails if host mismatches", "https://www.not-ory.sh/", server,
                        "https://www.ory.sh/kratos", null),
                kratos("return to another domain fails if path mismatches", "https://www.ory.sh/not-kratos", server,
                        "https://www.ory.sh/kratos", null),
                kratos("return to another domain fails if scheme mismatches", "http://www.ory.sh/", server,
                        "https://www.ory.sh/kratos", null),
                kratos("should work with subdomain wildcard", "https://*.ory.sh/", server, "https://www.ory.sh/kratos",
                        "https://www.ory.sh/kratos"),
                kratos("should work with subdomain wildcard, deeper", "https://*.ory.sh/", server,
                        "https://even.deeper.nested.ory.sh/kratos", "https://even.deeper.nested.ory.sh/kratos"),
                kratos("should fallback to default return_to scheme (request over https)", "https://www.ory.sh",
                        "https://www.ory.sh/docs", "//www.ory.sh/kratos", "https://www.ory.sh/kratos"),
                // Stricter: Kratos takes the scheme of its default return URL, this allow-list the request's.
                kratos("should fallback to default return_to scheme (request over http): stricter, refused",
                        "https://www.ory.sh", server, "//www.ory.sh/kratos", null),
                // Stricter: Kratos takes the host of its default return URL, this allow-list refuses a URL without one.
                kratos("should fallback to default return_to host: stricter, refused", "https://www.ory.sh,http://www.ory.sh",
                        server, "http:///kratos", null));
    }

    private static Arguments kratos(String kratosCase, String allowed, String requestUrl, String returnTo, String expected) {
        return Arguments.of(kratosCase, allowed, requestUrl, returnTo, expected);
    }

    @ParameterizedTest(name = "Kratos: {0}")
    @MethodSource
    void kratosCases(String kratosCase, String allowed, String requestUrl, String returnTo, String expected) {
        List<AllowedReturnUrl> entries = Stream.of(allowed.split(",")).map(AllowedReturnUrl::parse).toList();
        ReturnToPolicy policy = new ReturnToPolicy(entries, null);

        if (expected == null) {
            assertThat(policy.admit(returnTo, URI.create(requestUrl))).as("%s: %s refused", kratosCase, returnTo).isEmpty();
        } else {
            assertThat(policy.admit(returnTo, URI.create(requestUrl))).as("%s: %s admitted", kratosCase, returnTo)
                    .contains(URI.create(expected));
        }
    }

    @Test
    void kratosCasesWhereThisAllowListIsStricterAtConfiguration() {
        // TestSecureRedirectToIsAllowedHost "Domain prefix is allowed": Kratos admits https://foo.bar for https://*.bar.
        assertThatThrownBy(() -> AllowedReturnUrl.parse("https://*.bar")).as("a wildcard over a top-level domain")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two labels");
        // TestSecureRedirectTo "return to default URL if nothing is allowed": Kratos falls back to its default
        // return URL; without an allow-list this one admits nothing, its default included.
        assertThatThrownBy(() -> new ReturnToPolicy(List.of(), URI.create("http://127.0.0.1:4455/default-return-to")))
                .as("a default return URL without an allow-list").isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReturnToPolicy(List.of(), null).returnTo("/foo", URI.create("http://127.0.0.1:4455")))
                .as("no allow-list, no way back").isEmpty();
    }

    @Test
    void aForgedHostMakesTheRequestsOwnUrlFallBackToTheDefault() {
        URI forged = URI.create("https://evil.example/app/page");

        assertThat(POLICY.admit(forged.toString(), forged)).as("the request's URL under a forged Host").isEmpty();
        assertThat(POLICY.returnTo("/app/page", forged)).as("a relative target resolved against a forged Host")
                .contains(DEFAULT);
    }

    @Test
    void aRelativeTargetWithoutABaseIsRefused() {
        assertThat(POLICY.admit("/app/x", null)).as("relative targets need the request's URL").isEmpty();
    }

    @Test
    void withoutAnAllowListNothingIsAdmittedAndThereIsNoWayBack() {
        ReturnToPolicy none = new ReturnToPolicy(List.of(), null);

        assertThat(none.isEnabled()).as("no allow-list configured").isFalse();
        assertThat(none.admit(PAGE, BASE)).as("even the request's own URL").isEmpty();
        assertThat(none.returnTo(PAGE, BASE)).as("no return_to at all").isEmpty();
    }

    @Test
    void withoutADefaultARefusedTargetHasNoWayBack() {
        ReturnToPolicy noDefault = new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com")), null);

        assertThat(noDefault.returnTo("https://evil.example/", BASE)).as("refused, and no default").isEmpty();
        assertThat(noDefault.returnTo("/x", BASE)).as("admitted").contains(URI.create("https://app.example.com/x"));
    }

    @Test
    void theDefaultMustItselfBeAllowed() {
        assertThatThrownBy(() -> new ReturnToPolicy(List.of(AllowedReturnUrl.parse("https://app.example.com/app")),
                URI.create("https://app.example.com/elsewhere")))
                .as("a default outside the allow-list")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not admitted");
    }

    static Stream<Arguments> invalidEntries() {
        return Stream.of(
                Arguments.of("", "is not scheme://host"),
                Arguments.of("app.example.com", "is not scheme://host"),
                Arguments.of("ftp://app.example.com", "must be http or https"),
                Arguments.of("https://app.example.com/app?x=1", "is not scheme://host"),
                Arguments.of("https://app.example.com/app#top", "is not scheme://host"),
                Arguments.of("https://user@app.example.com", "is not scheme://host"),
                Arguments.of("https://*.com", "at least two labels"),
                Arguments.of("https://*.127.0.0.1", "at least two labels"),
                Arguments.of("https://*example.com", "only allowed as the whole first label"),
                Arguments.of("https://app.*.example.com", "only allowed as the whole first label"),
                Arguments.of("https://*.*.example.com", "only allowed as the whole first label"),
                Arguments.of("https://app.example.com:*", "only allowed for 127.0.0.1"),
                Arguments.of("https://*.example.com:*", "only allowed for 127.0.0.1"),
                Arguments.of("https://app.example.com:0", "outside 1-65535"),
                Arguments.of("https://app.example.com:70000", "outside 1-65535"),
                Arguments.of("https://app.example.com/a/../b", "dot segments"),
                Arguments.of("https://app.example.com/a%2fb", "percent-encoding"),
                Arguments.of("https://app_example.com", "invalid host"));
    }

    @ParameterizedTest(name = "entry [{0}]: {1}")
    @MethodSource
    void invalidEntries(String entry, String message) {
        assertThatThrownBy(() -> AllowedReturnUrl.parse(entry)).as("entry '%s'", entry)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://app.example.com/app", "https://*.example.org",
            "http://127.0.0.1:*/example", "http://[::1]:8080", "https://shop.example.net:8443/a/b"})
    void validEntriesReadBackAsWritten(String entry) {
        assertThat(AllowedReturnUrl.parse(entry)).as("entry '%s'", entry).hasToString(entry);
    }

    @Test
    void entriesAreNormalised() {
        assertThat(AllowedReturnUrl.parse(" HTTPS://App.Example.COM:443/app/ ")).as("case, default port, trailing slash")
                .hasToString("https://app.example.com/app");
    }
}
