package org.dangan.ui.transfer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.transfer.RecordTransfers;

/** The work panel of a transfer-in: what comes from where and why, and the decision piece of the list. */
@org.springframework.stereotype.Component
class TransferTaskPanels implements TaskPanels {

    private final RecordTransfers transfers;

    TransferTaskPanels(RecordTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(TaskKind.TRANSFER_ACCEPTANCE);
    }

    @Override
    public Component open(String taskId, TaskKind kind, Runnable completed) {
        RecordTransfers.TransferView t = transfers.forTask(taskId);
        VerticalLayout panel = new VerticalLayout();
        panel.setId("transfer-task");
        panel.setPadding(false);
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span("#" + t.id() + " · " + t.recordNumber()), panel.getTranslation("transfers.record"));
        facts.addFormItem(new Span(t.fromName() + " → " + t.toName()), panel.getTranslation("transfers.fromTo"));
        facts.addFormItem(new Span(t.reason()), panel.getTranslation("transfers.reason"));
        panel.add(
                new H3(panel.getTranslation("TaskKind." + kind.name())),
                facts,
                new TransferDecision(transfers, () -> t, completed));
        return panel;
    }
}
