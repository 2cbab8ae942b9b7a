package io.github.orysession.example;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.orysession.Authenticated;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** A CDI bean whose method needs a session with a second factor, enforced by the library's interceptor. */
@ApplicationScoped
public class SecondFactorVault {

    /** @return something only a user with a second factor may read */
    @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
    public String secret() {
        return "the vault is open";
    }
}
