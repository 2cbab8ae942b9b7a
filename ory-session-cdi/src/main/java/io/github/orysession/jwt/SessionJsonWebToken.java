package io.github.orysession.jwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArrayBuilder;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.github.orysession.internal.json.Jsonp;
import io.github.orysession.model.AuthenticationMethod;
import io.github.orysession.model.Session;

/**
 * An Ory session seen as a MicroProfile {@link JsonWebToken}. It is not a signed token: Kratos vouched for the
 * session over a direct call, so {@link #getRawToken()} is {@code null}. For a Kratos-signed JWT of the session,
 * configure a tokenizer template and read {@link Session#tokenizedJwt()}.
 * <p>
 * Claims: {@code iss} (the Kratos URL), {@code sub} (identity id), {@code sid} and {@code jti} (session id),
 * {@code iat}, {@code exp} and {@code auth_time} (epoch seconds), {@code email}, {@code acr} (the assurance
 * level), {@code amr} (the authentication methods, a JSON array) and {@code groups}. The name is the subject.
 */
public final class SessionJsonWebToken implements JsonWebToken {

    private final Session session;
    private final Map<String, Object> claims;

    /**
     * @param session the session
     * @param issuer the Kratos public URL
     * @param groups the identity's groups
     */
    public SessionJsonWebToken(Session session, String issuer, Set<String> groups) {
        this.session = session;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Claims.iss.name(), issuer);
        values.put(Claims.sub.name(), session.identity().id());
        values.put("sid", session.id());
        values.put(Claims.jti.name(), session.id());
        putSeconds(values, Claims.iat.name(), session.issuedAt());
        putSeconds(values, Claims.exp.name(), session.expiresAt());
        putSeconds(values, Claims.auth_time.name(), session.authenticatedAt());
        session.identity().email().ifPresent(email -> values.put(Claims.email.name(), email));
        values.put(Claims.acr.name(), session.assuranceLevel().wireValue());
        JsonArrayBuilder methods = Jsonp.PROVIDER.createArrayBuilder();
        session.authenticationMethods().stream().map(AuthenticationMethod::method)
                .filter(method -> method != null).forEach(methods::add);
        values.put(Claims.amr.name(), methods.build());
        values.put(Claims.groups.name(), Set.copyOf(groups));
        this.claims = Collections.unmodifiableMap(values);
    }

    private static void putSeconds(Map<String, Object> values, String name, java.time.Instant instant) {
        if (instant != null) {
            values.put(name, instant.getEpochSecond());
        }
    }

    /** The session this token stands for. */
    public Session session() {
        return session;
    }

    /** The subject, the Kratos identity id. */
    @Override
    public String getName() {
        return getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }

    @Override
    public String toString() {
        return "SessionJsonWebToken[" + getSubject() + "]";
    }
}
