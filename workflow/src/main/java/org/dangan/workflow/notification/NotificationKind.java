package org.dangan.workflow.notification;

/** What a notification is about; the bell and the webhook name it, the bundles translate it. */
enum NotificationKind {
    TASK,
    RETURN,
    APPROVAL,
    OVERDUE
}
