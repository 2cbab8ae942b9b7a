package io.github.orysession.example.variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The example's JAX-RS application, at the same {@code /} (the pages, and the JSON API under {@code /api}), for an
 * application that also accepts bearer JWTs verified by the server's own MicroProfile JWT ({@code mp.jwt.verify.*} in
 * its configuration).
 * <p>
 * {@code @ApplicationScoped} because Payara looks for {@code @LoginConfig} among CDI beans only, and with
 * {@code bean-discovery-mode="annotated"} a class without a bean-defining annotation is none: without it Payara
 * installs no MP-JWT at all and the WAR fails on the first {@code @Inject JsonWebToken}.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class LoginConfigApplication extends Application {
}
