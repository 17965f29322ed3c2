package org.dangan.ui.verification;

import java.util.Map;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

class CampaignFollowUpPanel extends CampaignTaskPanel {

    CampaignFollowUpPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        add(campaignFigures());
        add(completeButton(getTranslation("tasks.done"), Map.of()));
    }
}
