package io.github.orysession.test;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;
import io.github.orysession.Traits;
import io.github.orysession.model.AuthenticatorAssuranceLevel;

/** An application bean as the kit's users write them. */
@RequestScoped
public class Greeter {

    /** The traits of the test identity schema. */
    public record Person(String email, String name) {
    }

    @Inject
    OrySession session;

    @Inject
    @Traits
    jakarta.enterprise.inject.Instance<Person> person;

    @Authenticated
    public String hello() {
        return "Hello, " + session.identity().email().orElse("?");
    }

    @Authenticated
    public String name() {
        return person.get().name();
    }

    @Authenticated(aal = AuthenticatorAssuranceLevel.AAL2)
    public String secret() {
        return "secret for " + session.identityId();
    }

    @Authenticated(maxAgeSeconds = 300)
    public String recent() {
        return "recent";
    }

    public Set<String> roles() {
        return session.roles();
    }

    public String open() {
        return session.isAuthenticated() ? "member" : "stranger";
    }
}
