package io.github.orysession.internal.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex SHA-256 digests of text: what the library keys and correlates on instead of a credential. */
public final class Sha256 {

    private static final MessageDigest PROTOTYPE = newInstance();
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /**
     * @param text any text
     * @return its SHA-256 digest of the UTF-8 bytes, as 64 lowercase hex characters
     */
    public static String hex(String text) {
        return HEX.formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh digest: a copy of a prototype, which skips the security providers' lookup of getInstance. */
    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newInstance();
        }
    }

    private static MessageDigest newInstance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
