package org.dangan.ui.verification;

import java.util.Map;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

class CheckerSignOffPanel extends CampaignTaskPanel {

    CheckerSignOffPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        add(campaignFigures(), new com.vaadin.flow.component.html.Paragraph(getTranslation("tasks.signOffExplained")));
        add(completeButton(getTranslation("tasks.signOff"), Map.of()));
    }
}
