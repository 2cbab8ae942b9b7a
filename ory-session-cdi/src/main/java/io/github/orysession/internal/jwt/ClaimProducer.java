package io.github.orysession.internal.jwt;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;

/**
 * Produces {@code @Inject @Claim(...)} values from the current request's token ({@link CurrentToken}), when the
 * mapper is on. Like {@link JsonWebTokenProducer} it is an alternative enabled by priority, so it takes over from
 * the server's own claim beans without ambiguity, and still gives the server-verified token's claims when there
 * is one.
 * <p>
 * Types: {@code String}, {@code Long}, {@code Boolean}, {@code Set<String>}, {@code JsonValue},
 * {@code JsonString}, {@code JsonNumber}, {@code JsonArray}, {@code JsonObject}, {@code Optional<>} of the first
 * four, and {@code ClaimValue<>} of {@code String}, {@code Long}, {@code Set<String>}, {@code Optional<String>}.
 * Raw types belong in {@code @RequestScoped} beans; {@code ClaimValue} is read anew on each {@code getValue()},
 * so it also suits longer-lived beans (as do {@code Provider} and {@code Instance}): a raw type injected into an
 * {@code @ApplicationScoped}, {@code @Singleton}, {@code @SessionScoped} or {@code @ConversationScoped} bean fails
 * the deployment ({@link ClaimScopes}).
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER + 500)
@Dependent
public class ClaimProducer {

    private final CurrentToken current;

    /**
     * @param current decides the request's token
     */
    @Inject
    public ClaimProducer(CurrentToken current) {
        this.current = current;
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(String.class)
    public String string(InjectionPoint point) {
        return ClaimConversions.string(raw(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(Long.class)
    public Long number(InjectionPoint point) {
        return ClaimConversions.number(raw(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(Boolean.class)
    public Boolean bool(InjectionPoint point) {
        return ClaimConversions.bool(raw(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim
    public Set<String> strings(InjectionPoint point) {
        return ClaimConversions.strings(raw(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(JsonValue.class)
    public JsonValue jsonValue(InjectionPoint point) {
        return ClaimConversions.json(raw(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(JsonString.class)
    public JsonString jsonString(InjectionPoint point) {
        return ClaimConversions.json(raw(point)) instanceof JsonString value ? value : null;
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(JsonNumber.class)
    public JsonNumber jsonNumber(InjectionPoint point) {
        return ClaimConversions.json(raw(point)) instanceof JsonNumber value ? value : null;
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(JsonArray.class)
    public JsonArray jsonArray(InjectionPoint point) {
        return ClaimConversions.json(raw(point)) instanceof JsonArray value ? value : null;
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim @Typed(JsonObject.class)
    public JsonObject jsonObject(InjectionPoint point) {
        return ClaimConversions.json(raw(point)) instanceof JsonObject value ? value : null;
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim
    public Optional<String> optionalString(InjectionPoint point) {
        return Optional.ofNullable(string(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim
    public Optional<Long> optionalNumber(InjectionPoint point) {
        return Optional.ofNullable(number(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim
    public Optional<Boolean> optionalBool(InjectionPoint point) {
        return Optional.ofNullable(bool(point));
    }

    /** @param point the injection point @return the claim */
    @Produces @Claim
    public Optional<Set<String>> optionalStrings(InjectionPoint point) {
        return Optional.ofNullable(strings(point));
    }

    /** @param point the injection point @return the claim, read on each {@code getValue()} */
    @Produces @Claim
    public ClaimValue<String> stringValue(InjectionPoint point) {
        return lazy(point, ClaimConversions::string);
    }

    /** @param point the injection point @return the claim, read on each {@code getValue()} */
    @Produces @Claim
    public ClaimValue<Long> numberValue(InjectionPoint point) {
        return lazy(point, ClaimConversions::number);
    }

    /** @param point the injection point @return the claim, read on each {@code getValue()} */
    @Produces @Claim
    public ClaimValue<Set<String>> stringsValue(InjectionPoint point) {
        return lazy(point, ClaimConversions::strings);
    }

    /** @param point the injection point @return the claim, read on each {@code getValue()} */
    @Produces @Claim
    public ClaimValue<Optional<String>> optionalStringValue(InjectionPoint point) {
        return lazy(point, value -> Optional.ofNullable(ClaimConversions.string(value)));
    }

    private <T> ClaimValue<T> lazy(InjectionPoint point, Function<Object, T> conversion) {
        String name = name(point);
        return new LazyClaimValue<>(name, () -> conversion.apply(current.get().getClaim(name)));
    }

    private Object raw(InjectionPoint point) {
        return current.get().getClaim(name(point));
    }

    static String name(InjectionPoint point) {
        Claim claim = point.getQualifiers().stream().filter(Claim.class::isInstance).map(Claim.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no @Claim on " + point));
        return claim.value().isEmpty() ? claim.standard().name() : claim.value();
    }
}
