package io.github.orysession.example.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request to a server on a Unix domain socket, the way Kratos listens when its {@code serve.*.host} is
 * {@code unix:/path}: the JDK's HTTP client speaks TCP only. The request is HTTP/1.0, so that Go's server answers
 * without chunked encoding and ends the answer by closing the connection: the whole answer is what was read until
 * then. A server that has not answered within the timeout has its connection closed.
 */
final class UnixSocketHttp {

    private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "unix-socket-http-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    /** An answer: its status, its header fields in order (a name may repeat, as {@code Set-Cookie} does), its body. */
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private UnixSocketHttp() {
    }

    /**
     * @param socket the server's socket file
     * @param method the request method
     * @param target the path and query, such as {@code /sessions/whoami}
     * @param headers header fields to send (no {@code Content-Length} or {@code Connection}: those are this class's)
     * @param body the request body, empty for none
     * @param timeout how long the whole exchange may take
     * @return the answer
     * @throws IOException when the server cannot be reached, closes without an answer, or takes too long
     */
    static Answer send(Path socket, String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                       Duration timeout) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> deadline = TIMEOUTS.schedule(() -> close(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(request(method, target, headers, body)));
                return parse(Channels.newInputStream(channel).readAllBytes());
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static byte[] request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.0\r\n");
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) throws IOException {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) {
            throw new IOException("the server closed the connection without a complete answer (" + raw.length + " bytes)");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + lines[0]);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Answer(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            int j = 0;
            while (j < pattern.length && data[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only to stop waiting: the exchange fails with its own exception
        }
    }
}
