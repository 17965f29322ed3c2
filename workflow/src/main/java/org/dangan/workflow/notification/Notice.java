package org.dangan.workflow.notification;

import java.util.List;
import java.util.Set;

/**
 * One event worth telling: its text (a bundle key and arguments: ids, numbers and bundle keys
 * written {@code key:TaskKind.SELF_CHECK}, never a name), where the screens show it, and whom it
 * is for, people by user name and groups by their Camunda group; a new task's notice names the
 * task, so that it is read for everyone once the task is done.
 */
record Notice(
        NotificationKind kind,
        String messageKey,
        List<String> arguments,
        String route,
        Set<String> users,
        Set<String> groups,
        String taskId) {

    static final String KEY = "key:";

    /** A notice about no particular task. */
    Notice(
            NotificationKind kind,
            String messageKey,
            List<String> arguments,
            String route,
            Set<String> users,
            Set<String> groups) {
        this(kind, messageKey, arguments, route, users, groups, null);
    }

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
