package org.dangan.workflow.verification;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.TaskForm;
import org.dangan.workflow.platform.TaskKind;
import org.dangan.workflow.platform.UserTasks;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Completes the campaign's user tasks in the domain ({@code complete} listener of every user task
 * in the model), whichever way they are completed: the Vaadin inbox, Camunda Tasklist or
 * {@code /engine-rest/task/{id}/complete}. It checks that the one completing is the right person
 * (role and institution) and hands the step to {@link Campaign}, which refuses what four eyes
 * forbid; a refusal rolls the completion back and the task stays open.
 */
@Component("campaignTasks")
public class CampaignTasks implements TaskListener, TaskForm.Forms {

    /** The head's answer as the model's gateway reads it (declared in each institution's branch). */
    static final String RETURNED_BY_HEAD = "returnedByHead";

    private final CampaignRepository repository;
    private final Institutions institutions;
    private final SampleChecks sampleChecks;
    private final UserTasks userTasks;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CampaignReports reports;

    CampaignTasks(
            CampaignRepository repository,
            Institutions institutions,
            SampleChecks sampleChecks,
            UserTasks userTasks,
            AuditLog auditLog,
            Clock clock,
            CampaignReports reports,
            ApplicationEventPublisher events) {
        this.events = events;
        this.reports = reports;
        this.repository = repository;
        this.institutions = institutions;
        this.sampleChecks = sampleChecks;
        this.userTasks = userTasks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public List<TaskForm> forms() {
        String process = Campaigns.PROCESS_KEY;
        return List.of(
                TaskForm.of(process, "selfCheck"),
                TaskForm.of(
                        process,
                        "headSignOff",
                        TaskForm.Field.yesNo("returned"),
                        TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)),
                TaskForm.of(process, "sampleCheck"),
                TaskForm.of(process, "checkerSignOff"),
                TaskForm.of(process, "followUpDeadline"),
                TaskForm.of(
                        process,
                        "cityAcceptance",
                        TaskForm.Field.yesNo("accepted"),
                        TaskForm.Field.text("reason", TaskForm.REASON_LENGTH)));
    }

    @Override
    public void notify(DelegateTask task) {
        long campaignId = UserTasks.subjectId(task);
        Campaign campaign =
                repository.findById(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        DanganUser user = actor(task);
        Institution county = institutions.require(campaign.getCountyId());
        String key = task.getTaskDefinitionKey();
        switch (TaskKind.of(task)) {
            case SELF_CHECK -> {
                Institution institution = institution(task);
                require(user, Role.ARCHIVIST, answersFor(user, institution), key);
                campaign.selfCheckSubmitted(institution.getId(), user.getUsername());
            }
            case HEAD_SIGN_OFF -> {
                Institution institution = institution(task);
                require(user, Role.SUPERVISOR, answersFor(user, institution), key);
                boolean returned = Boolean.TRUE.equals(task.getVariable("returned"));
                if (returned) {
                    campaign.headReturned(institution.getId(), user.getUsername(), (String) task.getVariable("reason"));
                    events.publishEvent(
                            new CampaignSentBack(campaignId, List.of(institution.getCode()), CampaignSentBack.By.HEAD));
                } else {
                    campaign.headSignedOff(institution.getId(), user.getUsername(), clock.instant());
                }
                // the answer lives in the campaign now; left in the process, it would answer the next
                // round's (or another institution's) head who sends none
                task.removeVariable("returned");
                task.removeVariable("reason");
                // what the gateway "Signed off by the head?" reads, in this institution's branch only
                task.getExecution().setVariableLocal(RETURNED_BY_HEAD, returned);
            }
            case SAMPLE_CHECK -> {
                Institution institution = institution(task);
                requireCountyChecker(user, county, key);
                int open = sampleChecks.unjudged(
                        campaignId,
                        institution.getId(),
                        campaign.institution(institution.getId()).getRound());
                if (open > 0) {
                    throw Refused.of("campaign.sampleUnjudged", open);
                }
            }
            case CITY_ACCEPTANCE -> {
                Institution at = institutions.require(user.institutionId());
                require(
                        user,
                        Role.SUPERVISOR,
                        at.contains(county) && !at.getId().equals(county.getId()),
                        key);
                Object accepted = task.getVariable("accepted");
                if (!(accepted instanceof Boolean)) {
                    throw Refused.invalid("campaign.acceptedRequired");
                }
                campaign.cityDecided(
                        user.getUsername(),
                        (Boolean) accepted,
                        (String) task.getVariable("reason"),
                        clock.instant(),
                        sampleChecks.checkers(campaignId));
                if (!(Boolean) accepted) {
                    events.publishEvent(
                            new CampaignSentBack(campaignId, institutionCodes(campaign), CampaignSentBack.By.CITY));
                }
                if (campaign.getState() == CampaignState.SIGN_OFF) {
                    reports.freeze(campaign);
                }
            }
            case CHECKER_SIGN_OFF -> {
                requireCountyChecker(user, county, key);
                campaign.signOffBy(user.getUsername());
            }
            case CAMPAIGN_FOLLOW_UP ->
                require(user, Role.SUPERVISOR, county.getId().equals(user.institutionId()), key);
            default -> throw Refused.of("campaign.unknownTask", TaskKind.of(task));
        }
        auditLog.record(
                AuditAction.CAMPAIGN_STEP,
                "CAMPAIGN",
                Long.toString(campaignId),
                county.getId(),
                key + " by " + user.getUsername());
    }

    private List<String> institutionCodes(Campaign campaign) {
        return campaign.getInstitutionIds().stream()
                .map(institutions::require)
                .map(Institution::getCode)
                .toList();
    }

    /** The one who completes: the logged-in user, or (for system callers) the task's assignee. */
    private DanganUser actor(DelegateTask task) {
        return userTasks.actor(task);
    }

    private Institution institution(DelegateTask task) {
        String code = (String) task.getVariable("institution");
        return institutions.byCode(code).orElseThrow(() -> Refused.notFound("campaign.unknownInstitution", code));
    }

    /**
     * Whether the user is of an institution answering for this one (see the candidate groups): not
     * the county above it, whose checkers judge the self-check and may not make it.
     */
    private boolean answersFor(DanganUser user, Institution institution) {
        return institutions.answeringFor(institution).stream()
                .anyMatch(i -> i.getId().equals(user.institutionId()));
    }

    private static void require(DanganUser user, Role role, boolean rightPlace, String task) {
        if (!user.is(role) || !rightPlace) {
            throw Refused.forbidden("campaign.taskForbidden", role);
        }
    }

    private static void requireCountyChecker(DanganUser user, Institution county, String task) {
        if (!(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))
                || !county.getId().equals(user.institutionId())) {
            throw Refused.forbidden("campaign.checkerOnly", county.getName());
        }
    }
}
