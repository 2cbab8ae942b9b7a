package io.github.orysession.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.config.AdminConfig;
import io.github.orysession.config.OryConfig;
import io.github.orysession.credentials.CredentialExtractor;

/**
 * Produces the library configuration and what derives from it, read once from MicroProfile Config. The extension has already
 * checked it at deployment, so this does not fail at run time.
 */
@ApplicationScoped
public class OryConfigProducer {

    /**
     * @return the configuration snapshot
     */
    @Produces
    @Singleton
    public OryConfig oryConfig() {
        return OryConfig.load(ConfigProvider.getConfig());
    }

    /**
     * @return the admin API configuration (possibly empty: only session administration needs it)
     */
    @Produces
    @Singleton
    public AdminConfig adminConfig() {
        return AdminConfig.load(ConfigProvider.getConfig());
    }

    /**
     * @param config the configuration
     * @return the credential extractor for the configured cookie names
     */
    @Produces
    @Singleton
    public CredentialExtractor credentialExtractor(OryConfig config) {
        return new CredentialExtractor(config.cookieNames(), config.maxCredentialLength());
    }
}
