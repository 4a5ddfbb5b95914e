package dev.aurasdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aurasdk.core.AuraAuthenticationException;
import dev.aurasdk.core.AuraPermissionDeniedException;
import dev.aurasdk.core.AuraRateLimitedException;
import dev.aurasdk.core.AuraServerException;
import dev.aurasdk.core.AuraTimeoutException;
import dev.aurasdk.core.AuraTransportException;
import dev.aurasdk.core.auth.AccessToken;
import dev.aurasdk.core.auth.TokenProvider;
import dev.aurasdk.core.http.RequestBudget;
import dev.aurasdk.core.http.RetryPolicy;
import dev.aurasdk.core.spi.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of {@link AttemptPolicy}, one decision at a time, without a server. */
class AttemptPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AccessToken TOKEN = new AccessToken("opaque-test-value", "bearer", NOW, NOW.plusSeconds(3600));
    private static final Call GET = Call.builder("GET", URI.create("https://api.example/v1/tenants"))
            .idempotent(true)
            .build();
    private static final Call POST = Call.builder("POST", URI.create("https://api.example/v1/instances"))
            .body(new byte[] {'{', '}'}, "application/json")
            .build();
    private static final Call TOKEN_REQUEST = Call.builder("POST", URI.create("https://api.example/oauth/token"))
            .body(new byte[] {'x'}, "application/x-www-form-urlencoded")
            .idempotent(true)
            .tokenRequest("Basic opaque")
            .build();

    private final List<Duration> budgetPauses = new ArrayList<>();
    private final List<AccessToken> invalidated = new ArrayList<>();
    private boolean providerAgreesToRefresh = true;
    private double jitter = 0.5;

    private final RequestBudget budget = new RequestBudget() {
        @Override
        public Optional<Duration> reserve(Instant deadline) {
            return Optional.of(Duration.ZERO);
        }

        @Override
        public void pause(Duration retryAfter) {
            budgetPauses.add(retryAfter);
        }
    };

    private final TokenProvider tokens = new TokenProvider() {
        @Override
        public AccessToken token() {
            return TOKEN;
        }

        @Override
        public boolean invalidate(AccessToken rejected) {
            invalidated.add(rejected);
            return providerAgreesToRefresh;
        }
    };

    private AttemptPolicy policy(RetryPolicy retryPolicy) {
        return new AttemptPolicy(
                retryPolicy,
                () -> jitter,
                Clock.fixed(NOW, ZoneOffset.UTC),
                tokens,
                budget,
                new ErrorMapper(Json.mapper(), Duration.ofMinutes(3)),
                new TransportEvents(List.of()));
    }

    private final AttemptPolicy exact =
            policy(RetryPolicy.builder().jitter(false).build());

    private static AttemptPolicy.Attempt attempt(int number) {
        return new AttemptPolicy.Attempt(number, number, TOKEN, true);
    }

    @Test
    void a2xxIsTheResult() {
        FakeResponse ok = FakeResponse.status(202).body("{\"data\":{}}");

        Decision decision = exact.onAnswer(POST, attempt(1), ok);

        assertThat(decision.kind()).isEqualTo(Decision.Kind.SUCCESS);
        assertThat(decision.response()).isSameAs(ok);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterEvenForAPostAndPausesTheBudget() {
        Decision decision =
                exact.onAnswer(POST, attempt(1), FakeResponse.status(429).header("Retry-After", "2"));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.RETRY);
        assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(decision.reason()).isEqualTo("HTTP 429");
        assertThat(decision.failure()).isInstanceOf(AuraRateLimitedException.class);
        assertThat(budgetPauses).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aLongRetryAfterIsClampedForTheRetryAndTheBudget() {
        Decision decision =
                exact.onAnswer(GET, attempt(1), FakeResponse.status(429).header("Retry-After", "3600"));

        assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(budgetPauses).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aTokenRequestsAnswer429DoesNotPauseTheApiBudget() {
        Decision decision = exact.onAnswer(
                TOKEN_REQUEST, attempt(1), FakeResponse.status(429).header("Retry-After", "5"));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.RETRY);
        assertThat(budgetPauses).isEmpty();
    }

    @Test
    void a5xxOnAGetIsRetriedWithExponentialBackoffUntilTheLastAttempt() {
        assertThat(exact.onAnswer(GET, attempt(1), FakeResponse.status(503)).delay())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(exact.onAnswer(GET, attempt(2), FakeResponse.status(502)).delay())
                .isEqualTo(Duration.ofMillis(1000));

        Decision last = exact.onAnswer(GET, attempt(3), FakeResponse.status(503));

        assertThat(last.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(last.failure())
                .isInstanceOfSatisfying(
                        AuraServerException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    }

    @Test
    void aRetryAfterOfZeroFallsBackToTheBackoff() {
        Decision decision =
                exact.onAnswer(GET, attempt(1), FakeResponse.status(503).header("Retry-After", "0"));

        assertThat(decision.delay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitteredBackoffIsTheDrawTimesTheBound() {
        jitter = 0.25;
        AttemptPolicy jittered = policy(RetryPolicy.defaults());

        assertThat(jittered.onAnswer(GET, attempt(2), FakeResponse.status(500)).delay())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a5xxOnANonIdempotentPostIsNotRetried() {
        Decision decision = exact.onAnswer(POST, attempt(1), FakeResponse.status(503));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(decision.failure()).isInstanceOf(AuraServerException.class);
    }

    @Test
    void aRefusedTokenIsReplacedAndTheAttemptReplayedOnce() {
        Decision decision = exact.onAnswer(GET, attempt(1), FakeResponse.status(403));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.REPLAY);
        assertThat(decision.delay()).isZero();
        assertThat(invalidated).containsExactly(TOKEN);

        Decision again = exact.onAnswer(GET, new AttemptPolicy.Attempt(1, 2, TOKEN, false), FakeResponse.status(403));

        assertThat(again.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(again.failure()).isInstanceOf(AuraPermissionDeniedException.class);
        assertThat(invalidated).as("no second refresh").hasSize(1);
    }

    @Test
    void aRefusalIsFinalWhenTheProviderWillNotRefresh() {
        providerAgreesToRefresh = false;

        Decision decision = exact.onAnswer(GET, attempt(1), FakeResponse.status(401));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(decision.failure()).isInstanceOf(AuraAuthenticationException.class);
    }

    @Test
    void aTokenRequestRefusedIsAnAuthenticationFailureNotAReplay() {
        Decision decision =
                exact.onAnswer(TOKEN_REQUEST, new AttemptPolicy.Attempt(1, 1, null, true), FakeResponse.status(403));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(decision.failure()).isInstanceOf(AuraAuthenticationException.class);
        assertThat(invalidated).isEmpty();
    }

    @Test
    void aConnectionDroppedUnderAnIdempotentRequestIsRetried() {
        Decision decision =
                exact.onNetworkFailure(GET, attempt(1), new IOException("connection reset"), Duration.ofSeconds(60));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.RETRY);
        assertThat(decision.delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(decision.reason()).isEqualTo("IOException");
    }

    @Test
    void aConnectionDroppedUnderAPostIsNotResentForItMayHaveReachedTheServer() {
        Decision decision =
                exact.onNetworkFailure(POST, attempt(1), new IOException("connection reset"), Duration.ofSeconds(60));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(decision.failure())
                .isInstanceOf(AuraTransportException.class)
                .hasMessageContaining("not resent");
    }

    @Test
    void aPostThatNeverReachedTheServerIsRetried() {
        Decision decision =
                exact.onNetworkFailure(POST, attempt(1), new ConnectException("refused"), Duration.ofSeconds(60));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.RETRY);
        assertThat(decision.reason()).isEqualTo("ConnectException");
    }

    @Test
    void anAttemptTimeoutOnTheLastAttemptFailsAsATimeout() {
        Decision decision = exact.onNetworkFailure(
                GET, attempt(3), new HttpTimeoutException("request timed out"), Duration.ofMillis(200));

        assertThat(decision.kind()).isEqualTo(Decision.Kind.FAIL);
        assertThat(decision.failure())
                .isInstanceOf(AuraTimeoutException.class)
                .hasMessageContaining("no response within 200 ms");
    }
}
