package org.dangan.ui.lending;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.lending.Checkouts;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.PaperFileOwners;
import org.dangan.workflow.security.UserAccounts;

/** The work panels of a check-out's tasks: decide, take the files back, follow up the overdue. */
@org.springframework.stereotype.Component
class CheckoutTaskPanels implements TaskPanels {

    private final Inbox inbox;
    private final Checkouts checkouts;
    private final PaperFileOwners owners;
    private final UserAccounts users;

    CheckoutTaskPanels(Inbox inbox, Checkouts checkouts, PaperFileOwners owners, UserAccounts users) {
        this.inbox = inbox;
        this.checkouts = checkouts;
        this.owners = owners;
        this.users = users;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.CHECKOUT_APPROVAL, TaskKind.CHECKOUT_RETURN, TaskKind.CHECKOUT_FOLLOW_UP);
    }

    @Override
    public com.vaadin.flow.component.Component open(String taskId, TaskKind kind, Runnable completed) {
        Inbox.Item task = inbox.require(taskId);
        // read through the check-out service: it checks the scope and audits the read
        Checkouts.CheckoutView checkout = checkouts.read(Long.parseLong(task.businessKey()));
        Map<String, String> names = owners.names(
                checkout.files().stream().map(Checkouts.FileView::fileNumber).toList());
        String requester =
                users.find(checkout.requestedBy()).map(u -> u.getDisplayName()).orElse("");
        CheckoutTaskPanel.Context context =
                new CheckoutTaskPanel.Context(task, checkout, names, requester, inbox, completed);
        return switch (kind) {
            case CHECKOUT_APPROVAL -> new CheckoutApprovalPanel(context);
            case CHECKOUT_RETURN -> new CheckoutReturnPanel(context);
            case CHECKOUT_FOLLOW_UP -> new CheckoutFollowUpPanel(context);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }
}
