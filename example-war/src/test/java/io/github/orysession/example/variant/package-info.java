/**
 * Test-only classes that the integration tests add to variants of the example WAR (see
 * {@code io.github.orysession.example.it.ExampleVariants}), to prove that the library's JSON Web Token mapper, on or
 * off, coexists with the server's own MicroProfile JWT, with or without {@code @LoginConfig(authMethod = "MP-JWT")}.
 * They are never part of the example itself.
 */
package io.github.orysession.example.variant;
