package io.github.orysession.example;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.github.orysession.Authenticated;
import io.github.orysession.OrySession;

/**
 * Orders, served by sub-resource locators: the sub-resources ({@link OrderResource}, {@link OrderAuditResource}) are
 * plain classes without annotations of their own, and are protected by what the locator chain is protected by, this
 * class's {@code @Authenticated} and the audit locator's {@code @RolesAllowed}. An order that does not exist is
 * {@code 404} only for a caller with a session: without one the locator never runs, so nobody learns which orders
 * exist.
 */
@Path("api/orders")
@RequestScoped
@Authenticated
public class OrdersResource {

    /** The id of the only order that does not exist, for the tests. */
    public static final String MISSING = "missing";

    @Inject
    OrySession session;

    /**
     * @param id the order id
     * @return the order
     */
    @Path("{id}")
    public OrderResource order(@PathParam("id") String id) {
        return new OrderResource(find(id), session.identityId());
    }

    /**
     * @param id the order id
     * @return the order's audit trail, for administrators only
     */
    @Path("{id}/audit")
    @RolesAllowed("admin")
    public OrderAuditResource audit(@PathParam("id") String id) {
        return new OrderAuditResource(find(id));
    }

    private static String find(String id) {
        if (MISSING.equals(id)) {
            throw new NotFoundException("no order " + id);
        }
        return id;
    }
}
