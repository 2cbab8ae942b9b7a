package io.github.orysession.example.downstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The downstream's JAX-RS application. {@code @LoginConfig(authMethod = "MP-JWT")} makes the server verify every bearer
 * JWT ({@code mp.jwt.verify.*} in {@code microprofile-config.properties}). {@code @ApplicationScoped} because Payara
 * looks for {@code @LoginConfig} among CDI beans only, and with {@code bean-discovery-mode="annotated"} a class without
 * a bean-defining annotation is none.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class DownstreamApplication extends Application {
}
