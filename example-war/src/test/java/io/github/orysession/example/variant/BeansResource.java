package io.github.orysession.example.variant;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Shows the application's CDI beans that concern MicroProfile JWT: every {@code JsonWebToken} bean (the server's
 * and the library's), the one {@code @Inject JsonWebToken} resolves to, and every bean the library's
 * {@code io.github.orysession.jwt} package added (its CDI extension, always there, aside).
 */
@Path("api/beans")
@RequestScoped
public class BeansResource {

    private static final String LIBRARY_JWT_PACKAGE = "io.github.orysession.jwt.";

    @Inject
    BeanManager beans;

    /** @return the beans, as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject beans() {
        Set<Bean<?>> tokens = beans.getBeans(JsonWebToken.class);
        JsonArrayBuilder tokenBeans = Json.createArrayBuilder();
        tokens.forEach(bean -> tokenBeans.add(describe(bean)));
        JsonArrayBuilder libraryBeans = Json.createArrayBuilder();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .filter(bean -> bean.getBeanClass().getName().startsWith(LIBRARY_JWT_PACKAGE))
                .filter(bean -> !Extension.class.isAssignableFrom(bean.getBeanClass()))
                .forEach(bean -> libraryBeans.add(describe(bean)));
        return Json.createObjectBuilder()
                .add("json_web_token_beans", tokenBeans)
                .add("resolved", resolve(tokens))
                .add("library_jwt_beans", libraryBeans)
                .build();
    }

    private String resolve(Set<Bean<?>> tokens) {
        if (tokens.isEmpty()) {
            return "none";
        }
        try {
            return describe(beans.resolve(tokens));
        } catch (AmbiguousResolutionException e) {
            return "ambiguous";
        }
    }

    private static String describe(Bean<?> bean) {
        return bean.getBeanClass().getName() + " " + bean.getTypes();
    }
}
