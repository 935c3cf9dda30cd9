package jp.hyoka.server.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * micronaut-security's bearer-token authentication, remembering the tokens it verified: a front end sends the same
 * token with every request until it expires, and verifying it (parsing, the signature, the claims) each time was
 * ≈ 6 % of a read's CPU, on Netty's event loop (infra/docs/read-path.md). A token seen again is answered with the
 * {@link Authentication} its verification produced, while all of these hold:
 * <ul>
 *     <li>the key is the whole token string, exactly as received: a token that differs in any character (another
 *     signature, a changed claim) is a miss and is verified; nothing unverified is ever remembered;</li>
 *     <li>only before its {@code exp} (strictly): from then on it is verified again and refused as expired, as
 *     without the cache. A token without {@code exp} is never remembered;</li>
 *     <li>for at most {@code hyoka.security.verified-token-ttl} (default 5 min) after its verification, so that a
 *     signing key the identity provider withdraws stops its tokens within that time here too. Hyoka has no token
 *     revocation list of its own (a user removed in Keycloak keeps a valid token until its expiry, with or without
 *     this cache);</li>
 *     <li>at most {@code hyoka.security.verified-tokens} (default 10,000) at once; when full, a new token is verified
 *     every time instead of remembered.</li>
 * </ul>
 * Expired entries leave as new tokens are remembered, the soonest-expiring first: a queue ordered by expiry is
 * polled while its head has expired, so each entry is examined O(log n) once when it leaves, never the whole cache
 * per request on the event loop (a full cache of live tokens costs a miss one look at the head).
 * The WebSocket's {@code connection_init} token ({@code GraphQlWebSocket}) is verified by the validators themselves,
 * once per connection, as before.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class VerifiedTokens extends TokenAuthenticationFetcher {

    private final TokenResolver<HttpRequest<?>> tokenResolver;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** The remembered entries, soonest {@code until} first; guarded by itself. An entry leaves both when it expires. */
    private final PriorityQueue<Remembered> expiries = new PriorityQueue<>(
            Comparator.comparing(remembered -> remembered.verified().until()));
    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;

    public VerifiedTokens(List<TokenValidator<HttpRequest<?>>> tokenValidators,
                          TokenResolver<HttpRequest<?>> tokenResolver,
                          ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                          HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver,
                          @Value("${hyoka.security.verified-tokens:10000}") int capacity,
                          @Value("${hyoka.security.verified-token-ttl:5m}") Duration timeToLive) {
        this(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver,
                capacity, timeToLive, Clock.systemUTC());
    }

    VerifiedTokens(List<TokenValidator<HttpRequest<?>>> tokenValidators, TokenResolver<HttpRequest<?>> tokenResolver,
                   ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                   HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver, int capacity,
                   Duration timeToLive, Clock clock) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
        this.tokenResolver = tokenResolver;
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** A verified token's authentication and the instant from which it must be verified again. */
    private record Verified(Authentication authentication, Instant until) {
    }

    private record Remembered(String token, Verified verified) {
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        List<String> tokens = tokenResolver.resolveTokens(request);
        if (tokens == null || tokens.size() != 1) {
            return super.fetchAuthentication(request);       // none, or several to try: as micronaut-security does
        }
        String token = tokens.get(0);
        Verified known = verified.get(token);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.until())) {
                request.setAttribute(SecurityFilter.TOKEN, token);
                return Mono.just(known.authentication());
            }
            verified.remove(token, known);
        }
        return Mono.from(super.fetchAuthentication(request))
                .doOnNext(authentication -> remember(token, authentication, now));
    }

    /**
     * The authentication of {@code token} if it is remembered and still valid now, without verifying anything: the
     * same answer {@link #fetchAuthentication} gives a request carrying this one token from the cache (for the lean
     * GraphQL path, which serves only remembered tokens and hands every other request to the security filter).
     */
    public Optional<Authentication> remembered(String token) {
        Verified known = verified.get(token);
        return known != null && clock.instant().isBefore(known.until()) ? Optional.of(known.authentication())
                : Optional.empty();
    }

    private void remember(String token, Authentication authentication, Instant verifiedAt) {
        Instant expiry = expiry(authentication.getAttributes().get("exp"));
        if (expiry == null) {
            return;
        }
        Instant cap = verifiedAt.plus(timeToLive);
        Instant until = expiry.isBefore(cap) ? expiry : cap;
        Verified entry = new Verified(authentication, until);
        synchronized (expiries) {
            Instant now = clock.instant();
            for (Remembered head = expiries.peek(); head != null && !now.isBefore(head.verified().until());
                 head = expiries.peek()) {
                expiries.poll();
                verified.remove(head.token(), head.verified());
            }
            if (verified.size() >= capacity || verified.putIfAbsent(token, entry) != null) {
                return;
            }
            expiries.add(new Remembered(token, entry));
        }
    }

    /** The {@code exp} claim as the token's claims carry it (a Date from Nimbus; seconds or an Instant otherwise). */
    static Instant expiry(Object exp) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    int size() {
        return verified.size();
    }
}
