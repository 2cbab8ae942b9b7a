package io.github.orysession.example.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte, for header values a well-behaved client refuses to send (non-ASCII, bare CR).
 * Loopback only.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param uri the target (host must be 127.0.0.1)
     * @param headerLines raw header lines, without line ends; may hold any bytes as UTF-8
     * @return the status code of the answer
     */
    static int get(URI uri, String... headerLines) throws IOException {
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("loopback only");
        }
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(uri.getPort()).append("\r\n")
                    .append("Accept: application/json\r\nConnection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no HTTP status line in the answer: " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }
    }
}
