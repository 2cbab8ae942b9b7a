package io.github.orysession.test.internal;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.github.orysession.internal.config.OryConfig;

/**
 * The one default the kit gives MicroProfile Config, at the lowest ordinal so that any setting of the application
 * wins: {@code ory.kratos.url}, which the library requires at deployment, pointing at a loopback port where nothing
 * answers. In a Weld test nothing asks Kratos ({@code TestKratos} answers), so an application whose URL comes from
 * its environment needs no test configuration; a test that does reach for the network gets {@code 503}.
 */
public final class KitConfigSource implements ConfigSource {

    /** Below every standard source (properties files are 100). */
    static final int ORDINAL = 10;
    private static final Map<String, String> VALUES = Map.of(OryConfig.KRATOS_URL, "http://127.0.0.1:9");

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "ory-session-test defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public Map<String, String> getProperties() {
        return VALUES;
    }
}
