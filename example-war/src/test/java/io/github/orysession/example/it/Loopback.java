package io.github.orysession.example.it;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * The server's URL with its host replaced by {@code 127.0.0.1}: Arquillian reports whatever interface the
 * server found first, and the tests must only ever send traffic over loopback.
 */
final class Loopback {

    private Loopback() {
    }

    static URI of(URL url) {
        try {
            String path = url.getPath().endsWith("/") ? url.getPath() : url.getPath() + "/";
            return new URI(url.getProtocol(), null, "127.0.0.1", url.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
