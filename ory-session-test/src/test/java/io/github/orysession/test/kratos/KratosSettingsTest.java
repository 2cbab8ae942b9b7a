package io.github.orysession.test.kratos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where {@link RealKratos} gets its Kratos, from system properties and {@code KRATOS_BIN}. */
class KratosSettingsTest {

    private static KratosSettings read(Map<String, String> properties, Map<String, String> environment) {
        return KratosSettings.read(properties::get, environment);
    }

    @Test
    void byDefaultItStartsOneOnTheUsualPortsWithTheKitsConfiguration() {
        KratosSettings settings = read(Map.of(), Map.of());

        assertThat(settings.running()).isFalse();
        assertThat(settings.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:14433"));
        assertThat(settings.adminUrl()).isEqualTo(URI.create("http://127.0.0.1:14434"));
        assertThat(settings.binary()).isNull();
        assertThat(settings.buildScript()).isNull();
        assertThat(settings.config()).as("none given: the kit's own").isNull();
        assertThat(settings.logDir()).isEqualTo(Path.of("target/kratos"));
        assertThat(settings.appUrl()).isNull();
    }

    @Test
    void aRunningKratosByUrlStartsNothingAndItsAdminApiIsTheNextPort() {
        KratosSettings settings = read(Map.of("kratos.url", "http://127.0.0.1:4433"), Map.of());

        assertThat(settings.running()).isTrue();
        assertThat(settings.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:4433"));
        assertThat(settings.adminUrl()).isEqualTo(URI.create("http://127.0.0.1:4434"));
        assertThat(read(Map.of("kratos.url", "https://kratos.test", "kratos.admin.url", "https://admin.kratos.test"), Map.of())
                .adminUrl()).isEqualTo(URI.create("https://admin.kratos.test"));
    }

    @Test
    void theBinaryComesFromThePropertyBeforeTheEnvironment() {
        assertThat(read(Map.of(), Map.of("KRATOS_BIN", "/opt/kratos")).binary()).isEqualTo(Path.of("/opt/kratos"));
        assertThat(read(Map.of("kratos.bin", "/usr/bin/kratos"), Map.of("KRATOS_BIN", "/opt/kratos")).binary())
                .isEqualTo(Path.of("/usr/bin/kratos"));
    }

    @Test
    void aDirectoryGivesTheBuildScriptUnlessOneIsNamed() {
        KratosSettings project = read(Map.of("kratos.dir", "/work/kratos", "kratos.public.port", "50433",
                "kratos.admin.port", "50434", "kratos.app.url", "http://127.0.0.1:8080/example/"), Map.of());
        KratosSettings scriptOnly = read(Map.of("kratos.build", "/work/kratos/build.sh"), Map.of());

        assertThat(project.directory()).isEqualTo(Path.of("/work/kratos"));
        assertThat(project.buildScript()).isEqualTo(Path.of("/work/kratos/build.sh"));
        assertThat(project.publicUrl()).isEqualTo(URI.create("http://127.0.0.1:50433"));
        assertThat(project.appUrl()).as("without its trailing slash").isEqualTo(URI.create("http://127.0.0.1:8080/example"));
        assertThat(scriptOnly.buildScript()).isEqualTo(Path.of("/work/kratos/build.sh"));
        assertThat(scriptOnly.directory()).as("and the kit's configuration").isNull();
    }

    @Test
    void wrongValuesNameTheirProperty() {
        assertThatThrownBy(() -> read(Map.of("kratos.public.port", "http"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kratos.public.port");
        assertThatThrownBy(() -> read(Map.of("kratos.url", "127.0.0.1:4433"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kratos.url");
    }
}
