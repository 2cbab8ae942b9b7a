package io.github.orysession.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

import io.github.orysession.Authenticated;

/**
 * {@link SessionCookieFilter}: Kratos's refreshed session cookie is passed on only once the request resolved its
 * session, only the session cookie, and never in a response a shared cache may store.
 */
class SessionCookieFilterTest {

    private static final String REFRESHED = "ory_kratos_session=refreshed; Path=/; HttpOnly; SameSite=Lax";

    @Path("pages")
    public static class Pages {
        @GET
        @Authenticated
        public String plain() {
            return "plain";
        }

        @GET
        @Path("public")
        @Authenticated
        public Response shared() {
            return Response.ok("shared").header("Cache-Control", "public, max-age=600, s-maxage=3600")
                    .header("CDN-Cache-Control", "max-age=3600").header("Surrogate-Control", "max-age=3600").build();
        }

        @GET
        @Path("object")
        @Authenticated
        public Response cacheControlObject() {
            CacheControl caching = new CacheControl();
            caching.setMaxAge(60);
            caching.setSMaxAge(600);
            return Response.ok("object").cacheControl(caching).build();
        }

        @GET
        @Path("qualified")
        @Authenticated
        public Response qualifiedPrivate() {
            return Response.ok("qualified").header("Cache-Control", "private=\"Set-Cookie, X-Other\", max-age=60, no-cache=\"A, B\"")
                    .build();
        }

        @GET
        @Path("no-store")
        @Authenticated
        public Response noStore() {
            return Response.ok("no-store").header("Cache-Control", "no-store").build();
        }

        @GET
        @Path("open")
        public Response open() {
            return Response.ok("open").header("Cache-Control", "public, max-age=600").build();
        }

        @GET
        @Path("who")
        public Response who(@Context SecurityContext security) {
            String who = security.getUserPrincipal() == null ? "nobody" : security.getUserPrincipal().getName();
            return Response.ok(who).header("Cache-Control", "public, max-age=600").build();
        }
    }

    /**
     * An application's response filter that makes everything publicly cacheable, a header decorator: it runs after
     * the response filters at the default priority ({@code USER}), since response filters run from the highest
     * priority to the lowest.
     */
    @Priority(Priorities.HEADER_DECORATOR)
    public static class EverythingPublic implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Cache-Control", "public, s-maxage=86400");
        }
    }

    private final FakeKratos kratos = new FakeKratos()
            .knows("ory_kratos_session=refreshed", FakeKratos.sessionOf("alice", "aal1"),
                    List.of(REFRESHED, "csrf_token_abc=xyz; Path=/"))
            .knows("token-with-cookie", FakeKratos.sessionOf("carol", "aal1"), List.of(REFRESHED))
            .knows("token-plain", "bob", "aal1");
    private final InMemoryJaxrs jaxrs = InMemoryJaxrs.of(kratos, Pages.class);

    @Test
    void theRefreshedSessionCookieIsPassedOnAloneAndPrivate() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).as("only the session cookie, never Kratos's others").containsExactly(REFRESHED);
        assertThat(answer.header("Cache-Control")).containsExactly("private");
    }

    @Test
    void aPublicResponseWithTheCookieBecomesPrivateAndLosesTheSharedCachesLifetime() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/public", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.header("Set-Cookie")).containsExactly(REFRESHED);
        assertThat(answer.header("Cache-Control")).as("public and s-maxage dropped, max-age kept for the browser")
                .containsExactly("private, max-age=600");
        assertThat(answer.header("CDN-Cache-Control")).as("a CDN's own orders go").isEmpty();
        assertThat(answer.header("Surrogate-Control")).as("a surrogate's own orders go").isEmpty();
    }

    @Test
    void aCacheControlObjectIsRewrittenToo() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/object", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.header("Cache-Control")).singleElement().asString()
                .startsWith("private").contains("max-age=60").doesNotContain("s-maxage");
    }

    @Test
    void aPrivateThatSparesOnlySomeHeadersBecomesPlainPrivate() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/qualified", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.header("Cache-Control")).as("quoted lists stay whole")
                .containsExactly("private, max-age=60, no-cache=\"A, B\"");
    }

    @Test
    void noStoreIsKept() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/no-store", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.header("Cache-Control")).containsExactly("private, no-store");
    }

    @Test
    void theApplicationsOwnResponseFilterCannotMakeTheCookiePublic() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.with(new EverythingPublic()).get("/pages", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.header("Set-Cookie")).containsExactly(REFRESHED);
        assertThat(answer.header("Cache-Control")).as("the library's filter runs after the application's")
                .containsExactly("private");
    }

    @Test
    void anUnprotectedResourceThatLooksAtTheSessionPassesTheCookieOnPrivately() throws Exception {
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/who", "Cookie", "ory_kratos_session=refreshed");

        assertThat(answer.body()).isEqualTo("alice");
        assertThat(answer.header("Set-Cookie")).containsExactly(REFRESHED);
        assertThat(answer.header("Cache-Control")).containsExactly("private, max-age=600");
    }

    @Test
    void aRequestWithASessionTokenPassesNoCookieOn() throws Exception {
        // Kratos re-issues only a session cookie it was sent (RefreshCookie: "if it is a session token there is
        // nothing to do"); should an answer to a token carry one anyway, it is not the caller's to get.
        InMemoryJaxrs.Answer answer = jaxrs.get("/pages/who", "X-Session-Token", "token-with-cookie");

        assertThat(answer.body()).isEqualTo("carol");
        assertThat(answer.header("Set-Cookie")).isEmpty();
        assertThat(answer.header("Cache-Control")).containsExactly("public, max-age=600");
    }

    @Test
    void withoutACookieToPassOnTheResourcesCachingStands() throws Exception {
        assertThat(jaxrs.get("/pages/open", "Cookie", "ory_kratos_session=refreshed").header("Cache-Control"))
                .as("the session was never resolved: nothing passed on, nothing changed").containsExactly("public, max-age=600");
        assertThat(kratos.calls()).as("the filter never makes a request ask Kratos").isZero();
        InMemoryJaxrs.Answer plain = jaxrs.get("/pages/who", "X-Session-Token", "token-plain");
        assertThat(plain.header("Set-Cookie")).as("Kratos set no cookie").isEmpty();
        assertThat(plain.header("Cache-Control")).containsExactly("public, max-age=600");
    }
}
