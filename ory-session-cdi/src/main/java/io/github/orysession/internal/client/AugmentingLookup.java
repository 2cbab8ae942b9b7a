package io.github.orysession.internal.client;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.orysession.Augmentation;
import io.github.orysession.SessionAugmentationException;
import io.github.orysession.SessionAugmentor;
import io.github.orysession.internal.cdi.OrySessionExtension;
import io.github.orysession.internal.credentials.Credentials;
import io.github.orysession.internal.jwt.GroupsPointer;
import io.github.orysession.internal.jwt.JwtMapping;
import io.github.orysession.internal.metrics.SessionMetrics;
import io.github.orysession.internal.metrics.SessionMetrics.Event;
import io.github.orysession.model.Session;

/**
 * Works out a verified session's {@link Grants} right after Kratos vouched for it, so once per cache fill (the session
 * cache sits in front of this lookup and keeps the grants with the session): the roles of the groups pointer
 * ({@code ory.jwt.groups-pointer}) and those the application's {@link SessionAugmentor} adds, with its attributes.
 * <p>
 * Fails closed: when the augmentor throws or returns {@code null}, the lookup fails with a
 * {@link SessionAugmentationException} ({@code 503}), which the cache never keeps.
 */
@ApplicationScoped
@Typed(AugmentingLookup.class)
public class AugmentingLookup implements SessionLookup {

    private static final Logger LOG = Logger.getLogger(AugmentingLookup.class.getName());

    private final SessionLookup kratos;
    private final SessionAugmentor augmentor;
    /** The augmentor's class as the application wrote it (not the container's proxy), for log lines. */
    private final String augmentorName;
    private final GroupsPointer pointer;
    private final SessionMetrics metrics;

    /** For the CDI proxy only. */
    protected AugmentingLookup() {
        this.kratos = null;
        this.augmentor = null;
        this.augmentorName = null;
        this.pointer = null;
        this.metrics = null;
    }

    /**
     * @param kratos asks Kratos
     * @param beans where the application's augmentor is found, if it has one (the extension refuses two)
     * @param metrics counts the augmentor's failures
     */
    @Inject
    public AugmentingLookup(KratosSessionClient kratos, BeanManager beans, SessionMetrics metrics) {
        this(kratos, augmentor(beans), JwtMapping.load(ConfigProvider.getConfig()).groups(), metrics,
                beans.getExtension(OrySessionExtension.class).augmentor().map(bean -> bean.getBeanClass().getName())
                        .orElse(null));
    }

    /**
     * @param kratos asks Kratos
     * @param augmentor the application's augmentor, or {@code null}
     * @param pointer where the identity keeps its roles
     * @param metrics counts the augmentor's failures
     */
    public AugmentingLookup(SessionLookup kratos, SessionAugmentor augmentor, GroupsPointer pointer, SessionMetrics metrics) {
        this(kratos, augmentor, pointer, metrics, augmentor == null ? null : augmentor.getClass().getName());
    }

    private AugmentingLookup(SessionLookup kratos, SessionAugmentor augmentor, GroupsPointer pointer, SessionMetrics metrics,
                             String augmentorName) {
        this.kratos = kratos;
        this.augmentor = augmentor;
        this.augmentorName = augmentorName;
        this.pointer = pointer;
        this.metrics = metrics;
    }

    /** The bean the extension found, by reference: typesafe resolution may not see the application's beans from here. */
    private static SessionAugmentor augmentor(BeanManager beans) {
        return beans.getExtension(OrySessionExtension.class).augmentor()
                .map(bean -> (SessionAugmentor) beans.getReference(bean, SessionAugmentor.class,
                        beans.createCreationalContext(bean)))
                .orElse(null);
    }

    @Override
    public WhoamiResult whoami(Credentials credentials) {
        return grant(kratos.whoami(credentials));
    }

    @Override
    public WhoamiResult revalidate(Credentials credentials) {
        return grant(kratos.revalidate(credentials));
    }

    /** Whether the application has an augmentor, whose roles the library then enforces. */
    public boolean hasAugmentor() {
        return augmentor != null;
    }

    /**
     * @param verdict Kratos's verdict
     * @return the verdict with the session's grants; a verdict without a session as it was
     * @throws SessionAugmentationException when the application's augmentor fails
     */
    public WhoamiResult grant(WhoamiResult verdict) {
        Session session = verdict.session();
        if (session == null) {
            return verdict;
        }
        Set<String> roles = new LinkedHashSet<>(pointer.groupsOf(session.identity()));
        if (augmentor == null) {
            return verdict.withGrants(new Grants(roles, null, false));
        }
        Augmentation added = augment(session);
        roles.addAll(added.roles());
        return verdict.withGrants(new Grants(roles, added.attributes(), true));
    }

    private Augmentation augment(Session session) {
        Augmentation added;
        try {
            added = augmentor.augment(session);
        } catch (Exception | LinkageError e) {
            metrics.record(Event.FAILURE_AUGMENTATION);
            LOG.log(Level.WARNING, "The session augmentor " + augmentorName + " failed for identity "
                    + session.identity().id() + "; the request is answered 503", e);
            throw new SessionAugmentationException("The application could not work out the session's roles ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (added == null) {
            metrics.record(Event.FAILURE_AUGMENTATION);
            LOG.warning(() -> "The session augmentor " + augmentorName + " returned null for identity "
                    + session.identity().id() + "; the request is answered 503 (return Augmentation.NONE for nothing)");
            throw new SessionAugmentationException("The application could not work out the session's roles", null);
        }
        return added;
    }
}
