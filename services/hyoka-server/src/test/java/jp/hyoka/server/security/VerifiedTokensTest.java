package jp.hyoka.server.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.validator.TokenValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");

    private final MovableClock clock = new MovableClock();
    /** Every token the validator was asked to verify. */
    private final List<String> verifications = new ArrayList<>();
    /** A token is valid if it names an exp (epoch seconds) after now: "good:<exp>"; "noexp" is valid without one. */
    private final TokenValidator<HttpRequest<?>> validator = (token, request) -> {
        verifications.add(token);
        if (token.equals("noexp")) {
            return Mono.just(Authentication.build("alice", Map.of()));
        }
        if (!token.startsWith("good:")) {
            return Mono.empty();
        }
        Instant exp = Instant.ofEpochSecond(Long.parseLong(token.substring(5)));
        return clock.instant().isAfter(exp) ? Mono.empty()
                : Mono.just(Authentication.build("alice", Map.of("exp", Date.from(exp))));
    };

    private VerifiedTokens tokens(int capacity) {
        return new VerifiedTokens(List.of(validator),
                request -> Optional.ofNullable(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                        .map(header -> header.substring("Bearer ".length())),
                event -> { }, request -> "http://localhost", new HttpLocaleResolver() {
                    @Override
                    public Optional<Locale> resolve(HttpRequest<?> request) {
                        return Optional.empty();
                    }

                    @Override
                    public Locale resolveOrDefault(HttpRequest<?> request) {
                        return Locale.ROOT;
                    }
                }, capacity, Duration.ofMinutes(5), clock);
    }

    private static String expiringIn(Duration duration) {
        return "good:" + START.plus(duration).getEpochSecond();
    }

    private static Optional<Authentication> fetch(VerifiedTokens tokens, HttpRequest<?> request) {
        return Mono.from(tokens.fetchAuthentication(request)).blockOptional();
    }

    private static HttpRequest<?> request(String token) {
        return HttpRequest.POST("/graphql", "{}").bearerAuth(token);
    }

    @Test
    void givenAVerifiedToken_whenSentAgainBeforeItsExpiry_thenItIsNotVerifiedAgainAndAuthenticatesTheSameWay() {
        VerifiedTokens tokens = tokens(10);
        String token = expiringIn(Duration.ofHours(1));
        Authentication first = fetch(tokens, request(token)).orElseThrow();
        clock.move(Duration.ofMinutes(4));
        HttpRequest<?> again = request(token);

        Optional<Authentication> second = fetch(tokens, again);

        assertThat(second).containsSame(first);
        assertThat(again.getAttribute(SecurityFilter.TOKEN, String.class)).contains(token);
        assertThat(verifications).containsExactly(token);
    }

    /** A token living {@code lifetime}, sent again {@code later}: at its expiry refused, past the TTL re-verified. */
    @ParameterizedTest
    @CsvSource({"PT2M, PT2M1S, false", "PT12H, PT5M, true"})
    void givenAVerifiedToken_whenSentAgainAtItsExpiryOrPastTheTimeToLive_thenItIsVerifiedAgain(
            Duration lifetime, Duration later, boolean stillValid) {
        VerifiedTokens tokens = tokens(10);
        String token = expiringIn(lifetime);
        fetch(tokens, request(token)).orElseThrow();
        clock.move(later);

        Optional<Authentication> again = fetch(tokens, request(token));

        assertThat(again.isPresent()).isEqualTo(stillValid);
        assertThat(verifications).containsExactly(token, token);
    }

    /** What the lean GraphQL path asks: a remembered token's authentication, never a verification. */
    @ParameterizedTest
    @CsvSource({"PT1H, PT4M, true", "PT2M, PT2M, false", "PT12H, PT5M, false"})
    void givenAVerifiedToken_whenAskedWhetherItIsRemembered_thenOnlyBeforeItsExpiryAndWithinTheTimeToLive(
            Duration lifetime, Duration later, boolean remembered) {
        VerifiedTokens tokens = tokens(10);
        String token = expiringIn(lifetime);
        Authentication verified = fetch(tokens, request(token)).orElseThrow();
        clock.move(later);

        Optional<Authentication> known = tokens.remembered(token);

        assertThat(known.isPresent()).isEqualTo(remembered);
        known.ifPresent(authentication -> assertThat(authentication).isSameAs(verified));
        assertThat(tokens.remembered(token + "x")).isEmpty();
        assertThat(tokens.remembered(expiringIn(Duration.ofHours(2)))).as("never verified").isEmpty();
        assertThat(verifications).containsExactly(token);
    }

    @Test
    void givenAVerifiedToken_whenATokenDifferingInOneCharacterIsSent_thenThatOneIsVerifiedAndRefused() {
        VerifiedTokens tokens = tokens(10);
        String token = expiringIn(Duration.ofHours(1));
        fetch(tokens, request(token)).orElseThrow();
        String forged = token.replace("good:", "good;");

        assertThat(fetch(tokens, request(forged))).isEmpty();
        assertThat(fetch(tokens, request(forged))).isEmpty();
        assertThat(verifications).containsExactly(token, forged, forged);
    }

    @Test
    void givenATokenWithoutExpiry_whenSentTwice_thenItIsVerifiedBothTimes() {
        VerifiedTokens tokens = tokens(10);

        fetch(tokens, request("noexp")).orElseThrow();
        fetch(tokens, request("noexp")).orElseThrow();

        assertThat(verifications).containsExactly("noexp", "noexp");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void givenAFullCache_whenANewTokenIsVerified_thenTheExpiredGoAndNoMoreThanTheCapacityIsKept() {
        VerifiedTokens tokens = tokens(2);
        fetch(tokens, request(expiringIn(Duration.ofMinutes(1)))).orElseThrow();
        fetch(tokens, request(expiringIn(Duration.ofMinutes(10)))).orElseThrow();
        fetch(tokens, request(expiringIn(Duration.ofMinutes(11)))).orElseThrow();
        assertThat(tokens.size()).isEqualTo(2);
        clock.move(Duration.ofMinutes(2));

        fetch(tokens, request(expiringIn(Duration.ofMinutes(12)))).orElseThrow();

        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void givenExpiredTokensInACacheNotYetFull_whenANewTokenIsRemembered_thenTheExpiredHaveLeft() {
        VerifiedTokens tokens = tokens(10);
        for (int minutes = 1; minutes <= 3; minutes++) {
            fetch(tokens, request(expiringIn(Duration.ofMinutes(minutes)))).orElseThrow();
        }
        fetch(tokens, request(expiringIn(Duration.ofMinutes(20)))).orElseThrow();
        clock.move(Duration.ofMinutes(2).plusSeconds(30));

        fetch(tokens, request(expiringIn(Duration.ofMinutes(21)))).orElseThrow();

        assertThat(tokens.size()).as("the two expired by now left; the one expiring at 3 min and both live stay")
                .isEqualTo(3);
    }

    @Test
    void givenATokenPastTheTimeToLive_whenSentAgain_thenVerifiedAgainAndRememberedAgain() {
        VerifiedTokens tokens = tokens(10);
        String token = expiringIn(Duration.ofHours(1));
        fetch(tokens, request(token)).orElseThrow();
        clock.move(Duration.ofMinutes(6));

        fetch(tokens, request(token)).orElseThrow();
        fetch(tokens, request(token)).orElseThrow();

        assertThat(verifications).containsExactly(token, token);
        assertThat(tokens.size()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {
        private Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
