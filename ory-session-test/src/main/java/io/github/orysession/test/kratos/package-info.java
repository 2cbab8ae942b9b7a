/**
 * A real Ory Kratos for an application's integration tests: {@link io.github.orysession.test.kratos.RealKratos} (a
 * JUnit 5 extension) starts one (a binary, this project's build script, or one running already by URL),
 * {@link io.github.orysession.test.kratos.KratosTestClient} registers users and hands out session tokens and browser
 * cookie jars, {@link io.github.orysession.test.kratos.KratosStepUp} gives AAL2 sessions with TOTP,
 * {@link io.github.orysession.test.kratos.IssuedCredentials} remembers every credential handed out, for a log scan.
 *
 * <pre>{@code
 * @ExtendWith({RealKratos.class, ArquillianExtension.class})
 * class GreetingIT {
 *     static final KratosTestClient KRATOS = new KratosTestClient();
 *     @ArquillianResource URL base;
 *
 *     @Test
 *     void greetsTheSignedInUser() throws Exception {
 *         KratosTestClient.Registered ada = KRATOS.register();
 *         HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/me"))
 *                 .header("X-Session-Token", ada.sessionToken()).build(), HttpResponse.BodyHandlers.ofString());
 *         assertThat(answer.statusCode()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 */
package io.github.orysession.test.kratos;
