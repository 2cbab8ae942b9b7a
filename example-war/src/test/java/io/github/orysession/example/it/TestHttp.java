package io.github.orysession.example.it;

import java.net.CookieHandler;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The tests' HTTP clients, all HTTP/1.1 as browsers speak to a cleartext server. The JDK's default is HTTP/2 by
 * upgrade (h2c): its first request on a connection offers the upgrade, and the servers answer it differently while
 * an application is still deploying (Payara Micro's Grizzly closed such a connection with "Broken pipe" during a
 * cluster start, and a readiness probe then never saw the application), or put every request on one connection
 * whose stream limit refuses some of many concurrent requests (Open Liberty: RST_STREAM "Stream not processed"),
 * which the JDK client does not retry. Every test client is made here, so none can fall back to the default.
 */
final class TestHttp {

    private TestHttp() {
    }

    /** A client with the given connect timeout. */
    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** A client with a 5 s connect timeout. */
    static HttpClient client() {
        return client(Duration.ofSeconds(5));
    }

    /** A client that keeps cookies in {@code jar}, as a browser does. */
    static HttpClient browser(CookieHandler jar) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(jar)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
