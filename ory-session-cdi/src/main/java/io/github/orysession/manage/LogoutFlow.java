package io.github.orysession.manage;

import java.net.URI;

/**
 * Kratos's browser logout flow: the URL that ends the browser's session when the browser follows it with its
 * session cookie.
 *
 * @param logoutUrl Kratos's {@code /self-service/logout?token=...} URL; send the browser there (a link or a redirect)
 * @param logoutToken the token inside that URL, for an application that builds the URL itself
 */
public record LogoutFlow(URI logoutUrl, String logoutToken) {

    /** Never shows the token (the URL carries it too). */
    @Override
    public String toString() {
        return "LogoutFlow[" + logoutUrl.getScheme() + "://" + logoutUrl.getRawAuthority() + logoutUrl.getRawPath() + "]";
    }
}
