package io.github.orysession.example.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import io.github.orysession.OrySession;

/**
 * The backing bean of the Faces pages {@code account.xhtml} and {@code second-factor.xhtml}: who the caller is, by
 * Jakarta Security ({@link SecurityContext}) and by the library ({@link OrySession}), which agree because the
 * library's mechanism made the one from the other.
 */
@Named("account")
@RequestScoped
public class AccountPage {

    @Inject
    SecurityContext security;

    @Inject
    OrySession session;

    /** @return the identity id: Jakarta Security's caller name */
    public String getIdentityId() {
        return security.getCallerPrincipal().getName();
    }

    /** @return the email trait, or nothing */
    public String getEmail() {
        return session.identity().email().orElse("");
    }

    /** @return the session's assurance level, {@code aal1} or {@code aal2} */
    public String getAssuranceLevel() {
        return session.assuranceLevel().wireValue();
    }

    /** @return whether the caller is in the {@code admin} role ({@code metadata_public.roles}) */
    public boolean isAdministrator() {
        return security.isCallerInRole("admin");
    }
}
