package org.dangan.ui.verification;

import java.util.EnumSet;
import java.util.Set;
import org.dangan.ui.inbox.TaskPanels;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.registry.RecordMerge;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CheckerSignOffs;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.SampleChecks;

/** The work panels of a verification campaign's tasks. */
@org.springframework.stereotype.Component
class CampaignTaskPanels implements TaskPanels {

    private final CampaignInbox inbox;
    private final CampaignReports reports;
    private final Findings findings;
    private final SampleChecks samples;
    private final PaperChecks paperChecks;
    private final Records records;
    private final Institutions institutions;
    private final RecordMerge merge;
    private final CheckerSignOffs signOffs;
    private final Documents documents;

    CampaignTaskPanels(
            CampaignInbox inbox,
            CampaignReports reports,
            Findings findings,
            SampleChecks samples,
            PaperChecks paperChecks,
            Records records,
            Institutions institutions,
            RecordMerge merge,
            CheckerSignOffs signOffs,
            Documents documents) {
        this.signOffs = signOffs;
        this.documents = documents;
        this.inbox = inbox;
        this.reports = reports;
        this.findings = findings;
        this.samples = samples;
        this.paperChecks = paperChecks;
        this.records = records;
        this.institutions = institutions;
        this.merge = merge;
    }

    @Override
    public Set<TaskKind> kinds() {
        return EnumSet.of(
                TaskKind.SELF_CHECK,
                TaskKind.HEAD_SIGN_OFF,
                TaskKind.SAMPLE_CHECK,
                TaskKind.CITY_ACCEPTANCE,
                TaskKind.CHECKER_SIGN_OFF,
                TaskKind.CAMPAIGN_FOLLOW_UP);
    }

    @Override
    public com.vaadin.flow.component.Component open(String taskId, TaskKind kind, Runnable completed) {
        WorkItem task = inbox.require(taskId);
        return switch (kind) {
            case SELF_CHECK ->
                new SelfCheckPanel(
                        task,
                        inbox,
                        reports,
                        completed,
                        findings,
                        paperChecks,
                        records,
                        institutions,
                        merge,
                        documents);
            case HEAD_SIGN_OFF -> new HeadSignOffPanel(task, inbox, reports, completed, findings, paperChecks);
            case SAMPLE_CHECK -> new SampleCheckPanel(task, inbox, reports, completed, samples, institutions, records);
            case CITY_ACCEPTANCE -> new CityAcceptancePanel(task, inbox, reports, completed);
            case CHECKER_SIGN_OFF -> new CheckerSignOffPanel(task, inbox, reports, completed, signOffs);
            case CAMPAIGN_FOLLOW_UP -> new CampaignFollowUpPanel(task, inbox, reports, completed);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }
}
