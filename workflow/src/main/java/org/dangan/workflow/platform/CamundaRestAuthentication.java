package org.dangan.workflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest}: Spring Security has authenticated the request;
 * this hands the user and the user's Camunda groups to the engine for the call, so Camunda's own
 * authorizations apply (a township archivist sees and works only the tasks offered to
 * {@code archivist-<own code>}).
 */
@Configuration
class CamundaRestAuthentication {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaRestAuthenticationFilter(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                        if (auth == null || !auth.isAuthenticated()) {
                            chain.doFilter(request, response);
                            return;
                        }
                        List<String> groups = identity.createGroupQuery().groupMember(auth.getName()).list().stream()
                                .map(Group::getId)
                                .toList();
                        identity.setAuthentication(auth.getName(), groups);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            identity.clearAuthentication();
                        }
                    }
                });
        registration.addUrlPatterns("/engine-rest/*");
        // after Spring Security's chain (order -100), which authenticates the request
        registration.setOrder(0);
        return registration;
    }
}
