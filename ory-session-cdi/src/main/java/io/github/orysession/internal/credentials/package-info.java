/**
 * Internal, not part of the API: reading a request's session credentials: the token headers and only the session cookies, with hostile input
 * refused before it reaches Kratos. {@link io.github.orysession.internal.credentials.Credentials} never shows its value.
 *
 * <pre>{@code
 * CredentialExtractor extractor = new CredentialExtractor(new CookieNames(List.of("ory_kratos_session", "ory_session_*")));
 * Credentials c = extractor.extract(tokenHeaders, authorizationHeaders, cookieHeaders);
 * log.fine("checking " + c); // Credentials[cookie, sha256:1f2e3d4c5b6a]
 * }</pre>
 */
package io.github.orysession.internal.credentials;

import io.github.orysession.internal.credentials.CookieNames;
import io.github.orysession.internal.credentials.CredentialExtractor;
import io.github.orysession.internal.credentials.Credentials;
