package io.github.orysession.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.github.orysession.KratosUnavailableException;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), Duration.ofSeconds(10), clock);

    @Test
    void staysClosedBelowTheThreshold() {
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.isOpen()).isFalse();
        assertThatNoException().isThrownBy(breaker::acquire);
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.isOpen()).as("only consecutive failures count").isFalse();
    }

    @Test
    void opensAtTheThresholdAndRefusesFast() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }

        assertThat(breaker.isOpen()).isTrue();
        assertThatThrownBy(breaker::acquire).isInstanceOf(KratosUnavailableException.class)
                .satisfies(e -> assertThat(((KratosUnavailableException) e).status()).isEqualTo(503));
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now = now.plusSeconds(5);

        assertThatNoException().as("the trial call").isThrownBy(breaker::acquire);
        assertThatThrownBy(breaker::acquire).as("a second caller while the trial runs")
                .isInstanceOf(KratosUnavailableException.class);
    }

    @Test
    void aSuccessfulTrialCloses() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now = now.plusSeconds(6);
        breaker.acquire();

        breaker.onSuccess();

        assertThat(breaker.isOpen()).isFalse();
        assertThatNoException().isThrownBy(breaker::acquire);
    }

    @Test
    void aFailedTrialOpensAgainForAnotherPeriod() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now = now.plusSeconds(6);
        breaker.acquire();

        breaker.onFailure();
        now = now.plusSeconds(4);

        assertThatThrownBy(breaker::acquire).isInstanceOf(KratosUnavailableException.class);
        now = now.plusSeconds(1);
        assertThatNoException().isThrownBy(breaker::acquire);
    }

    @Test
    void aTrialThatEndsWithoutAReportLetsTheNextCallerTryAtOnce() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now = now.plusSeconds(5);

        assertThatThrownBy(() -> {
            try (CircuitBreaker.Permit trial = breaker.acquire()) {
                throw new IllegalStateException("reading the answer failed in an unexpected way");
            }
        }).isInstanceOf(IllegalStateException.class);

        assertThatNoException().as("the next caller, right after a trial that ended without a verdict")
                .isThrownBy(() -> breaker.acquire().close());
        assertThat(breaker.isOpen()).as("no verdict on Kratos: still open until a trial reports").isTrue();
    }

    @Test
    void aTrialThatNeverReportsIsGivenUpAfterTheTrialTimeout() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        now = now.plusSeconds(5);
        breaker.acquire(); // a trial whose thread never comes back

        now = now.plusSeconds(9);
        assertThatThrownBy(breaker::acquire).as("the trial may still be running").isInstanceOf(KratosUnavailableException.class);
        now = now.plusSeconds(1);
        try (CircuitBreaker.Permit next = breaker.acquire()) {
            next.succeeded();
        }

        assertThat(breaker.isOpen()).as("the new trial's success closes the breaker").isFalse();
    }

    @Test
    void aClosedBreakerIsNotChangedByAnUnreportedCall() {
        breaker.onFailure();
        breaker.acquire().close();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.isOpen()).as("the unreported call neither reset nor added to the count").isTrue();
    }
}
