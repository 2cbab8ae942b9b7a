package io.github.orysession.example.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/**
 * An enterprise bean only administrators may call: the container checks {@code @RolesAllowed} against the caller the
 * library's mechanism gave it, whose roles are the identity's {@code metadata_public.roles}. Anyone else gets
 * {@code EJBAccessException}, which {@link AdminPage} turns into {@code 403}.
 */
@Stateless
public class AdminReport {

    @Resource
    SessionContext context;

    /** @return what an administrator sees */
    @RolesAllowed("admin")
    public String summary() {
        return "Only administrators read this. You are " + context.getCallerPrincipal().getName()
                + (context.isCallerInRole("admin") ? ", in the admin role." : ".");
    }
}
