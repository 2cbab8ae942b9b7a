package io.github.orysession.jaxrs;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.OrySessionException;

/**
 * Answers an {@link OrySessionException} thrown inside a resource (for example by the {@code @Authenticated}
 * interceptor on a CDI bean the resource calls, a step-up included, or by {@code OrySession.get()} on an anonymous
 * request) the same way the request filter would have: a browser navigation is sent to the login, an API client
 * gets the JSON error.
 */
@Provider
public class OrySessionExceptionMapper implements ExceptionMapper<OrySessionException> {

    private final LibraryBeans beans;

    /** Looks the library's beans up through CDI when first needed. */
    public OrySessionExceptionMapper() {
        this(new LibraryBeans());
    }

    /** @param beans the library's beans */
    OrySessionExceptionMapper(LibraryBeans beans) {
        this.beans = beans;
    }

    @Context
    Request request;
    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(OrySessionException exception) {
        return FailureResponses.of(exception, FailureResponses.view(request, uriInfo, headers), beans.loginRedirects(),
                beans.requestCredentials().get().wasOffered());
    }
}
