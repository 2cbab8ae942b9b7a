package io.github.orysession.manage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.orysession.internal.cache.SessionCache;
import io.github.orysession.internal.credentials.Credentials;

/** A session cache that only remembers what it was told, in order. */
final class RecordingCache extends SessionCache {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void logoutStarted(Credentials credentials) {
        calls.add("logoutStarted " + credentials.fingerprint());
    }

    @Override
    public void loggedOut(Credentials credentials) {
        calls.add("loggedOut " + credentials.fingerprint());
    }

    @Override
    public void identityChanged(String identityId) {
        calls.add("identityChanged " + identityId);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }
}
