package io.github.orysession.test.kratos;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps (and Kratos's {@code pquerna/otp}) make them:
 * HMAC-SHA1, 30-second steps, 6 digits, the secret in RFC 4648 base32. JDK only.
 *
 * <pre>{@code
 * String code = Totp.codeNow(secret);
 * }</pre>
 */
public final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /**
     * @param secret the base32 secret
     * @param time the instant
     * @return the code for {@code secret} at {@code time}
     */
    public static String code(String secret, Instant time) {
        long counter = time.getEpochSecond() / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java platform", e);
        }
    }

    /**
     * @param secret the base32 secret
     * @return the code valid now and not about to expire: waits out the last two seconds of a step
     */
    public static String codeNow(String secret) throws InterruptedException {
        long intoStep = Instant.now().getEpochSecond() % 30;
        if (intoStep >= 28) {
            Thread.sleep((30 - intoStep) * 1000 + 100);
        }
        return code(secret, Instant.now());
    }

    static byte[] base32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
