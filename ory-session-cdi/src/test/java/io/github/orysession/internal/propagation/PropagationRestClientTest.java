package io.github.orysession.internal.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.orysession.OrySessionException;
import io.github.orysession.UnauthenticatedException;
import io.github.orysession.internal.cdi.OrySessionExtension;
import io.github.orysession.internal.cdi.RequestRunner;
import io.github.orysession.internal.config.PropagationConfig;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.propagation.IdentityPropagationException;

/**
 * The provider in a real MicroProfile REST client (RESTEasy's, the implementation Open Liberty builds on) over real
 * HTTP to a local recorder, inside Weld request contexts: synchronous and asynchronous calls, calls made after the
 * request is over, the allow-list, required identities, concurrent callers, and the all-clients listener.
 */
@EnableWeld
class PropagationRestClientTest {

    private static Recorder recorder;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new OrySessionExtension())
                    .addExtension(new PropagationExtension())
                    .addBeanClasses(TokenizingLookup.class, RequestRunner.class))
            .build();

    @Inject
    RequestRunner runner;

    @BeforeAll
    static void startRecorder() throws Exception {
        recorder = new Recorder();
        System.setProperty(PropagationConfig.ALLOWED_URLS, recorder.base() + "/allowed");
        releaseConfig();
    }

    @AfterAll
    static void stopRecorder() {
        System.clearProperty(PropagationConfig.ALLOWED_URLS);
        System.clearProperty(PropagationConfig.ALL_CLIENTS);
        releaseConfig();
        recorder.close();
    }

    @BeforeEach
    void forget() {
        recorder.clear();
    }

    @Test
    void aSynchronousCallCarriesTheCallersJwt() {
        RecorderClients.Optional client = build(RecorderClients.Optional.class);

        runner.inRequest(token("alice"), () -> client.call("alice"));

        assertThat(subjectOfOnlyCall()).as("the JWT's sub").isEqualTo("alice");
    }

    @Test
    void anAsynchronousCallSentAfterTheRequestIsOverCarriesTheIdentityOfWhenItWasMade() throws Exception {
        CountDownLatch requestOver = new CountDownLatch(1);
        ThreadPoolExecutor sendsLater = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                try {
                    requestOver.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            RecorderClients.Optional client = RestClientBuilder.newBuilder().baseUri(recorder.base())
                    .executorService(sendsLater).build(RecorderClients.Optional.class);

            CompletionStage<String> call = runner.inRequest(token("alice"), () -> client.callAsync("alice"));
            assertThat(recorder.received()).as("nothing sent while the request was going on").isEmpty();
            requestOver.countDown();

            assertThat(call.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("recorded");
            assertThat(subjectOfOnlyCall()).as("the JWT's sub, sent from another thread after the request").isEqualTo("alice");
        } finally {
            sendsLater.shutdownNow();
        }
    }

    @Test
    void aProviderRegisteredWithTheBuilderAlsoCarriesTheIdentityOfAsynchronousCalls() throws Exception {
        RecorderClients.Programmatic client = RestClientBuilder.newBuilder().baseUri(recorder.base())
                .register(io.github.orysession.propagation.OryIdentityPropagation.class)
                .build(RecorderClients.Programmatic.class);

        CompletionStage<String> call = runner.inRequest(token("alice"), () -> client.callAsync("alice"));

        assertThat(call.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("recorded");
        assertThat(subjectOfOnlyCall()).isEqualTo("alice");
    }

    @Test
    void aUrlTheAllowListDoesNotAdmitGetsNothingEvenFromAClientWhoseBaseUrlIsAllowed() {
        RecorderClients.Optional client = RestClientBuilder.newBuilder().baseUri(URI.create(recorder.base() + "/allowed/.."))
                .build(RecorderClients.Optional.class);
        RecorderClients.Optional plain = build(RecorderClients.Optional.class);

        runner.inRequest(token("alice"), () -> plain.elsewhere("alice") + plain.escape("..%2F..%2Felsewhere"));

        assertThat(recorder.received()).hasSize(2).allSatisfy(call -> {
            assertThat(call.header("Authorization")).as("Authorization on %s", call.path()).isNull();
            assertThat(call.header("X-Session-Token")).as("X-Session-Token on %s", call.path()).isNull();
        });
        assertThat(client).isNotNull();
    }

    @Test
    void aRequiredIdentityIsNeverSentAnonymouslyNorToAUrlNotAllowed() {
        RecorderClients.Required client = build(RecorderClients.Required.class);

        Throwable anonymous = catchFailure(() -> runner.inRequest(Credentials.none(), () -> client.call("nobody")));
        Throwable revoked = catchFailure(() -> runner.inRequest(token("revoked-bob"), () -> client.call("bob")));
        Throwable elsewhere = catchFailure(() -> runner.inRequest(token("alice"), () -> client.elsewhere("alice")));
        Throwable outside = catchFailure(() -> client.call("outside"));

        assertThat(IdentityPropagationException.of(anonymous)).get().isInstanceOf(UnauthenticatedException.class)
                .extracting(OrySessionException::reason).isEqualTo("no_credentials");
        assertThat(IdentityPropagationException.of(revoked)).get().extracting(OrySessionException::reason)
                .isEqualTo("invalid_session");
        assertThat(IdentityPropagationException.of(elsewhere)).get().extracting(OrySessionException::reason)
                .isEqualTo("downstream_not_allowed");
        assertThat(IdentityPropagationException.of(outside)).get().extracting(OrySessionException::reason)
                .isEqualTo("no_request");
        assertThat(recorder.received()).as("no call was made").isEmpty();
    }

    @Test
    void aRequiredIdentityFailsAnAsynchronousCallThroughItsStage() {
        RecorderClients.Required client = build(RecorderClients.Required.class);

        CompletionStage<String> call = runner.inRequest(Credentials.none(), () -> client.callAsync("nobody"));

        assertThatThrownBy(() -> call.toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(IdentityPropagationException.of(e)).get().isInstanceOf(UnauthenticatedException.class));
        assertThat(recorder.received()).isEmpty();
    }

    @Test
    void withoutASessionOrOutsideARequestAnOptionalIdentityIsLeftOut() throws Exception {
        RecorderClients.Optional client = build(RecorderClients.Optional.class);

        runner.inRequest(Credentials.none(), () -> client.call("nobody"));
        client.call("outside");
        client.callAsync("outside-async").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(recorder.received()).hasSize(3)
                .allSatisfy(call -> assertThat(call.header("Authorization")).as("%s", call.query()).isNull());
    }

    @Test
    void sessionTokenModeByConfigurationForwardsTheTokenAndNeverACookie() {
        System.setProperty("ory.propagation.client.recorder.mode", "session-token");
        releaseConfig();
        try {
            RecorderClients.Optional client = build(RecorderClients.Optional.class);

            runner.inRequest(token("alice"), () -> client.call("alice"));
            runner.inRequest(Credentials.ofCookies("ory_kratos_session=carol"), () -> client.call("carol"));

            List<Recorder.Received> calls = recorder.received();
            assertThat(calls).hasSize(2);
            Recorder.Received alice = calls.stream().filter(c -> c.query().equals("user=alice")).findFirst().orElseThrow();
            Recorder.Received carol = calls.stream().filter(c -> c.query().equals("user=carol")).findFirst().orElseThrow();
            assertThat(alice.header("X-Session-Token")).isEqualTo("ory_st_alice");
            assertThat(alice.header("Authorization")).as("not the JWT as well").isNull();
            assertThat(carol.header("X-Session-Token")).as("a browser's session has no token to send").isNull();
            assertThat(carol.header("Cookie")).as("and its cookie is never sent").isNull();
        } finally {
            System.clearProperty("ory.propagation.client.recorder.mode");
            releaseConfig();
        }
    }

    /**
     * Synchronous calls only: upstream RESTEasy (this test's MicroProfile REST client, not Open Liberty's fork) runs
     * asynchronous invocation interceptors only for calls made on the thread that built the client, because it keeps
     * them in that thread's context data; a call from another thread then carries nothing (see docs/propagation.md).
     * The integration tests run 100 concurrent asynchronous callers on Payara Micro (Jersey) and Open Liberty.
     */
    @Test
    void aHundredConcurrentCallersThroughOneClientNeverCarryEachOthersIdentity() throws Exception {
        RecorderClients.Optional client = build(RecorderClients.Optional.class);
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String user = "user-" + i;
                calls.add(callers.submit(() -> runner.inRequest(token(user), () -> client.call(user) + client.call(user))));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo("recordedrecorded");
            }
        } finally {
            callers.shutdownNow();
        }

        List<Recorder.Received> received = recorder.received();
        assertThat(received).as("two calls per caller").hasSize(200);
        assertThat(received).allSatisfy(call -> assertThat(TestJwts.subject(bearer(call)))
                .as("the JWT sent to %s with %s", call.path(), call.query()).isEqualTo(call.query().substring("user=".length())));
    }

    @Test
    void allClientsGivesTheProviderToEveryRestClientButTheLibrarysOwn() {
        RecorderClients.Unregistered before = build(RecorderClients.Unregistered.class);
        System.setProperty(PropagationConfig.ALL_CLIENTS, "true");
        releaseConfig();
        try {
            RecorderClients.Unregistered after = build(RecorderClients.Unregistered.class);

            runner.inRequest(token("alice"), () -> before.call("before") + after.call("after"));
        } finally {
            System.clearProperty(PropagationConfig.ALL_CLIENTS);
            releaseConfig();
        }

        Recorder.Received withoutKey = recorder.received().stream().filter(c -> c.query().equals("user=before")).findFirst().orElseThrow();
        Recorder.Received withKey = recorder.received().stream().filter(c -> c.query().equals("user=after")).findFirst().orElseThrow();
        assertThat(withoutKey.header("Authorization")).as("built before all-clients").isNull();
        assertThat(TestJwts.subject(bearer(withKey))).as("built with all-clients").isEqualTo("alice");
    }

    private String subjectOfOnlyCall() {
        assertThat(recorder.received()).hasSize(1);
        return TestJwts.subject(bearer(recorder.received().get(0)));
    }

    private static String bearer(Recorder.Received call) {
        String authorization = call.header("Authorization");
        assertThat(authorization).as("Authorization of %s", call.query()).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }

    private static Credentials token(String user) {
        return Credentials.ofToken(TokenizingLookup.TOKEN_PREFIX + user);
    }

    private static <T> T build(Class<T> type) {
        return RestClientBuilder.newBuilder().baseUri(recorder.base()).build(type);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }

    private static void releaseConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }
}
