package io.github.orysession.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The example's JAX-RS application, at the root: the pages for a person in a browser
 * ({@code io.github.orysession.example.pages}), and the JSON API under {@code /api}.
 */
@ApplicationPath("/")
public class ExampleApplication extends Application {
}
