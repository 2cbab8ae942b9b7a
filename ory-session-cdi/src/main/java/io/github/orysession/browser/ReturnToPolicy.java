package io.github.orysession.browser;

import java.net.URI;
import java.util.List;
import java.util.Optional;


/**
 * The allow-list every redirect target the library issues goes through ({@code return_to} of the login
 * redirects), public so that an application's own pages and logout links can check theirs the same way.
 * <p>
 * A target is admitted when, after {@linkplain #admit(String, URI) normalising} it (a relative one resolved
 * against the request's URL), one {@link AllowedReturnUrl} entry matches its scheme, host, port and path prefix.
 * Whatever the request says (its {@code Host}, {@code X-Forwarded-Host}, a {@code return_to} parameter), a target
 * that is not admitted is replaced by the configured default, never by anything taken from the request; without
 * a default there is then no target at all. Without an allow-list nothing is admitted.
 *
 * <pre>{@code
 * @Inject ReturnToPolicy returnTo;
 *
 * URI next = returnTo.returnTo(request.getParameter("next"), requestUri).orElse(URI.create("/"));
 * }</pre>
 */
public final class ReturnToPolicy {

    private final List<AllowedReturnUrl> allowed;
    private final URI defaultReturnUrl;

    /**
     * @param allowed the allow-list; empty admits nothing
     * @param defaultReturnUrl the fallback, or {@code null} for none; must itself be admitted
     * @throws IllegalArgumentException when the default is not admitted by the allow-list
     */
    public ReturnToPolicy(List<AllowedReturnUrl> allowed, URI defaultReturnUrl) {
        this.allowed = List.copyOf(allowed);
        if (defaultReturnUrl == null) {
            this.defaultReturnUrl = null;
        } else {
            this.defaultReturnUrl = admitted(defaultReturnUrl.toString(), null).orElseThrow(
                    () -> new IllegalArgumentException("the default return URL " + defaultReturnUrl
                            + " is not admitted by the allowed return URLs " + allowed));
        }
    }

    /** Whether any target can be admitted at all, that is, whether an allow-list is configured. */
    public boolean isEnabled() {
        return !allowed.isEmpty();
    }

    /** The allow-list. */
    public List<AllowedReturnUrl> allowed() {
        return allowed;
    }

    /** The fallback for targets that are not admitted, when one is configured. */
    public Optional<URI> defaultReturnUrl() {
        return Optional.ofNullable(defaultReturnUrl);
    }

    /**
     * The target itself, when the allow-list admits it.
     *
     * @param target an absolute URL, or one relative to {@code base}; may be {@code null}
     * @param base the request's URL, for relative targets; {@code null} refuses relative targets
     * @return the normalised target (lower-case scheme and host, default port dropped), or empty when refused
     */
    public Optional<URI> admit(String target, URI base) {
        return admitted(target, base);
    }

    /**
     * Where to send the user: the target when admitted, otherwise the configured default, otherwise nowhere.
     *
     * @param target an absolute URL, or one relative to {@code base}; may be {@code null}
     * @param base the request's URL, for relative targets
     * @return the admitted target or the default; empty when neither exists
     */
    public Optional<URI> returnTo(String target, URI base) {
        Optional<URI> admitted = admitted(target, base);
        return admitted.isPresent() ? admitted : defaultReturnUrl();
    }

    private Optional<URI> admitted(String target, URI base) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        return RedirectTarget.normalise(target, base).filter(uri -> allowed.stream().anyMatch(entry -> entry.admits(uri)));
    }

    @Override
    public String toString() {
        return "ReturnToPolicy" + allowed + (defaultReturnUrl == null ? "" : ", default " + defaultReturnUrl);
    }
}
