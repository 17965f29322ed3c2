package org.dangan.workflow.platform;

import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccountCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps and task queries know users and groups only from the engine's identity
 * service. Each Dang'an account gets a twin there, in a group named after its role; ADMIN also
 * joins Camunda's own {@code camunda-admin}. The twin's password is random and never used: people
 * log in through Spring Security, which hands the login to the webapps.
 */
@Component
class CamundaIdentityMirror {

    static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identity;

    CamundaIdentityMirror(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener
    void on(UserAccountCreated created) {
        User user = identity.newUser(created.username());
        user.setFirstName(created.displayName());
        user.setLastName("");
        user.setPassword(UUID.randomUUID().toString());
        identity.saveUser(user);
        join(created.username(), groupOf(created.role()), created.role().name());
        if (created.role() == Role.ADMIN) {
            join(created.username(), CAMUNDA_ADMIN, "Camunda administrators");
        }
    }

    static String groupOf(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
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
