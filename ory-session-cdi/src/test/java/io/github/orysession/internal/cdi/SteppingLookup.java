package io.github.orysession.internal.cdi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.Json;

import io.github.orysession.RefusalReason;
import io.github.orysession.internal.client.SessionLookup;
import io.github.orysession.internal.client.WhoamiResult;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.model.Identity;
import io.github.orysession.model.KratosError;
import io.github.orysession.model.Session;

/**
 * Stands in for a cache in front of Kratos: {@link #whoami} answers what was {@linkplain #cached cached},
 * {@link #revalidate} what Kratos {@linkplain #now says now}; counts both.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SteppingLookup implements SessionLookup {

    private final Map<String, WhoamiResult> cached = new ConcurrentHashMap<>();
    private final Map<String, WhoamiResult> now = new ConcurrentHashMap<>();
    private final AtomicInteger whoamiCalls = new AtomicInteger();
    private final AtomicInteger revalidateCalls = new AtomicInteger();

    int whoamiCalls() {
        return whoamiCalls.get();
    }

    int revalidateCalls() {
        return revalidateCalls.get();
    }

    /** The same answer from the cache and from Kratos. */
    void both(String token, WhoamiResult verdict) {
        cached.put(token, verdict);
        now.put(token, verdict);
    }

    void cached(String token, WhoamiResult verdict) {
        cached.put(token, verdict);
    }

    void now(String token, WhoamiResult verdict) {
        now.put(token, verdict);
    }

    static WhoamiResult session(String aal, Instant authenticatedAt) {
        Identity identity = new Identity("id-" + aal, "default", null, "active", null,
                Json.createObjectBuilder().add("email", "user@example.com").build(), null, null, null, null, null);
        return WhoamiResult.authenticated(new Session("session-" + aal, true, Instant.now().plusSeconds(3600),
                authenticatedAt, authenticatedAt, aal, null, null, identity, null), List.of());
    }

    static WhoamiResult kratosRequiresAal2() {
        KratosError error = KratosError.parse("""
                {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden",
                 "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level.",
                 "details":{"redirect_browser_to":"http://kratos/self-service/login/browser?aal=aal2"}},
                 "redirect_browser_to":"http://kratos/self-service/login/browser?aal=aal2"}""", 403).orElseThrow();
        return WhoamiResult.rejected(RefusalReason.SESSION_AAL2_REQUIRED, error);
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        whoamiCalls.incrementAndGet();
        return cached.getOrDefault(credentials.sessionToken().orElse(""), WhoamiResult.rejected(RefusalReason.INVALID_SESSION));
    }

    @Override
    public WhoamiResult revalidate(Credentials credentials) {
        revalidateCalls.incrementAndGet();
        return now.getOrDefault(credentials.sessionToken().orElse(""), WhoamiResult.rejected(RefusalReason.INVALID_SESSION));
    }
}
