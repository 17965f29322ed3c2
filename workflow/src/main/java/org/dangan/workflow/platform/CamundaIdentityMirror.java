package org.dangan.workflow.platform;

import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccountCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps and task queries know users and groups only from the engine's identity
 * service. Each Dang'an account gets a twin there, in a group named after its role and in one
 * named after role and institution ({@code archivist-130123101}), which is what the campaign's user
 * tasks name as candidate groups; ADMIN also joins Camunda's own {@code camunda-admin}. The twin's password is random and never used: people
 * log in through Spring Security, which hands the login to the webapps.
 */
@Component
public class CamundaIdentityMirror {

    static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identity;
    private final Institutions institutions;
    private final AuthorizationService authorizations;

    CamundaIdentityMirror(IdentityService identity, Institutions institutions, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.institutions = institutions;
    }

    @EventListener
    void on(UserAccountCreated created) {
        User user = identity.newUser(created.username());
        user.setFirstName(created.displayName());
        user.setLastName("");
        user.setPassword(UUID.randomUUID().toString());
        identity.saveUser(user);
        join(created.username(), groupOf(created.role()), created.role().name());
        if (created.institutionId() != null) {
            Institution at = institutions.require(created.institutionId());
            join(created.username(), groupOf(created.role(), at.getCode()), created.role().name() + " " + at.getName());
            if (created.permissions().contains(Permission.RESTRICTED_DOCUMENTS)) {
                // the review of a restricted scan is offered to those who may read it, not to every archivist
                join(created.username(), "restricted-" + at.getCode(), "RESTRICTED_DOCUMENTS " + at.getName());
            }
        }
        if (created.role() == Role.ADMIN) {
            join(created.username(), CAMUNDA_ADMIN, "Camunda administrators");
            grantAdministratorsEverything();
        }
    }

    static String groupOf(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The candidate group of a role at one institution, as the BPMN models write it. */
    public static String groupOf(Role role, String institutionCode) {
        return groupOf(role) + "-" + institutionCode;
    }

    /**
     * With Camunda's authorizations on, the webapps let a group in only with grants; Camunda's own
     * first-run setup gives its administrators these, and so do we, once.
     */
    private void grantAdministratorsEverything() {
        for (Resources resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(CAMUNDA_ADMIN).resourceType(resource).count() == 0) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(CAMUNDA_ADMIN);
                grant.setResource(resource);
                grant.setResourceId(Authorization.ANY);
                grant.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(grant);
            }
        }
    }

    private void join(String userId, String groupId, String name) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        identity.createMembership(userId, groupId);
    }
}
