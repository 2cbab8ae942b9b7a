package io.github.orysession.example.teams;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The example's "application database" of roles that Kratos does not know: which identities are on which teams, in
 * memory. An identity's record can be marked unreadable, to show what the library does when the application's data
 * cannot be read ({@link TeamRoles} then fails, and the request is answered {@code 503}).
 */
@ApplicationScoped
public class TeamDirectory {

    private final ConcurrentMap<String, Set<String>> roles = new ConcurrentHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    /**
     * @param identityId an identity
     * @param role the role it gets
     */
    public void grant(String identityId, String role) {
        roles.computeIfAbsent(identityId, id -> ConcurrentHashMap.newKeySet()).add(role);
    }

    /**
     * @param identityId an identity
     * @param role the role it loses
     */
    public void revoke(String identityId, String role) {
        roles.getOrDefault(identityId, Set.of()).remove(role);
    }

    /**
     * @param identityId an identity
     * @param readable whether its record can be read
     */
    public void setReadable(String identityId, boolean readable) {
        if (readable) {
            unreadable.remove(identityId);
        } else {
            unreadable.add(identityId);
        }
    }

    /**
     * @param identityId an identity
     * @return its roles, none when it is on no team
     * @throws IllegalStateException when its record cannot be read
     */
    public Set<String> rolesOf(String identityId) {
        if (unreadable.contains(identityId)) {
            throw new IllegalStateException("the team directory cannot read the record of an identity");
        }
        return Set.copyOf(roles.getOrDefault(identityId, Set.of()));
    }
}
