package io.github.orysession.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Rfc3339} reads every timestamp exactly as {@link Instant#parse(CharSequence)} does, and refuses the same. */
class Rfc3339Test {

    @Test
    void readsKratossTimestampsAsInstantParseDoes() {
        for (String text : List.of("2026-11-28T15:57:46Z", "2026-11-28T15:57:46.1Z", "2026-11-28T15:57:46.123456Z",
                "2026-11-28T15:57:46.123456789Z", "2026-11-28T15:57:46.000000001Z", "2024-02-29T23:59:59.999Z",
                "2026-11-28T15:57:46+01:00", "2026-11-28T15:57:46.5-05:30", "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-01-01T00:30:00+18:00",
                "2026-01-01T00:30:00-18:00")) {
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void agreesWithInstantParseOnRandomInstantsInEveryFormKratosWrites() {
        SplittableRandom random = new SplittableRandom(42);
        DateTimeFormatter[] forms = {DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.ISO_OFFSET_DATE_TIME};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60);
            String text = forms[i % 2].format(OffsetDateTime.ofInstant(instant, offset));
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void leavesOtherFormsToInstantParse() {
        // A leap second, a lower-case z, the end of a day, a point without digits: Instant.parse reads them all;
        // the fast path does not try.
        for (String text : List.of("2016-12-31T23:59:60Z", "2026-11-28T24:00:00Z", "2026-11-28T15:57:46.Z",
                "2026-11-28t15:57:46z", "2026-11-28T15:57:46+01:00:30",
                "+10000-01-01T00:00:00Z")) {
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : List.of("", "2026-11-28", "2026-11-28T15:57:46", "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-11-28T15:60:00Z", "2026-11-28T15:57:46.1234567890Z",
                "2026-11-28T15:57:46+19:00", "2026-11-28T15:57:46+01:60", "2026-11-28T15:57:46 Z",
                "2026-1a-28T15:57:46Z", "2026-11-28T15:57:46.12a4Z", "2026-11-28T15:57:46ZZ")) {
            assertThatThrownBy(() -> Instant.parse(text)).as("Instant.parse(%s)", text)
                    .isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> Rfc3339.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
