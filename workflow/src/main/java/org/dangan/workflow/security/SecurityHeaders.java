package org.dangan.workflow.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The response headers every chain sends: a content security policy, frames from this origin
 * only, no MIME sniffing, no referrer to other sites, and HSTS on requests that came over TLS
 * (behind a proxy: with {@code server.forward-headers-strategy=native} and X-Forwarded-Proto).
 */
public final class SecurityHeaders {

    /**
     * What Vaadin 24 needs and nothing more: its bundle evaluates code and sets inline styles,
     * push uses a WebSocket to this host, images and PDFs come from this origin or as data/blob.
     */
    public static final String SCREENS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** JSON and files: nothing in them may run or be framed by another site. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /**
     * The Swagger UI of the API's reference: its own scripts and styles from this origin (it sets
     * styles inline and draws icons as data URLs), calls to this origin only.
     */
    public static final String API_REFERENCE_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private SecurityHeaders() {}

    public static void apply(HttpSecurity http, String policy) throws Exception {
        http.headers(headers -> headers
                // the Camunda webapps send their own policy (with nonces); a second one would narrow it
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/camunda/**")),
                        new ContentSecurityPolicyHeaderWriter(policy)))
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }
}
