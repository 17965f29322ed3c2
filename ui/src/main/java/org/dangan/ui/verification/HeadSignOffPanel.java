package org.dangan.ui.verification;

import java.util.Map;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;

class HeadSignOffPanel extends CampaignTaskPanel {

    HeadSignOffPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed) {
        super(task, inbox, reports, completed);
        add(figures());
        add(completeButton(getTranslation("tasks.signSelfCheck"), Map.of()));
    }
}
