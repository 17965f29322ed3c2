package org.dangan.ui.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.platform.TaskKind;
import org.springframework.stereotype.Component;

/** The user's open tasks as the home page lists them: the inbox's, the nearest deadline first. */
@Component
public class MyTasks {

    private final Inbox inbox;
    private final TaskResidents residents;

    MyTasks(Inbox inbox, TaskResidents residents) {
        this.inbox = inbox;
        this.residents = residents;
    }

    /**
     * One task: what to do ({@code kind}), on what (the subject's bundle key and arguments, e.g.
     * 调阅 #{0}), whom (the resident's name, or null), where, and by when in China (null: no deadline).
     */
    public record OpenTask(
            String taskId,
            TaskKind kind,
            String subjectKey,
            Object[] subjectArguments,
            String resident,
            String institution,
            LocalDate due,
            Instant created) {}

    public List<OpenTask> open() {
        List<Inbox.Item> items = inbox.mine();
        Map<String, String> names = residents.namesOf(items);
        return items.stream()
                .map(t -> new OpenTask(
                        t.taskId(),
                        t.kind(),
                        t.subject().key(),
                        t.subject().arguments(),
                        names.get(t.subject().recordNumber()),
                        t.institutionName(),
                        t.dueDay(),
                        t.created()))
                .sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
