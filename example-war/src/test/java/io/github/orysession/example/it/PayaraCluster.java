package io.github.orysession.example.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two Payara Micro instances of the example WAR clustered on loopback (their own Hazelcast data grid, found over
 * TCP/IP, never by multicast), both with the session cache on the {@code jcache} backend: Payara's Hazelcast-backed
 * JCache. Started by hand rather than through Arquillian, whose Payara Micro adapter runs one instance per JVM
 * without clustering. Their consoles go to {@code target/server-logs/payara-micro/cluster-<name>.log}, which the log
 * scan reads too.
 */
final class PayaraCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final List<Process> processes = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    /** What each instance's last readiness probe got, for the message when it never became ready. */
    private final String[] lastProbe = {"none yet", "none yet"};

    /**
     * Starts both instances and waits until both answer and the data grid has both members.
     *
     * @param systemProperties extra {@code -D} options for both, such as the cache TTL
     */
    static PayaraCluster start(String... systemProperties) throws Exception {
        return startWithHazelcast(null, systemProperties);
    }

    /**
     * Starts both instances with a Hazelcast configuration file of their own ({@code -Dhazelcast.config}, which
     * Payara reads instead of building one from its options): the loopback network both instances would get anyway,
     * one partition, and the given elements, such as a bound on a cache.
     *
     * @param hazelcastElements XML elements for the {@code <hazelcast>} configuration, or {@code null} for Payara's own
     * @param systemProperties extra {@code -D} options for both
     */
    static PayaraCluster startWithHazelcast(String hazelcastElements, String... systemProperties) throws Exception {
        PayaraCluster cluster = new PayaraCluster();
        try {
            cluster.launch(hazelcastElements, systemProperties);
            cluster.awaitReady();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The example's base URL on instance {@code i} (0 or 1), e.g. {@code http://127.0.0.1:8123/example/}. */
    URI instance(int i) {
        return urls.get(i);
    }

    private void launch(String hazelcastElements, String... systemProperties) throws IOException {
        String name = "ory-it-" + UUID.randomUUID().toString().substring(0, 8);
        int[] grid = {freePort(), freePort()};
        String members = "tcpip:127.0.0.1:" + grid[0] + ",127.0.0.1:" + grid[1];
        for (int i = 0; i < 2; i++) {
            int http = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-Dory.session.cache.backend=jcache"));
            command.addAll(List.of(systemProperties));
            if (hazelcastElements != null) {
                Path config = ServerLogs.dir().resolve("cluster-" + (char) ('a' + i) + "-hazelcast.xml");
                Files.writeString(config, hazelcastConfig(name, grid[i], grid, hazelcastElements), StandardCharsets.UTF_8);
                command.add("-Dhazelcast.config=" + config.toAbsolutePath());
            }
            command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("example.war", "target/example.war"), "--contextroot", "example",
                    "--port", String.valueOf(http), "--clustername", name, "--clustermode", members,
                    "--interfaces", "127.0.0.1", "--startport", String.valueOf(grid[i]), "--nohostaware"));
            Path log = ServerLogs.dir().resolve("cluster-" + (char) ('a' + i) + ".log");
            Files.deleteIfExists(log);
            // The environment is the test JVM's: ORY_KRATOS_URL and the other keys failsafe sets for the example.
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
            urls.add(URI.create("http://127.0.0.1:" + http + "/example/"));
            logs.add(log);
        }
    }

    /** A member on loopback that finds the other over TCP/IP only, in a grid of one partition. */
    private static String hazelcastConfig(String cluster, int port, int[] grid, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                    <cluster-name>%s</cluster-name>
                    <properties>
                        <property name="hazelcast.partition.count">1</property>
                        <property name="hazelcast.phone.home.enabled">false</property>
                    </properties>
                    <network>
                        <port auto-increment="false">%d</port>
                        <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                        <join>
                            <auto-detection enabled="false"/>
                            <multicast enabled="false"/>
                            <tcp-ip enabled="true">
                                <member-list><member>127.0.0.1:%d</member><member>127.0.0.1:%d</member></member-list>
                            </tcp-ip>
                        </join>
                    </network>
                %s
                </hazelcast>
                """.formatted(cluster, port, grid[0], grid[1], elements);
    }

    private void awaitReady() throws Exception {
        // HTTP/1.1: the default h2c upgrade offered by the first probe, made while the application was still
        // deploying, was answered by a closed connection ("Broken pipe" in Grizzly's log), and the instance was then
        // reported as never started although its log said it was ready within 24 s.
        HttpClient http = TestHttp.client(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        for (int i = 0; i < 2; i++) {
            while (!answers(http, urls.get(i).resolve("api/public"), i)) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException("Payara Micro instance " + i + " exited; see " + logs.get(i));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Payara Micro instance " + i + " did not start within " + STARTUP
                            + " (last probe: " + lastProbe[i] + "); see " + logs.get(i));
                }
                Thread.sleep(500);
            }
        }
        while (!gridHasBothMembers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the two instances did not form one data grid; see " + logs);
            }
            Thread.sleep(500);
        }
    }

    private boolean gridHasBothMembers() throws IOException {
        for (Path log : logs) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("DG Size: 2")) {
                return true;
            }
        }
        return false;
    }

    private boolean answers(HttpClient http, URI uri, int instance) throws InterruptedException {
        // Bounded by the caller too, not only by the request's own timeout: a probe that hangs must not keep the
        // loop from seeing the deadline or the next probe.
        CompletableFuture<HttpResponse<Void>> probe = http.sendAsync(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        try {
            int status = probe.get(6, TimeUnit.SECONDS).statusCode();
            lastProbe[instance] = "HTTP " + status;
            return status == 200;
        } catch (ExecutionException | TimeoutException notYet) {
            probe.cancel(true);
            lastProbe[instance] = notYet instanceof ExecutionException ? String.valueOf(notYet.getCause()) : "no answer within 6 s";
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
