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
import org.dangan.workflow.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentityMirror.class);

    static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identity;
    private final Institutions institutions;
    private final AuthorizationService authorizations;
    private final UserAccounts accounts;

    CamundaIdentityMirror(
            IdentityService identity,
            Institutions institutions,
            AuthorizationService authorizations,
            UserAccounts accounts) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.institutions = institutions;
        this.accounts = accounts;
    }

    @EventListener
    void on(UserAccountCreated created) {
        mirror(created);
    }

    /**
     * At start, every account is mirrored again: a database whose accounts came before the mirror,
     * or lost their twins (a restore of our tables alone), agrees with Camunda again. Only what is
     * missing is written, so a second run, or a second node starting at once, changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void synchronise() {
        int failed = 0;
        for (UserAccountCreated account : accounts.everyAccount()) {
            try {
                mirror(account);
            } catch (RuntimeException e) {
                // another node mirroring the same account at the same moment; it will be there
                failed++;
                log.debug("mirroring {} into Camunda failed", account.username(), e);
            }
        }
        if (failed > 0) {
            log.warn("{} accounts were not mirrored into Camunda's identity service at start", failed);
        }
    }

    private void mirror(UserAccountCreated created) {
        if (identity.createUserQuery().userId(created.username()).count() == 0) {
            User user = identity.newUser(created.username());
            user.setFirstName(created.displayName());
            user.setLastName("");
            user.setPassword(UUID.randomUUID().toString());
            identity.saveUser(user);
        }
        join(created.username(), groupOf(created.role()), created.role().name());
        if (created.institutionId() != null) {
            Institution at = institutions.require(created.institutionId());
            join(
                    created.username(),
                    groupOf(created.role(), at.getCode()),
                    created.role().name() + " " + at.getName());
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
     * first-run setup gives its administrators these, and so do we, once. A grant counts only if it
     * is on every resource ({@code *}): the engine gives each group's members READ on that one group,
     * and taking that for the administrators' grant left them unable to read any other group, so
     * {@code /engine-rest/group?member=} and {@code task?candidateUser=} answered nothing (issue 18).
     */
    private void grantAdministratorsEverything() {
        for (Resources resource : Resources.values()) {
            if (authorizations
                            .createAuthorizationQuery()
                            .groupIdIn(CAMUNDA_ADMIN)
                            .resourceType(resource)
                            .resourceId(Authorization.ANY)
                            .count()
                    == 0) {
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
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
