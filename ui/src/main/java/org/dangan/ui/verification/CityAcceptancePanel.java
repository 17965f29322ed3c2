package org.dangan.ui.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

/** The city accepts the whole campaign or returns it with a reason. */
class CityAcceptancePanel extends CampaignTaskPanel {

    CityAcceptancePanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        TextArea reason = new TextArea(getTranslation("tasks.returnReason"));
        reason.setId("return-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button accept = new Button(getTranslation("tasks.accept"), e -> complete(Map.of("accepted", true)));
        accept.setId("accept-campaign");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button giveBack = new Button(getTranslation("tasks.return"),
                e -> complete(Map.of("accepted", false, "reason", reason.getValue())));
        giveBack.setId("return-campaign");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(campaignFigures(), reason, new HorizontalLayout(accept, giveBack));
    }
}
