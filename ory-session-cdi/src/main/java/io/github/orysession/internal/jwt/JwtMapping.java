package io.github.orysession.internal.jwt;

import org.eclipse.microprofile.config.Config;

import io.github.orysession.internal.config.OryConfig;

/**
 * The JSON Web Token mapper's settings: whether it is on ({@value OryConfig#JWT_ENABLED}) and where the
 * identity keeps its groups ({@value OryConfig#JWT_GROUPS}).
 *
 * @param enabled whether the session is exposed as a {@link org.eclipse.microprofile.jwt.JsonWebToken}
 * @param groups where the groups come from
 */
public record JwtMapping(boolean enabled, GroupsPointer groups) {

    /**
     * Reads and checks the settings.
     *
     * @param config the MicroProfile Config to read
     * @return the settings
     * @throws IllegalArgumentException naming the key, when a value is invalid
     */
    public static JwtMapping load(Config config) {
        String enabled = config.getOptionalValue(OryConfig.JWT_ENABLED, String.class)
                .orElse(OryConfig.DEFAULT_JWT_ENABLED).trim();
        if (!enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(OryConfig.JWT_ENABLED + " must be true or false, got " + enabled);
        }
        String pointer = config.getOptionalValue(OryConfig.JWT_GROUPS, String.class)
                .orElse(OryConfig.DEFAULT_JWT_GROUPS).trim();
        return new JwtMapping(Boolean.parseBoolean(enabled), new GroupsPointer(pointer));
    }
}
