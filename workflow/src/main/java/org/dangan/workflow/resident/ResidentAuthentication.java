package org.dangan.workflow.resident;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in by a resident's bearer token. Its name is the principal's audit name, so the
 * audit log (which writes the authentication's name) records a resident's actions as the resident's.
 */
final class ResidentAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_RESIDENT";

    private final ResidentPrincipal resident;

    ResidentAuthentication(ResidentPrincipal resident) {
        super(List.of(new SimpleGrantedAuthority(ROLE)));
        this.resident = resident;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ResidentPrincipal getPrincipal() {
        return resident;
    }

    @Override
    public String getName() {
        return resident.auditName();
    }
}
