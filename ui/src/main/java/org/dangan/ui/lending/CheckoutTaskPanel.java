package org.dangan.ui.lending;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.Inbox;

/**
 * What every check-out task's panel shows first: the check-out (files with the resident's name
 * beside the number, purpose, requester, due day); and the way to complete the task through the
 * inbox with a notification that names what was done.
 */
abstract class CheckoutTaskPanel extends VerticalLayout {

    /** What a panel works from, loaded once by {@link CheckoutTaskPanels}. */
    record Context(
            Inbox.Item task,
            Checkouts.CheckoutView checkout,
            Map<String, String> owners,
            String requester,
            Inbox inbox,
            Runnable completed) {}

    protected final Context context;
    protected final Checkouts.CheckoutView checkout;
    /** The check-out's number as text, so the bundles do not group its digits ("1,024"). */
    protected final String number;

    CheckoutTaskPanel(Context context) {
        this.context = context;
        this.checkout = context.checkout();
        this.number = Long.toString(checkout.id());
        setPadding(false);
        setWidthFull();
        Span subject = new Span(getTranslation("tasks.subject.checkout", number) + " · "
                + getTranslation("checkoutState." + checkout.state())
                + (checkout.overdue() ? " · " + getTranslation("checkouts.overdue") : ""));
        subject.setId("checkout-task-subject");
        FormLayout facts = new FormLayout();
        facts.setId("checkout-task-facts");
        facts.addFormItem(new Span(context.requester()), getTranslation("checkouts.requestedBy"));
        facts.addFormItem(new Span(checkout.purpose()), getTranslation("checkouts.purpose"));
        facts.addFormItem(new Span(ChinaTime.day(checkout.until())), getTranslation("checkouts.until"));
        add(new H3(getTranslation("TaskKind." + context.task().kind().name())), subject, facts, files());
    }

    private Grid<Checkouts.FileView> files() {
        Grid<Checkouts.FileView> files = new Grid<>();
        files.setId("checkout-task-files");
        files.addColumn(Checkouts.FileView::fileNumber)
                .setHeader(getTranslation("checkoutTask.fileNumber"))
                .setAutoWidth(true);
        files.addColumn(f -> context.owners().getOrDefault(f.fileNumber(), ""))
                .setHeader(getTranslation("checkoutTask.resident"))
                .setAutoWidth(true);
        files.addColumn(f -> f.currentPlace() == null ? getTranslation("checkoutTask.notInBox") : f.currentPlace())
                .setHeader(getTranslation("checkoutTask.place"))
                .setFlexGrow(1);
        files.setItems(checkout.files());
        files.setAllRowsVisible(true);
        return files;
    }

    /** Completes the task; on success says what was done and lets the inbox refresh, else says why not. */
    protected boolean complete(Map<String, Object> variables, String done) {
        try {
            context.inbox().complete(context.task().taskId(), variables);
        } catch (RuntimeException e) {
            Refusals.show(e);
            return false;
        }
        Refusals.done(done);
        context.completed().run();
        return true;
    }
}
