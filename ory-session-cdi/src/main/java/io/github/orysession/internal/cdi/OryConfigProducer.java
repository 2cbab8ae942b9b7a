package io.github.orysession.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.browser.LoginRedirects;
import io.github.orysession.browser.ReturnToPolicy;
import io.github.orysession.internal.config.AdminConfig;
import io.github.orysession.internal.config.BrowserConfig;
import io.github.orysession.internal.config.CacheConfig;
import io.github.orysession.internal.config.OryConfig;
import io.github.orysession.internal.credentials.CredentialExtractor;

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
     * @param config the Kratos URL and tokenizer template the cache is bound to
     * @return the session cache settings
     */
    @Produces
    @Singleton
    public CacheConfig cacheConfig(OryConfig config) {
        return CacheConfig.load(ConfigProvider.getConfig(), config);
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

    /**
     * @param config the configuration
     * @return where the library sends browsers
     */
    @Produces
    @Singleton
    public BrowserConfig browserConfig(OryConfig config) {
        return BrowserConfig.load(ConfigProvider.getConfig(), config.kratosUrl());
    }

    /**
     * @param config where the library sends browsers
     * @return the return URL allow-list, for the library's redirects and the application's own
     */
    @Produces
    @Singleton
    public ReturnToPolicy returnToPolicy(BrowserConfig config) {
        return new ReturnToPolicy(config.allowedReturnUrls(), config.defaultReturnUrl());
    }

    /**
     * @param config where the library sends browsers
     * @param policy the return URL allow-list
     * @return the login, step-up and re-authentication URLs
     */
    @Produces
    @Singleton
    public LoginRedirects loginRedirects(BrowserConfig config, ReturnToPolicy policy) {
        return new LoginRedirects(config.loginUrl(), policy);
    }
}
