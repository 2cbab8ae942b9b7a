package io.github.orysession.example.it;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the servers' logs go: {@code target/server-logs/<server>}. The kit's {@code RealKratos} writes
 * {@code kratos.log} there ({@code kratos.log.dir}); the application servers print to this JVM's console (that is how
 * Arquillian sees them start), so the console is also copied to {@code test-jvm-console.log} for the log scan.
 * <p>
 * As a JUnit extension, listed before {@code RealKratos} and Arquillian's: it starts the copy before either starts a
 * process, and points the kit's Kratos log at this folder.
 */
public final class ServerLogs implements BeforeAllCallback {

    private static boolean captured;

    /** For {@code @ExtendWith}. */
    public ServerLogs() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (System.getProperty("kratos.log.dir") == null) {
            System.setProperty("kratos.log.dir", dir().toString());
        }
        capture();
    }

    static Path dir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("server.log.dir", "target/server-logs")));
    }

    static Path console() throws IOException {
        return dir().resolve("test-jvm-console.log");
    }

    /** Copies everything printed to this JVM's console to {@link #console()} from now on. */
    static synchronized void capture() throws IOException {
        if (captured) {
            return;
        }
        OutputStream file = new FileOutputStream(console().toFile(), true);
        System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err, file), true, StandardCharsets.UTF_8));
        captured = true;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            try {
                first.flush();
                second.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
