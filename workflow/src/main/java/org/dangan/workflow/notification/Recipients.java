package org.dangan.workflow.notification;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is in a candidate group, from Camunda's identity mirror of our accounts (where the models'
 * groups live). A task created while a Tasklist or engine-REST user acts runs with that user's
 * Camunda authentication, under which the engine would show only the users they may read (none,
 * for an archivist); the question is the system's, so it is asked without it.
 */
@Component
class Recipients {

    private final IdentityService identity;

    Recipients(IdentityService identity) {
        this.identity = identity;
    }

    List<String> membersOf(String group) {
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return identity.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getId)
                    .toList();
        } finally {
            if (acting != null) {
                identity.setAuthentication(acting);
            }
        }
    }
}
