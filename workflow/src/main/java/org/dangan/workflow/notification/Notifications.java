package org.dangan.workflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logged-in user's notifications, the one way into the table. A notice for a group is stored
 * once for each member when it is raised (members as Camunda's identity mirror of our accounts
 * knows them, never as a client says), so that each person reads and marks their own; a user
 * sees and marks only the rows addressed to them, and another's id is not found.
 */
@Service
@Transactional
public class Notifications {

    /** The most the bell lists at once. */
    public static final int MOST = 200;

    private final NotificationRepository repository;
    private final Recipients recipients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(
            NotificationRepository repository, Recipients recipients, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A notification as the screens show it: {@code arguments} are ready for the bundles (an id as
     * it is, a key as a resolvable), like a {@link Refused}'s.
     */
    public record Item(
            long id,
            NotificationKind kind,
            String messageKey,
            Object[] arguments,
            String route,
            Instant createdAt,
            boolean read) {}

    /** The newest first, at most {@code limit} (and never more than {@link #MOST}). */
    @Transactional(readOnly = true)
    public List<Item> mine(int limit) {
        String me = CurrentUser.require().getUsername();
        return repository
                .findByRecipientOrderByIdDesc(me, PageRequest.of(0, Math.max(1, Math.min(limit, MOST))))
                .stream()
                .map(Notifications::item)
                .toList();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return repository.countByRecipientAndReadAtIsNull(CurrentUser.require().getUsername());
    }

    /** Marks one of the user's notifications read; another's, or none by that id, is not found. */
    public void markRead(long id) {
        repository
                .findByIdAndRecipient(id, CurrentUser.require().getUsername())
                .orElseThrow(() -> Refused.notFound("notification.notFound", Long.toString(id)))
                .read(clock.instant());
    }

    /** Answers how many were unread. */
    public int markAllRead() {
        return repository.readAll(CurrentUser.require().getUsername(), clock.instant());
    }

    /**
     * Stores the notice for each person it is for (once, however many of its groups they are in;
     * not for the one whose step raised it) and hands it to the webhook, which sends it after the
     * commit.
     */
    void raise(Notice notice) {
        Instant at = clock.instant();
        Map<String, String> to = new LinkedHashMap<>();
        notice.users().forEach(u -> to.put(u, null));
        for (String group : notice.groups()) {
            recipients.membersOf(group).forEach(u -> to.putIfAbsent(u, group));
        }
        CurrentUser.get().ifPresent(actor -> to.remove(actor.getUsername()));
        List<Notification> rows = new ArrayList<>();
        to.forEach((user, group) -> rows.add(Notification.of(notice, user, group, at)));
        repository.saveAll(rows);
        events.publishEvent(new NoticeRaised(notice, at));
    }

    /** A task done or gone: its "new task" notice no longer waits to be read, for anyone. */
    void taskGone(String taskId) {
        repository.readForTask(taskId, clock.instant());
    }

    private static Item item(Notification n) {
        Object[] arguments =
                n.getArguments().stream().map(Notifications::translatable).toArray();
        return new Item(
                n.getId(),
                n.getKind(),
                n.getMessageKey(),
                arguments,
                n.getRoute(),
                n.getCreatedAt(),
                n.getReadAt() != null);
    }

    static Object translatable(String argument) {
        if (argument.startsWith(Notice.KEY)) {
            String key = argument.substring(Notice.KEY.length());
            return new DefaultMessageSourceResolvable(new String[] {key}, key);
        }
        return argument;
    }
}
