package org.dangan.workflow.notification;

import java.util.List;
import java.util.Set;

/**
 * One event worth telling: its text (a bundle key and arguments: ids, numbers and bundle keys
 * written {@code key:TaskKind.SELF_CHECK}, never a name), where the screens show it, and whom it
 * is for, people by user name and groups by their Camunda group.
 */
record Notice(NotificationKind kind, String messageKey, List<String> arguments, String route, Set<String> users,
              Set<String> groups) {

    static final String KEY = "key:";

    Notice {
        arguments = List.copyOf(arguments);
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
    }

    /** The arguments that are ids or numbers, for the webhook. */
    List<String> ids() {
        return arguments.stream().filter(a -> !a.startsWith(KEY)).toList();
    }
}
