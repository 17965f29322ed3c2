package org.dangan.ui.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

/** The head signs the institution's self-check off, or gives it back to the archivists with a reason. */
class HeadSignOffPanel extends CampaignTaskPanel {

    HeadSignOffPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        add(figures());
        TextArea reason = new TextArea(getTranslation("tasks.headReturnReason"));
        reason.setId("head-return-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button giveBack = new Button(getTranslation("tasks.headReturn"),
                e -> complete(Map.of("returned", true, "reason", reason.getValue())));
        giveBack.setId("head-return");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(completeButton(getTranslation("tasks.signSelfCheck"),
                Map.of("returned", false)), giveBack);
        buttons.setWrap(true);
        add(reason, buttons);
    }
}
