package org.dangan.ui.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.dangan.ui.shell.LoginView;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.SecurityHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Form login for the Vaadin screens and the Camunda webapps alike: one session, one login. The
 * webapps are for administrators only; the REST API's Basic chain is in the workflow module.
 */
@EnableWebSecurity
@Configuration
public class UiSecurityConfiguration extends VaadinWebSecurity {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(AntPathRequestMatcher.antMatcher("/camunda/**"))
                .hasRole(Role.ADMIN.name())
                .requestMatchers(AntPathRequestMatcher.antMatcher("/images/**"))
                .permitAll());
        // the Camunda webapps guard themselves with their own CSRF token
        http.csrf(csrf -> csrf.ignoringRequestMatchers(AntPathRequestMatcher.antMatcher("/camunda/**")));
        // a new session id at login: an id planted before the login is worth nothing after it
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        SecurityHeaders.apply(http, SecurityHeaders.SCREENS_POLICY);
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
    }
}
