package org.dangan.workflow.resident;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.dangan.workflow.security.JsonRefusals;
import org.dangan.workflow.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The resident API's own chain, before the staff API's: asking for a code and signing in are open;
 * everything else needs {@code Authorization: Bearer <token>} of a live session, which stands for a
 * {@link ResidentPrincipal} with ROLE_RESIDENT. HTTP Basic is not read here, so staff credentials
 * are answered 401; and no staff chain reads a bearer token, so a resident's token is answered 401
 * there. With the county switch off, every address under /api/resident answers 404 as an unknown
 * API address would.
 */
@Configuration
class ResidentSecurity {

    static final String BEARER = "Bearer ";

    @Bean
    @Order(0)
    SecurityFilterChain residentApiSecurity(
            HttpSecurity http, JsonRefusals refusals, ResidentSessions sessions, ResidentSettings settings)
            throws Exception {
        http.securityMatcher(antMatcher("/api/resident/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                // any method: a GET is then told 405 by the API, not asked to sign in
                                antMatcher("/api/resident/codes"), antMatcher("/api/resident/sign-in"))
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ResidentAuthentication.ROLE))
                .addFilterAfter(siteSwitch(settings, refusals), HeaderWriterFilter.class)
                .addFilterAt(bearer(sessions), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(refusals.forbidden())
                        .authenticationEntryPoint((request, response, failure) -> refusals.refuse(
                                request, response, HttpStatus.UNAUTHORIZED, "resident.signIn.required")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless, bearer-authenticated: no cookie a forged request could ride on
                .csrf(csrf -> csrf.disable());
        SecurityHeaders.apply(http, SecurityHeaders.API_POLICY);
        return http.build();
    }

    private static OncePerRequestFilter siteSwitch(ResidentSettings settings, JsonRefusals refusals) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!settings.enabled()) {
                    refusals.refuse(request, response, HttpStatus.NOT_FOUND, "error.noSuchApi");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static OncePerRequestFilter bearer(ResidentSessions sessions) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<ResidentPrincipal> resident = token(request).flatMap(sessions::resolve);
                if (resident.isPresent()) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new ResidentAuthentication(resident.get()));
                    SecurityContextHolder.setContext(context);
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The bearer token of the request, if it carries one. */
    static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
