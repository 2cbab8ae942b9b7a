package io.github.orysession.example.html;

/**
 * Who is looking at a page, for its header: the signed-in user's email (or identity id), or nobody.
 *
 * @param name the email, or the identity id when the identity has no email; {@code null} when nobody is signed in
 * @param kratosUnavailable whether Kratos could not be asked (then nobody counts as signed in, and the page says so)
 */
public record Viewer(String name, boolean kratosUnavailable) {

    /** Nobody signed in. */
    public static final Viewer ANONYMOUS = new Viewer(null, false);

    /** Kratos could not be asked who is signed in. */
    public static final Viewer UNKNOWN = new Viewer(null, true);

    /**
     * @param name the email or identity id of the signed-in user
     * @return the viewer
     */
    public static Viewer signedIn(String name) {
        return new Viewer(name, false);
    }

    /** Whether someone is signed in. */
    public boolean isSignedIn() {
        return name != null;
    }
}
