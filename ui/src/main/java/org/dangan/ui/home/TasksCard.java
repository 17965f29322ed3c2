package org.dangan.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dangan.ui.inbox.TasksView;
import org.dangan.workflow.platform.ChinaTime;

/** The user's open tasks with their deadlines, the nearest first, and the way to 我的任务. */
public class TasksCard extends Card {

    static final int SHOWN = 8;

    public TasksCard(List<MyTasks.OpenTask> tasks, AccessAnnotationChecker access) {
        super("home-tasks");
        heading(getTranslation("home.tasks.title", tasks.size()));
        if (tasks.isEmpty()) {
            add(new Paragraph(getTranslation("home.tasks.none")));
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        tasks.stream().limit(SHOWN).forEach(t -> {
            Span what = new Span(getTranslation("TaskKind." + t.kind().name()));
            what.getStyle().set("font-weight", "600");
            Span where = new Span(" · " + getTranslation(t.subjectKey(), t.subjectArguments())
                    + (t.resident() == null ? "" : " · " + t.resident())
                    + (t.institution() == null ? "" : " · " + t.institution()));
            Span due = due(t.due(), today);
            due.getStyle().set("margin-left", "var(--lumo-space-s)");
            Div row = new Div(what, where, due);
            row.addClassName("home-task");
            row.getStyle()
                    .set("padding", "var(--lumo-space-xs) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-5pct)");
            add(row);
        });
        if (tasks.size() > SHOWN) {
            add(new Paragraph(getTranslation("home.tasks.more", tasks.size() - SHOWN)));
        }
        link(access, "home-tasks-link", getTranslation("home.tasks.link"), TasksView.class);
    }

    /** By when, in words: days left, due today, or days overdue (red); nothing without a deadline. */
    private Span due(LocalDate due, LocalDate today) {
        if (due == null) {
            return new Span();
        }
        long left = ChronoUnit.DAYS.between(today, due);
        Span text = new Span(
                left > 0
                        ? getTranslation("home.due.left", due.toString(), left)
                        : left == 0
                                ? getTranslation("home.due.today", due.toString())
                                : getTranslation("home.due.overdue", due.toString(), -left));
        text.getStyle()
                .set(
                        "color",
                        left < 0
                                ? "var(--lumo-error-text-color)"
                                : left <= 3
                                        ? "var(--lumo-warning-text-color, #b26a00)"
                                        : "var(--lumo-secondary-text-color)");
        return text;
    }
}
