package org.dangan.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing from one address: after {@code max-failures} failed logins from a client
 * address within a minute, its login attempts (the login form's POST and any request with an
 * Authorization header) are answered 429 until the minute has passed. The per-account lockout
 * stops guessing one password; this stops trying many accounts from one place. Behind a proxy,
 * the client address comes from X-Forwarded-For ({@code server.forward-headers-strategy=native}).
 */
@Configuration
class LoginRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String TOO_MANY_FAILURES = "login.tooManyFailures";

    private final int maxFailures;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final JsonRefusals refusals;

    LoginRateLimit(
            @Value("${dangan.security.login-rate.max-failures-per-minute:20}") int maxFailures,
            Clock clock,
            JsonRefusals refusals) {
        this.maxFailures = maxFailures;
        this.clock = clock;
        this.refusals = refusals;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            Deque<Instant> times =
                    failures.computeIfAbsent(details.getRemoteAddress(), a -> new ConcurrentLinkedDeque<>());
            times.addLast(clock.instant());
            prune(times);
        }
        if (failures.size() > 10_000) {
            // addresses that stopped failing are forgotten: the map never grows without bound
            failures.entrySet().removeIf(e -> {
                prune(e.getValue());
                return e.getValue().isEmpty();
            });
        }
    }

    /** Seconds until this address may try again; 0 when it may now. */
    long blockedFor(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return 0;
        }
        // no lock: every request of an address reads its deque, and one request descheduled while
        // holding a lock held up all the others from there (0.4 s under load; issue 21). A blocked
        // address records no more failures, so the deque holds about max-failures entries.
        prune(times);
        Instant first = times.peekFirst();
        if (first == null || times.size() < maxFailures) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.instant(), first.plus(WINDOW)).toSeconds());
    }

    private void prune(Deque<Instant> times) {
        Instant since = clock.instant().minus(WINDOW);
        times.removeIf(t -> t.isBefore(since));
    }

    /**
     * Written here rather than with {@code sendError}: the container would forward that to its error
     * page, whose request no API rule matches, and the screens' login would answer it with a 302.
     */
    private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long wait)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(wait));
        refusals.refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_FAILURES, wait);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginRateLimitFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean loginAttempt = request.getHeader("Authorization") != null
                        || ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
                long wait = loginAttempt ? blockedFor(request.getRemoteAddr()) : 0;
                if (wait > 0) {
                    tooManyFailures(request, response, wait);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        // before Spring Security's chain, so a blocked attempt is not even checked
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
