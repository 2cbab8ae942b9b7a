package io.github.orysession.example.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.orysession.test.kratos.RealKratos;

/**
 * What the example talks to in {@link PropagationIT}, started before the example is deployed:
 * <ul>
 * <li>the downstream service ({@code example-downstream}, its issuer set to this run's Kratos): on Payara Micro a
 * Payara Micro of its own on {@code propagation.downstream.port} (the Arquillian adapter runs one application per
 * JVM), on Open Liberty a second application of the same server, dropped into its {@code dropins} folder. Either way
 * a separate application with its own MicroProfile JWT, which does not contain the library;</li>
 * <li>a {@link HeaderRecorder} in this JVM, for what the example's probe clients send.</li>
 * </ul>
 * The downstream starts while Arquillian deploys the example; {@link #awaitDownstream()} waits for it.
 */
public final class PropagationPeers implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofSeconds(300);

    private static HeaderRecorder recorder;
    private static Process payara;
    private static Path dropped;
    private static boolean ready;

    /** The recorder of this test class. */
    static HeaderRecorder recorder() {
        return recorder;
    }

    /** The downstream's base URL, ending in {@code /}, e.g. {@code http://127.0.0.1:14481/downstream/}. */
    static URI downstream() {
        int port = TargetServer.current() == TargetServer.PAYARA
                ? Integer.getInteger("propagation.downstream.port", 14481) : Integer.getInteger("liberty.http.port", 9080);
        return URI.create("http://127.0.0.1:" + port + "/downstream/");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        recorder = new HeaderRecorder();
        ready = false;
        File war = downstreamWar();
        if (TargetServer.current() == TargetServer.PAYARA) {
            startPayara(war);
        } else {
            // Liberty deploys what appears in dropins (also before the server starts); its context root is the name.
            Path dropins = Path.of(System.getProperty("liberty.home"), "usr", "servers",
                    System.getProperty("liberty.server.name", "ory-example"), "dropins");
            Files.createDirectories(dropins);
            dropped = Files.copy(war.toPath(), dropins.resolve("downstream.war"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (recorder != null) {
            recorder.close();
        }
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
            payara = null;
        }
        if (dropped != null) {
            Files.deleteIfExists(dropped);
            dropped = null;
        }
    }

    /** Waits until the downstream answers (a {@code 401} without a JWT: deployed, its MicroProfile JWT on). */
    static synchronized void awaitDownstream() throws Exception {
        if (ready) {
            return;
        }
        HttpClient http = TestHttp.client(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "none yet";
        while (System.nanoTime() < deadline) {
            if (payara != null && !payara.isAlive()) {
                throw new IllegalStateException("the downstream's Payara Micro exited; see " + log());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(downstream().resolve("api/caller"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + answer.statusCode();
                if (answer.statusCode() == 401 && answer.body().contains("no_verified_jwt")) {
                    ready = true;
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the downstream did not answer within " + STARTUP + " (last: " + last + ")");
    }

    /** The downstream WAR as Maven built it, trusting this run's Kratos as the issuer. */
    private static File downstreamWar() throws IOException {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "downstream.war")
                .importFrom(new File(System.getProperty("downstream.war", "target/downstream.war"))).as(WebArchive.class);
        // Kratos writes its public base URL, trailing slash included, into "iss".
        ExampleVariants.withConfig(war, "mp.jwt.verify.issuer=" + RealKratos.publicUrl() + "/");
        Path dir = Files.createDirectories(Path.of("target", "propagation", TargetServer.current().name().toLowerCase()));
        File file = dir.resolve("downstream.war").toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    private static void startPayara(File war) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"), "--nocluster",
                "--port", String.valueOf(downstream().getPort()), "--deploy", war.getAbsolutePath(), "--contextroot", "downstream"));
        Files.deleteIfExists(log());
        payara = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
    }

    private static Path log() throws IOException {
        return ServerLogs.dir().resolve("downstream.log");
    }
}
