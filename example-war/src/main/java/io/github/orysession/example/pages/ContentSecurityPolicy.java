package io.github.orysession.example.pages;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.orysession.browser.AllowedReturnUrl;
import io.github.orysession.example.html.Layout;

/**
 * The pages' Content-Security-Policy, a second line behind the escaping: no script at all, the one inline
 * stylesheet by its hash, images from the application and inline ({@code data:}, Kratos's TOTP QR code), no framing,
 * and forms that post only to the application and to Kratos. Browsers also check {@code form-action} against the
 * redirects that follow a form's submission (Kratos sending the browser back to a {@code return_to}), so the origins
 * of the return URL allow-list are allowed there too.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /**
     * @param kratosUrls Kratos as browsers reach it
     * @param allowed the return URL allow-list
     * @return the header value
     */
    static String of(List<URI> kratosUrls, List<AllowedReturnUrl> allowed) {
        Set<String> formAction = new LinkedHashSet<>();
        formAction.add("'self'");
        for (URI kratos : kratosUrls) {
            formAction.add(kratos.getScheme().toLowerCase(Locale.ROOT) + "://" + kratos.getRawAuthority());
        }
        for (AllowedReturnUrl entry : allowed) {
            source(entry).ifPresent(formAction::add);
        }
        return "default-src 'none'; style-src " + Layout.STYLE_HASH + "; img-src 'self' data:; form-action "
                + String.join(" ", formAction) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** An allow-list entry as a CSP source ({@code http://127.0.0.1:*}, {@code https://*.example.com}); IPv6: none. */
    private static java.util.Optional<String> source(AllowedReturnUrl entry) {
        if (entry.host().startsWith("[")) {
            return java.util.Optional.empty();
        }
        String port = entry.port() == AllowedReturnUrl.ANY_PORT ? ":*" : ":" + entry.port();
        return java.util.Optional.of(entry.scheme() + "://" + (entry.wildcard() ? "*." : "") + entry.host() + port);
    }
}
