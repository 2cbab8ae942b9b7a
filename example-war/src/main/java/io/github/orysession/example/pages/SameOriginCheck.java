package io.github.orysession.example.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.github.orysession.browser.ReturnToPolicy;

/**
 * Tells a state-changing request from one of the example's own pages apart from one another site made the
 * browser send (cross-site request forgery), from what the browser itself says, without a token to keep:
 * <ul>
 * <li>{@code Sec-Fetch-Site} (Fetch Metadata, sent by current browsers, not settable by a page), when present, must be
 *     {@code same-origin} (or {@code none}: the user's own action, such as a bookmark); {@code same-site} and
 *     {@code cross-site} are refused, so another port or a sibling subdomain is refused too;</li>
 * <li>{@code Origin}, when present, must be an origin the return URL allow-list admits for the application's path
 *     (the same {@code ory.browser.allowed-return-urls} that every redirect passes, so a deployment behind a proxy
 *     names its public origin once); {@code Origin: null} is refused;</li>
 * <li>a request with neither is refused: every browser that could carry the session cookie sends at least
 *     {@code Origin} with a {@code POST}.</li>
 * </ul>
 * The refusal names the rule, never the header's value.
 */
final class SameOriginCheck {

    private SameOriginCheck() {
    }

    /**
     * @param header the first value of a request header by name, or {@code null}
     * @param baseUri the application's base URL (its path is the path the allow-list must admit)
     * @param policy the return URL allow-list
     * @return why the request is refused, or empty when it came from the application's own pages
     */
    static Optional<String> refusal(Function<String, String> header, URI baseUri, ReturnToPolicy policy) {
        String site = trimmed(header.apply("Sec-Fetch-Site"));
        String origin = trimmed(header.apply("Origin"));
        if (site == null && origin == null) {
            return Optional.of("The request carried neither Sec-Fetch-Site nor Origin, so it cannot be told from one "
                    + "another site made.");
        }
        if (site != null) {
            String value = site.toLowerCase(Locale.ROOT);
            if (!value.equals("same-origin") && !value.equals("none")) {
                return Optional.of("The browser says this request came from another site (Sec-Fetch-Site).");
            }
        }
        if (origin != null && !originAllowed(origin, baseUri, policy)) {
            return Optional.of("The request came from an origin this application does not serve (Origin).");
        }
        return Optional.empty();
    }

    private static boolean originAllowed(String origin, URI baseUri, ReturnToPolicy policy) {
        URI parsed;
        try {
            parsed = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getRawUserInfo() != null
                || (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty())
                || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
            return false;
        }
        String path = baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty() ? "/" : baseUri.getRawPath();
        return policy.admit(origin + path, null).isPresent();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
