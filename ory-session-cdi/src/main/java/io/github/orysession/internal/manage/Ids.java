package io.github.orysession.internal.manage;

import java.util.regex.Pattern;

import io.github.orysession.InvalidRequestException;

/**
 * Kratos's session and identity ids are UUIDs. Checking that before an id goes into a URL path means no caller input
 * can ever change which Kratos endpoint is called ({@code ../}, {@code ?}, {@code #}).
 */
public final class Ids {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /**
     * @param id a session id from the caller
     * @return the id
     * @throws InvalidRequestException ({@code 400}, {@code invalid_session_id}) when it is not a UUID
     */
    public static String session(String id) {
        return require(id, "invalid_session_id", "session");
    }

    /**
     * @param id an identity id from the caller
     * @return the id
     * @throws InvalidRequestException ({@code 400}, {@code invalid_identity_id}) when it is not a UUID
     */
    public static String identity(String id) {
        return require(id, "invalid_identity_id", "identity");
    }

    private static String require(String id, String reason, String what) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new InvalidRequestException(reason, "A Kratos " + what + " id is a UUID");
        }
        return id;
    }
}
