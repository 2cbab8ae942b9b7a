package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.orysession.test.kratos.KratosTestClient;
import io.github.orysession.test.kratos.RealKratos;

/**
 * The session cache shared by a cluster: two Payara Micro instances in one Hazelcast data grid, the cache on the
 * {@code jcache} backend with a TTL far longer than the test, against the real Kratos. A session revoked through
 * the library on instance A is refused on instance B at once, not after the TTL (B serves its near copies of the
 * grid's entries, and A's revocation waits them out), and stays refused when Hazelcast
 * evicts the revocation's record for size (the identities' cache is bounded to a handful of records here). Payara
 * Micro only: the JCache backend is Payara's Hazelcast.
 */
@ExtendWith({ServerLogs.class, RealKratos.class})
class ClusteredCacheIT {

    private static final HttpClient HTTP = TestHttp.client();
    private static final KratosTestClient KRATOS = new KratosTestClient();
    /** Longer than the whole test: nothing in it may be explained by an entry running out. */
    private static final Duration TTL = Duration.ofMinutes(10);
    /**
     * The near time, the default: each instance serves its copy of what it read from the grid this long, and a
     * revocation through the library waits it out, so that it is still refused on every instance at once.
     */
    private static final Duration NEAR = Duration.ofMillis(500);

    private static PayaraCluster cluster;

    /**
     * The identities' records (and the revocation records of earlier versions of the library) bounded to the least
     * Hazelcast allows: with one partition, {@code size="1"} keeps 6 records (Hazelcast adds five standard deviations
     * to the expected partition size below 4,000 entries), least recently used evicted first, silently.
     */
    private static final String SMALL_IDENTITY_CACHES = """
                <cache name="*-identities">
                    <key-type class-name="java.lang.String"/>
                    <value-type class-name="java.lang.String"/>
                    <eviction size="1" max-size-policy="ENTRY_COUNT" eviction-policy="LRU"/>
                </cache>
                <cache name="*-revocations">
                    <key-type class-name="java.lang.String"/>
                    <value-type class-name="java.lang.String"/>
                    <eviction size="1" max-size-policy="ENTRY_COUNT" eviction-policy="LRU"/>
                </cache>
            """;
    /** More identities than the bounded cache keeps, each recorded after the ones under test. */
    private static final int FLOOD = 10;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PayaraCluster.startWithHazelcast(SMALL_IDENTITY_CACHES, "-Dory.session.cache.ttl-ms=" + TTL.toMillis(),
                "-Dory.session.cache.jcache-near-ms=" + NEAR.toMillis());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSessionRevokedThroughTheLibraryOnOneInstanceIsRefusedOnTheOtherAtOnce() throws Exception {
        URI a = cluster.instance(0);
        URI b = cluster.instance(1);
        KratosTestClient.Registered user = KRATOS.register();
        KratosTestClient.Login laptop = KRATOS.login(user);
        KratosTestClient.Login phone = KRATOS.login(user);

        long before = KratosLog.whoamiCallsFromApplications();
        assertThat(me(b, laptop.sessionToken()).statusCode()).as("laptop session on B").isEqualTo(200);
        assertThat(me(b, phone.sessionToken()).statusCode()).as("phone session on B").isEqualTo(200);
        assertThat(me(a, laptop.sessionToken()).statusCode()).as("laptop session on A").isEqualTo(200);
        assertThat(me(a, phone.sessionToken()).statusCode()).as("phone session on A").isEqualTo(200);
        assertThat(KratosLog.whoamiCallsFromApplications() - before)
                .as("whoami calls for two sessions used on both instances: A is served from the cache B filled").isEqualTo(2);

        // Behind the library's back the phone session is revoked: the shared cache keeps serving it (within the TTL).
        KRATOS.revoke(phone.sessionId());
        assertThat(me(b, phone.sessionToken()).statusCode()).as("revoked outside the library: still cached on B")
                .isEqualTo(200);

        // Through the library on A: the user revokes the laptop session from another session of theirs.
        long sent = System.nanoTime();
        HttpResponse<String> revoked = send("DELETE", a.resolve("api/sessions/" + laptop.sessionId()), user.sessionToken());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(revoked.statusCode()).as("DELETE /api/sessions/{id} on A: %s", revoked.body()).isEqualTo(204);
        assertThat(took).as("the revocation waited out the instances' near copies (ory.session.cache.jcache-near-ms)")
                .isGreaterThanOrEqualTo(NEAR);

        HttpResponse<String> laptopOnB = me(b, laptop.sessionToken());
        assertThat(laptopOnB.statusCode()).as("the revoked session on B right after: %s", laptopOnB.body()).isEqualTo(401);
        assertThat(me(b, phone.sessionToken()).statusCode())
                .as("B asks Kratos again for every cached session of the identity, so the phone's revocation shows too")
                .isEqualTo(401);
        assertThat(me(b, user.sessionToken()).statusCode()).as("the user's remaining session still works on B").isEqualTo(200);
        assertThat(me(a, laptop.sessionToken()).statusCode()).as("and the revoked one is refused on A").isEqualTo(401);
    }

    @Test
    void aRevocationIsNotForgottenWhenHazelcastEvictsItsRecord() throws Exception {
        URI a = cluster.instance(0);
        URI b = cluster.instance(1);
        // Y's laptop session is cached on B, then revoked through the library on A: B must never serve it again.
        KratosTestClient.Registered y = KRATOS.register();
        KratosTestClient.Login yLaptop = KRATOS.login(y);
        assertThat(me(b, yLaptop.sessionToken()).statusCode()).as("Y's laptop session cached on B").isEqualTo(200);
        HttpResponse<String> revoked = send("DELETE", a.resolve("api/sessions/" + yLaptop.sessionId()), y.sessionToken());
        assertThat(revoked.statusCode()).as("revoked through the library on A: %s", revoked.body()).isEqualTo(204);
        // X's session is cached on B and revoked behind the library's back: B serves it while the grid remembers X.
        KratosTestClient.Login x = KRATOS.login(KRATOS.register());
        assertThat(me(b, x.sessionToken()).statusCode()).as("X's session cached on B").isEqualTo(200);
        KRATOS.revoke(x.sessionId());
        assertThat(me(b, x.sessionToken()).statusCode()).as("revoked outside the library: still cached on B").isEqualTo(200);

        // Other identities pass through A, each recorded (and revoked) later than X and Y: Hazelcast evicts X's and
        // Y's records to make room, without an event.
        for (int i = 0; i < FLOOD; i++) {
            KratosTestClient.Registered other = KRATOS.register();
            HttpResponse<String> logout = send("DELETE", a.resolve("api/sessions/current"), other.sessionToken());
            assertThat(logout.statusCode()).as("token logout %s on A: %s", i, logout.body()).isEqualTo(204);
        }

        HttpResponse<String> yAfter = me(b, yLaptop.sessionToken());
        assertThat(yAfter.statusCode()).as("Y's revoked session on B once its revocation record was evicted: %s",
                yAfter.body()).isEqualTo(401);
        HttpResponse<String> xAfter = me(b, x.sessionToken());
        assertThat(xAfter.statusCode()).as("X's session on B once X's record was evicted: a miss, so Kratos is asked: %s",
                xAfter.body()).isEqualTo(401);
    }

    private static HttpResponse<String> me(URI instance, String token) throws Exception {
        return send("GET", instance.resolve("api/me"), token);
    }

    private static HttpResponse<String> send(String method, URI uri, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").header("X-Session-Token", token)
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
