package io.github.orysession.example.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request written byte for byte over loopback, with every header under the test's control
 * ({@code Host} and {@code X-Forwarded-Host} included, which {@code java.net.http} will not forge), and the
 * answer's status, headers and body. For redirects the answer is never followed.
 */
final class RawRequest {

    private final URI server;
    private final String method;
    private final String target;
    private final List<String> headerLines = new ArrayList<>();
    private boolean hostSet;

    private RawRequest(URI server, String method, String target) {
        if (!"127.0.0.1".equals(server.getHost())) {
            throw new IllegalArgumentException("loopback only");
        }
        this.server = server;
        this.method = method;
        this.target = target;
    }

    /**
     * @param uri the page, on 127.0.0.1; its path and query are the request target
     * @return a {@code GET} of it, with {@code Host: 127.0.0.1:<port>} unless another is set
     */
    static RawRequest get(URI uri) {
        return new RawRequest(uri, "GET", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /**
     * @param server the server to connect to (127.0.0.1)
     * @param method the method
     * @param target the request target exactly as written on the request line (origin or absolute form)
     * @return the request
     */
    static RawRequest of(URI server, String method, String target) {
        return new RawRequest(server, method, target);
    }

    /** Adds a header line as given; a {@code Host} header replaces the default one. */
    RawRequest header(String name, String value) {
        if (name.equalsIgnoreCase("Host")) {
            hostSet = true;
        }
        headerLines.add(name + ": " + value);
        return this;
    }

    /** The headers a browser sends when the user navigates to a page. */
    RawRequest asBrowserNavigation() {
        return header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").header("Sec-Fetch-Site", "none");
    }

    Answer send() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (!hostSet) {
                request.append("Host: 127.0.0.1:").append(server.getPort()).append("\r\n");
            }
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    /**
     * An answer.
     *
     * @param status the status code
     * @param headers every header line by name (case-insensitive), in order
     * @param body the body as text (chunked bodies are left as sent)
     */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        List<String> all(String name) {
            return headers.getOrDefault(name, List.of());
        }

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ");
            if (statusLine.length < 2) {
                throw new IOException("no HTTP status line in the answer: " + lines[0]);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(statusLine[1]), headers, end < 0 ? "" : raw.substring(end + 4));
        }
    }
}
