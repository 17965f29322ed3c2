package org.dangan.ui.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.dangan.workflow.security.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Hands the Spring Security login to Cockpit, Tasklist and Admin, so they ask for no second password. */
@Configuration
public class CamundaWebappLogin {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityProvider.class.getName()));
        // after Spring Security's filter chain, so the login is known
        registration.setOrder(101);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        return registration;
    }

    /** Spring Security's user becomes the webapp's user; ADMIN is Camunda's own admin group. */
    public static class SpringSecurityProvider extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(jakarta.servlet.http.HttpServletRequest request,
                                                             ProcessEngine engine) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = new AuthenticationResult(auth.getName(), true);
            List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toList());
            if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))) {
                groups.add("camunda-admin");
            }
            result.setGroups(groups);
            return result;
        }
    }
}
