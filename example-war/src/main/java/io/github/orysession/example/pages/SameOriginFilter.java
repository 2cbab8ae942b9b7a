package io.github.orysession.example.pages;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;

/**
 * Refuses a {@link SameOrigin} action that another site made the browser send, with {@code 403} and an HTML page,
 * before the session is even looked at (it runs ahead of the library's authentication filter). See
 * {@link SameOriginCheck} for the rules.
 */
@Provider
@SameOrigin
@Priority(Priorities.AUTHENTICATION - 100)
public class SameOriginFilter implements ContainerRequestFilter {

    private volatile ReturnToPolicy policy;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> refusal = SameOriginCheck.refusal(request.getHeaders()::getFirst,
                request.getUriInfo().getBaseUri(), policy());
        refusal.ifPresent(reason -> request.abortWith(Page.html(403, Page.basePath(request.getUriInfo().getBaseUri()),
                "Request refused", new Html()
                        .append(Blocks.message("error", reason))
                        .append(Blocks.paragraph("Nothing was changed. Use the buttons on this application's own "
                                + "pages.")))));
    }

    /** JAX-RS makes the filter, not CDI: the bean is looked up once, on first use. */
    private ReturnToPolicy policy() {
        ReturnToPolicy result = policy;
        if (result == null) {
            result = CDI.current().select(ReturnToPolicy.class).get();
            policy = result;
        }
        return result;
    }
}
