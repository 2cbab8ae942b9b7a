package io.github.orysession.example.selfservice;

/** The Kratos self-service flows the example renders, each with its browser init and fetch endpoints. */
public enum FlowKind {
    /** Sign in, step up to a second factor ({@code aal=aal2}), or sign in again ({@code refresh=true}). */
    LOGIN("login"),
    /** Create an account. */
    REGISTRATION("registration"),
    /** Change the profile or password, set up TOTP; needs a session. */
    SETTINGS("settings");

    private final String segment;

    FlowKind(String segment) {
        this.segment = segment;
    }

    /** The flow's name in Kratos's paths and in the example's own: {@code login}, {@code registration}, {@code settings}. */
    public String segment() {
        return segment;
    }

    /** Kratos's endpoint that creates a browser flow and sends the browser to the flow's UI: {@code /self-service/login/browser}. */
    public String initPath() {
        return "/self-service/" + segment + "/browser";
    }

    /** Kratos's endpoint that returns a flow by id: {@code /self-service/login/flows}. */
    public String fetchPath() {
        return "/self-service/" + segment + "/flows";
    }
}
