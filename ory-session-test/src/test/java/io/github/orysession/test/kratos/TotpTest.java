package io.github.orysession.test.kratos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test's TOTP against RFC 6238's SHA-1 test vectors (the last six of their eight digits). */
class TotpTest {

    /** "12345678901234567890" in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void rfc6238Vectors(long time, String expected) {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(time))).as("TOTP at %s", time).isEqualTo(expected);
    }
}
