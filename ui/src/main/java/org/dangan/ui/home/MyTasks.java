package org.dangan.ui.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.Campaigns;
import org.springframework.stereotype.Component;

/**
 * The user's open tasks as the home page lists them. The one place that says where they come
 * from: today the campaign inbox; when one inbox serves every process, only {@link #open()} changes.
 */
@Component
public class MyTasks {

    private final CampaignInbox inbox;
    private final Campaigns campaigns;

    MyTasks(CampaignInbox inbox, Campaigns campaigns) {
        this.inbox = inbox;
        this.campaigns = campaigns;
    }

    /**
     * One task: what to do ({@code kind}), on which case ({@code caseKey} is the bundle key that names
     * the kind of case with its number, e.g. 核查活动 #{0}), where, and by when (null: no deadline).
     */
    public record OpenTask(String taskId, TaskKind kind, String caseKey, long caseId, String institution,
                           LocalDate due, Instant created) {
    }

    /** The open tasks, the nearest deadline first. */
    public List<OpenTask> open() {
        Map<Long, LocalDate> deadlines = new HashMap<>();
        return inbox.mine().stream().map(t -> new OpenTask(t.taskId(), t.kind(), "home.case.campaign", t.campaignId(),
                        t.institutionName(), deadlines.computeIfAbsent(t.campaignId(),
                        id -> campaigns.require(id).getDeadline()), t.created() == null ? null : t.created().toInstant()))
                .sorted(java.util.Comparator.comparing(OpenTask::due, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder())))
                .toList();
    }
}
