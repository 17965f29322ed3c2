package org.dangan.workflow.resident;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in by a resident's bearer token. Its name is the principal's audit name, so the
 * audit log (which writes the authentication's name) records a resident's actions as the resident's.
 * Public for the resident site's screens, which hold it only for the duration of one service call.
 */
public final class ResidentAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_RESIDENT";

    private final ResidentPrincipal resident;

    public ResidentAuthentication(ResidentPrincipal resident) {
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
