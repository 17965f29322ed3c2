package org.dangan.ui.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.dangan.ui.support.Confirm;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

/** The city accepts the whole campaign (asked first: it freezes the report) or returns it with a reason. */
class CityAcceptancePanel extends CampaignTaskPanel {

    CityAcceptancePanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        TextArea reason = new TextArea(getTranslation("tasks.returnReason"));
        reason.setId("return-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        // acceptance freezes the report's figures for good: said in those figures before it is done
        String acceptLabel = getTranslation("tasks.accept");
        Button accept = new Button(
                acceptLabel,
                e -> Confirm.ask(
                        "accept-confirm",
                        acceptLabel,
                        getTranslation(
                                "acceptance.confirm",
                                CampaignsView.count(progress.records()),
                                CampaignsView.percent(progress.sampleErrorRate())),
                        acceptLabel,
                        () -> complete(Map.of("accepted", true))));
        accept.setId("accept-campaign");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button giveBack = new Button(
                getTranslation("tasks.return"),
                e -> complete(
                        Map.of("accepted", false, "reason", reason.getValue()),
                        getTranslation("tasks.cityReturned", Long.toString(task.campaignId()))));
        giveBack.setId("return-campaign");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(campaignFigures(), reason, new HorizontalLayout(accept, giveBack));
    }
}
