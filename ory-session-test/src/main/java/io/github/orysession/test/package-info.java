/**
 * The testing kit, for an application's own tests (add {@code ory-session-test} in test scope).
 * <p>
 * Without Kratos, in Weld JUnit 5 tests: {@link io.github.orysession.test.OryWeld} puts the library and the beans under
 * test in a container, {@link io.github.orysession.test.WithOrySession} describes the test's session (or its absence,
 * or an outage), {@link io.github.orysession.test.TestSessions} builds sessions and identities by hand, and
 * {@link io.github.orysession.test.TestKratos} sets what "Kratos" answers. With a real Kratos, in integration tests:
 * {@code io.github.orysession.test.kratos}.
 *
 * <pre>{@code
 * @EnableWeld
 * class MeResourceTest {
 *     @WeldSetup WeldInitiator weld = OryWeld.of(MeResource.class);
 *     @Inject MeResource me;
 *
 *     @Test @WithOrySession(email = "ada@example.com")
 *     void greets() { assertThat(me.greeting().getString("message")).isEqualTo("Hello, ada@example.com"); }
 *
 *     @Test @WithOrySession(state = SessionState.ANONYMOUS)
 *     void refusesStrangers() { assertThatThrownBy(me::greeting).isInstanceOf(UnauthenticatedException.class); }
 * }
 * }</pre>
 */
package io.github.orysession.test;
