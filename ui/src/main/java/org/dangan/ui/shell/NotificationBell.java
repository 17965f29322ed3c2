package org.dangan.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.dangan.ui.support.Attempt;
import org.dangan.workflow.notification.Notifications;
import org.dangan.workflow.platform.ChinaTime;

/**
 * The bell in the top bar: the number of unread notifications, and on a click the list of them,
 * newest first, unread in bold, each with its time in China time. Choosing one marks it read and
 * opens its screen. The count follows the user around: it is asked again on every navigation and
 * whenever a screen polls; the bell sets no poll of its own, since a poll would keep an idle
 * session from signing out.
 */
public class NotificationBell extends Composite<HorizontalLayout> {

    private static final int LISTED = 50;

    private final Notifications notifications;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Dialog dialog = new Dialog();
    private final VerticalLayout list = new VerticalLayout();
    private final List<Registration> listening = new ArrayList<>();

    public NotificationBell(Notifications notifications) {
        this.notifications = notifications;
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel(getTranslation("notifications.bell"));
        bell.setTooltipText(getTranslation("notifications.bell"));
        bell.addClickListener(e -> open());
        count.setId("notification-count");
        count.getElement().getThemeList().addAll(List.of("badge", "error", "pill", "small"));
        count.getStyle().set("margin-inline-start", "calc(var(--lumo-space-m) * -1)");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().setAlignItems(FlexComponent.Alignment.CENTER);
        getContent().add(bell, count);

        dialog.setId("notification-dialog");
        dialog.setHeaderTitle(getTranslation("notifications.title"));
        dialog.setWidth("min(32rem, 95vw)");
        list.setId("notification-list");
        list.setPadding(false);
        list.setSpacing(false);
        dialog.add(list);
        Button readAll = new Button(
                getTranslation("notifications.readAll"),
                e -> Attempt.run(() -> {
                    notifications.markAllRead();
                    refresh();
                    fill();
                }));
        readAll.setId("notification-read-all");
        Button close = new Button(getTranslation("notifications.close"), e -> dialog.close());
        close.setId("notification-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(close, readAll);
        refresh();
    }

    /** The bell with the services of the Spring context; the shell adds it with one line. */
    public static NotificationBell create() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(NotificationBell.class);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        listening.add(ui.addAfterNavigationListener(e -> refresh()));
        listening.add(ui.addPollListener(e -> refresh()));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        listening.forEach(Registration::remove);
        listening.clear();
    }

    /** The unread count as shown, for the shell's tests. */
    Span count() {
        return count;
    }

    private void refresh() {
        long unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("notifications.bell") + (unread > 0 ? " " + unread : ""));
    }

    private void open() {
        fill();
        dialog.open();
    }

    private void fill() {
        list.removeAll();
        List<Notifications.Item> items = notifications.mine(LISTED);
        if (items.isEmpty()) {
            Span empty = new Span(getTranslation("notifications.empty"));
            empty.setId("notification-empty");
            list.add(empty);
        }
        for (Notifications.Item item : items) {
            list.add(line(item));
        }
    }

    private Button line(Notifications.Item item) {
        Span time = new Span(ChinaTime.minute(item.createdAt()));
        time.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("margin-inline-start", "var(--lumo-space-s)");
        Button line = new Button(getTranslation(item.messageKey(), item.arguments()));
        line.setSuffixComponent(time);
        line.setId("notification-" + item.id());
        line.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        line.setWidthFull();
        line.getStyle()
                .set("justify-content", "space-between")
                .set("height", "auto")
                .set("white-space", "normal")
                .set("text-align", "start")
                .set("padding-block", "var(--lumo-space-xs)")
                .set("font-weight", item.read() ? "normal" : "bold")
                .set("color", item.read() ? "var(--lumo-secondary-text-color)" : "var(--lumo-body-text-color)");
        if (!item.read()) {
            line.getElement().setAttribute("title", getTranslation("notifications.unread"));
            line.addClassName("unread");
        }
        line.addClickListener(e -> Attempt.run(() -> {
            notifications.markRead(item.id());
            dialog.close();
            refresh();
            UI.getCurrent().navigate(item.route());
        }));
        return line;
    }
}
