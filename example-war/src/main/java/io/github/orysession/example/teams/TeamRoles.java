package io.github.orysession.example.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.orysession.Augmentation;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.model.Session;

/**
 * The example's {@link SessionAugmentor}: adds the roles the {@link TeamDirectory} gives the session's identity, and
 * an attribute saying where they came from. Called by the library once per session cache fill; when the directory
 * cannot read the identity's record, the exception makes the request a {@code 503}, never a pass without the roles.
 */
@ApplicationScoped
public class TeamRoles implements SessionAugmentor {

    @Inject
    TeamDirectory directory;

    @Override
    public Augmentation augment(Session session) {
        return Augmentation.roles(directory.rolesOf(session.identity().id())).withAttribute("roles_from", "team-directory");
    }
}
