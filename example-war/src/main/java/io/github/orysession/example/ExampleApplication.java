package io.github.orysession.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The example's JAX-RS application, under {@code /api}. */
@ApplicationPath("/api")
public class ExampleApplication extends Application {
}
