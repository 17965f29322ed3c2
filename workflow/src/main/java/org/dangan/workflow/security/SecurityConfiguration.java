package org.dangan.workflow.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic for the REST API and the Camunda engine REST API; the UI's form login is configured
 * by the ui module. Who may see which record is decided in the services' queries, not here.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonRefusals refusals) throws Exception {
        // Ant matchers: the engine's REST API is a Jersey servlet, outside Spring MVC's dispatcher
        http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        // no process of ours takes a BPMN error or escalation from a task, comments and
                        // attachments are stored unchecked, and none delegates a task: resolving one
                        // would clear another's claim, which unclaiming may not; refused before the engine
                        .requestMatchers(taskActions(
                                "bpmnError",
                                "bpmnEscalation",
                                "comment/create",
                                "attachment/create",
                                "resolve",
                                "delegate"))
                        .hasRole(Role.ADMIN.name())
                        // people work their own tasks through Camunda's API; Camunda's authorizations
                        // (candidate groups by role and institution) decide which tasks they see
                        .requestMatchers(
                                antMatcher("/engine-rest/task"),
                                antMatcher("/engine-rest/task/**"),
                                antMatcher("/engine-rest/engine/*/task"),
                                antMatcher("/engine-rest/engine/*/task/**"))
                        .hasAnyRole(Role.ARCHIVIST.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(antMatcher("/engine-rest/**"))
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers("/api/imports/**")
                        .hasRole(Role.ARCHIVIST.name())
                        .requestMatchers("/api/search/status", "/api/search/rebuild")
                        .hasRole(Role.ADMIN.name())
                        // coarse rules; each service checks the role of each action again, first
                        .requestMatchers("/api/records", "/api/records/**")
                        .hasAnyRole(Role.ARCHIVIST.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/bags")
                        .hasAnyRole(Role.ARCHIVIST.name(), Role.ADMIN.name())
                        .requestMatchers("/api/custody/verify", "/api/paper-files/custody-agreement")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.accessDeniedHandler(refusals.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic-authenticated API: no session cookie to forge requests with
                .csrf(csrf -> csrf.disable());
        SecurityHeaders.apply(http, SecurityHeaders.API_POLICY);
        return http.build();
    }

    private static OrRequestMatcher taskActions(String... actions) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String action : actions) {
            // with and without a trailing slash: Jersey takes both as the same resource
            for (String end : new String[] {"", "/"}) {
                matchers.add(antMatcher("/engine-rest/task/*/" + action + end));
                matchers.add(antMatcher("/engine-rest/engine/*/task/*/" + action + end));
            }
        }
        return new OrRequestMatcher(matchers);
    }

    /**
     * The API's reference (issue 18): its OpenAPI description and the Swagger UI that shows it, for
     * administrators only; it names every endpoint and shape. HTTP Basic as the API, or the screens'
     * session, because the UI fetches the description from the administrator's browser; a browser
     * without a login is sent to the login form, a client without one gets 401 as on the API.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiReferenceSecurity(HttpSecurity http, JsonRefusals refusals) throws Exception {
        RequestMatcher page =
                new OrRequestMatcher(antMatcher("/swagger-ui.html"), antMatcher("/swagger-ui/index.html"));
        http.securityMatcher(new OrRequestMatcher(
                        antMatcher("/v3/api-docs"),
                        antMatcher("/v3/api-docs/**"),
                        antMatcher("/v3/api-docs.yaml"),
                        antMatcher("/swagger-ui.html"),
                        antMatcher("/swagger-ui/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.accessDeniedHandler(refusals.forbidden())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), page)
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AnyRequestMatcher.INSTANCE));
        SecurityHeaders.apply(http, SecurityHeaders.API_REFERENCE_POLICY);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                                .permitAll()
                                .anyRequest()
                                .hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.disable());
        SecurityHeaders.apply(http, SecurityHeaders.API_POLICY);
        return http.build();
    }

    /**
     * BCrypt's cost is 10 (about 70 ms a hash here). The tests lower it: their fixtures create a
     * dozen accounts per test, and at cost 10 hashing was most of the default build's time.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${dangan.security.remember-matches:PT5M}") Duration remember,
            @Value("${dangan.security.password-cost:10}") int cost,
            Clock clock) {
        return new RememberedMatches(new BCryptPasswordEncoder(cost), remember, clock);
    }

    /** The one way to log in, for the API and the screens: see {@link PasswordLogin}. */
    @Bean
    AuthenticationProvider passwordLogin(UserAccounts accounts, PasswordEncoder encoder) {
        return new PasswordLogin(accounts, encoder);
    }
}
