package io.github.orysession.internal.jwt;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The token of a request that has none: no name, no claims. Injected instead of {@code null}. */
final class AnonymousJsonWebToken implements JsonWebToken {

    static final AnonymousJsonWebToken INSTANCE = new AnonymousJsonWebToken();

    private AnonymousJsonWebToken() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public String toString() {
        return "AnonymousJsonWebToken";
    }
}
