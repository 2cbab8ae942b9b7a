package io.github.orysession.example.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads the real Kratos's own request log ({@code target/server-logs/<server>/kratos.log}), to count the whoami
 * calls the application made: counted at Kratos, not estimated. The tests' own calls to Kratos (Java's HTTP
 * client) are left out.
 */
final class KratosLog {

    private KratosLog() {
    }

    /** Whoami requests Kratos has received from the application servers so far. */
    static long whoamiCallsFromApplications() throws IOException {
        Path log = ServerLogs.dir().resolve("kratos.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("msg=started handling request"))
                    .filter(line -> line.contains("path:/sessions/whoami"))
                    .filter(line -> !line.contains("Java-http-client"))
                    .count();
        }
    }
}
