package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see {@code junit-platform.properties}): no session token or cookie value handed out during the
 * whole integration run appears in any server log, Kratos's included.
 */
@Order(Integer.MAX_VALUE)
@Tag(TargetServer.COMPAT)
class LogScanIT {

    @Test
    void noCredentialAppearsInAnyServerLog() throws IOException {
        System.out.flush();
        List<Path> logs = new java.util.ArrayList<>(logFiles(ServerLogs.dir()));
        for (Path dir : TargetServer.current().logDirs()) {
            logs.addAll(logFiles(dir));
        }
        String all = read(logs);
        List<String> secrets = Secrets.all();

        assertThat(secrets).as("tokens and cookies handed out during the run").hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).as("the scanned logs hold the application server's output")
                .contains("Ory sessions are checked against");
        assertThat(all).as("the scanned logs hold Kratos's access log").contains("/sessions/whoami");
        for (String secret : secrets) {
            assertThat(all.contains(secret)).as("a credential (sha-prefix %s) appears in %s",
                    Integer.toHexString(secret.hashCode()), logs).isFalse();
        }
    }

    private static List<Path> logFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".log")).toList();
        }
    }

    private static String read(List<Path> logs) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            all.append(Files.readString(log, StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }
}
