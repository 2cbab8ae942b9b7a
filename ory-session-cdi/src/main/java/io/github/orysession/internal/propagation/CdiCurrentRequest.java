package io.github.orysession.internal.propagation;

import java.util.Optional;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;

import io.github.orysession.internal.cdi.RequestCredentials;
import io.github.orysession.internal.cdi.SessionResolver;
import io.github.orysession.model.Session;

/**
 * The current request through the library's request-scoped beans, looked up on first use. The provider is created
 * by the REST client implementation, not by CDI, so it cannot be injected; the beans come back as client proxies,
 * safe to keep. Only ever used on a thread that is handling the request (never on the thread of an asynchronous
 * call, where the request may be over).
 */
final class CdiCurrentRequest implements CurrentRequest {

    private volatile Beans beans;

    private record Beans(BeanManager beanManager, SessionResolver resolver, RequestCredentials credentials) {
    }

    @Override
    public boolean isActive() {
        try {
            return beans().beanManager().getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException | IllegalStateException noRequestOrNoContainer) {
            // getContext throws when no request context is active; CDI.current() when the thread sees no container.
            return false;
        }
    }

    @Override
    public Session session() {
        return beans().resolver().require();
    }

    @Override
    public Session renewedSession() {
        SessionResolver resolver = beans().resolver();
        resolver.revalidate();
        return resolver.require();
    }

    @Override
    public Optional<String> sessionToken() {
        return beans().credentials().get().sessionToken();
    }

    private Beans beans() {
        Beans result = beans;
        if (result == null) {
            CDI<Object> cdi = CDI.current();
            result = new Beans(cdi.getBeanManager(), cdi.select(SessionResolver.class).get(),
                    cdi.select(RequestCredentials.class).get());
            beans = result;
        }
        return result;
    }
}
