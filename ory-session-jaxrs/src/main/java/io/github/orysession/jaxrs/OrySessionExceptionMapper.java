package io.github.orysession.jaxrs;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.OrySessionException;

/**
 * Answers an {@link OrySessionException} thrown inside a resource (for example by the {@code @Authenticated}
 * interceptor on a CDI bean the resource calls, or by {@code OrySession.get()} on an anonymous request) the
 * same way the request filter would have.
 */
@Provider
public class OrySessionExceptionMapper implements ExceptionMapper<OrySessionException> {

    @Override
    public Response toResponse(OrySessionException exception) {
        return ErrorResponses.of(exception, true);
    }
}
