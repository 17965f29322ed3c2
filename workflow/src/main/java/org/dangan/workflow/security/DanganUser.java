package org.dangan.workflow.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in principal: who, in which role, at which institution, with which grants. */
public final class DanganUser implements UserDetails, CredentialsContainer {

    private final Long id;
    private final String username;
    private String password;
    private final String displayName;
    private final Role role;
    private final Long institutionId;
    private final Set<Permission> permissions;
    private final boolean locked;
    private final boolean enabled;
    private final boolean failuresToForget;

    DanganUser(UserAccount account, boolean locked) {
        this.id = account.getId();
        this.username = account.getUsername();
        this.password = account.getPasswordHash();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.institutionId = account.getInstitutionId();
        this.permissions = Set.copyOf(account.getPermissions());
        this.locked = locked;
        this.enabled = account.isEnabled();
        this.failuresToForget = account.hasFailuresToForget();
    }

    /** Whether the account had failed logins or a lockout when it was loaded for this login. */
    boolean failuresToForget() {
        return failuresToForget;
    }

    public Long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Long institutionId() {
        return institutionId;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean is(Role r) {
        return role == r;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DanganUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
