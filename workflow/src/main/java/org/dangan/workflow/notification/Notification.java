package org.dangan.workflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One notice as one person received it; only its reading changes it. */
@Entity
@Table(name = "notification")
class Notification {

    private static final String SEPARATOR = "|";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "via_group")
    private String viaGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    @Column(name = "message_key", nullable = false)
    private String messageKey;

    @Column(nullable = false)
    private String arguments;

    @Column(nullable = false)
    private String route;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "task_id")
    private String taskId;

    protected Notification() {}

    static Notification of(Notice notice, String recipient, String viaGroup, Instant at) {
        if (notice.arguments().stream().anyMatch(a -> a.contains(SEPARATOR))) {
            throw new IllegalArgumentException(
                    "a notification argument is an id, a number or a key: " + notice.messageKey());
        }
        Notification n = new Notification();
        n.recipient = recipient;
        n.viaGroup = viaGroup;
        n.kind = notice.kind();
        n.messageKey = notice.messageKey();
        n.arguments = String.join(SEPARATOR, notice.arguments());
        n.route = notice.route();
        n.taskId = notice.taskId();
        n.createdAt = at;
        return n;
    }

    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    Long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getViaGroup() {
        return viaGroup;
    }

    NotificationKind getKind() {
        return kind;
    }

    String getMessageKey() {
        return messageKey;
    }

    List<String> getArguments() {
        return arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split("\\|", -1));
    }

    String getRoute() {
        return route;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }
}
