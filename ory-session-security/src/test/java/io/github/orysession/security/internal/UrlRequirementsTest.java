package io.github.orysession.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.orysession.SessionRequirement;
import io.github.orysession.model.AuthenticatorAssuranceLevel;
import io.github.orysession.security.OrySessionMechanismDefinition;
import io.github.orysession.security.UrlRequirement;

class UrlRequirementsTest {

    @OrySessionMechanismDefinition(requirements = {
            @UrlRequirement(urlPatterns = {"/admin/*", "*.pdf"}, aal = AuthenticatorAssuranceLevel.AAL2),
            @UrlRequirement(urlPatterns = "/admin/payments/*", maxAgeSeconds = 300),
            @UrlRequirement(urlPatterns = "/admin/payments/export.pdf", maxAgeSeconds = 60),
            @UrlRequirement(urlPatterns = "/account.xhtml")})
    static final class Valid {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "/a/*/b"))
    static final class StarInTheMiddle {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "admin"))
    static final class NoSlash {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "/"))
    static final class DefaultServlet {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = {}))
    static final class NoPatterns {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "/x", maxAgeSeconds = 0))
    static final class ZeroAge {
    }

    @OrySessionMechanismDefinition(requirements = @UrlRequirement(urlPatterns = "/x", aal = AuthenticatorAssuranceLevel.AAL3))
    static final class Aal3 {
    }

    private final UrlRequirements valid = of(Valid.class);

    @Test
    void exactPrefixAndExtensionPatternsMatchAsInWebXml() {
        assertThat(valid.requirementFor("/admin")).as("/admin/* covers /admin").isPresent();
        assertThat(valid.requirementFor("/admin/users")).isPresent();
        assertThat(valid.requirementFor("/administrator")).as("a prefix is whole segments").isEmpty();
        assertThat(valid.requirementFor("/reports/2024.pdf")).isPresent();
        assertThat(valid.requirementFor("/reports/.pdf")).as("an extension needs a name before it").isEmpty();
        assertThat(valid.requirementFor("/reports/2024.pdf.txt")).isEmpty();
        assertThat(valid.requirementFor("/account.xhtml")).hasValue(SessionRequirement.ANY_SESSION);
        assertThat(valid.requirementFor("/account.xhtml/x")).isEmpty();
        assertThat(valid.requirementFor("/")).isEmpty();
    }

    @Test
    void everyMatchingRequirementApplies() {
        assertThat(valid.requirementFor("/admin/payments/export.pdf")).as("aal2 from /admin/*, 60 s from the exact one")
                .hasValue(new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofSeconds(60)));
        assertThat(valid.requirementFor("/admin/payments/list"))
                .hasValue(new SessionRequirement(AuthenticatorAssuranceLevel.AAL2, Duration.ofSeconds(300)));
    }

    @Test
    void everyPatternMatchesWithSlashStar() {
        UrlPattern all = UrlPattern.parse("/*");
        assertThat(all.matches("/")).isTrue();
        assertThat(all.matches("/anything/at/all")).isTrue();
    }

    @Test
    void invalidDefinitionsNameTheClassAndTheValue() {
        assertThatThrownBy(() -> of(StarInTheMiddle.class)).hasMessageContaining(StarInTheMiddle.class.getName())
                .hasMessageContaining("/a/*/b");
        assertThatThrownBy(() -> of(NoSlash.class)).hasMessageContaining("\"admin\" must start with /");
        assertThatThrownBy(() -> of(DefaultServlet.class)).hasMessageContaining("use /* for every URL");
        assertThatThrownBy(() -> of(NoPatterns.class)).hasMessageContaining("has no urlPatterns");
        assertThatThrownBy(() -> of(ZeroAge.class)).hasMessageContaining("maxAgeSeconds = 0").hasMessageContaining(ZeroAge.class.getName());
        assertThatThrownBy(() -> of(Aal3.class)).hasMessageContaining("AAL1 or AAL2").hasMessageContaining(Aal3.class.getName());
    }

    private static UrlRequirements of(Class<?> type) {
        return UrlRequirements.of(type.getAnnotation(OrySessionMechanismDefinition.class), type);
    }
}
