package org.dangan.workflow.platform;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Every user task of every process, by what a person does in it. The task listeners of the
 * domain switch on it, and the inbox opens one work panel per kind, so a task added to a model
 * and missing here is noticed by both (and by {@code TaskKindTest}, which reads the models). The
 * screens name a task by {@code TaskKind.NAME} in the bundles, never by the model's name.
 */
public enum TaskKind {
    SELF_CHECK("verificationCampaign", "selfCheck"),
    HEAD_SIGN_OFF("verificationCampaign", "headSignOff"),
    SAMPLE_CHECK("verificationCampaign", "sampleCheck"),
    CITY_ACCEPTANCE("verificationCampaign", "cityAcceptance"),
    CHECKER_SIGN_OFF("verificationCampaign", "checkerSignOff"),
    CAMPAIGN_FOLLOW_UP("verificationCampaign", "followUpDeadline"),
    TEXT_REVIEW("documentDigitisation", "reviewText"),
    CHECKOUT_APPROVAL("paperCheckout", "approveCheckout"),
    CHECKOUT_RETURN("paperCheckout", "returnFiles"),
    CHECKOUT_FOLLOW_UP("paperCheckout", "followUp"),
    DISPOSAL_APPRAISAL("paperDisposal", "appraise"),
    DISPOSAL_APPROVAL("paperDisposal", "approve"),
    DISPOSAL_COUNTY_APPROVAL("paperDisposal", "countyApprove"),
    HANDOVER_DELIVERY_CHECK("archiveHandover", "checkDelivery"),
    HANDOVER_DIFFERENCES("archiveHandover", "resolveDifferences"),
    HANDOVER_APPROVAL("archiveHandover", "approveHandover"),
    TRANSFER_ACCEPTANCE("recordTransfer", "acceptTransfer"),
    DEATH_CONFIRMATION("registrationFollowUp", "confirmDeath"),
    MOVED_OUT_CLOSURE("registrationFollowUp", "closeMovedOut"),
    RESIDENT_CORRECTION_CHECK("residentCorrection", "checkCorrection"),
    MILESTONE_OVERDUE("assessmentMilestone", "handleOverdue");

    private final String processKey;
    private final String taskKey;

    TaskKind(String processKey, String taskKey) {
        this.processKey = processKey;
        this.taskKey = taskKey;
    }

    public String processKey() {
        return processKey;
    }

    public String taskKey() {
        return taskKey;
    }

    public static Optional<TaskKind> of(String processKey, String taskKey) {
        return Arrays.stream(values())
                .filter(k -> k.processKey.equals(processKey) && k.taskKey.equals(taskKey))
                .findFirst();
    }

    /** The kind of a task the engine hands a listener; a task of no kind is a model this enum lacks. */
    public static TaskKind of(DelegateTask task) {
        String process = task.getProcessDefinitionId().split(":")[0];
        return of(process, task.getTaskDefinitionKey())
                .orElseThrow(() ->
                        new IllegalStateException("no TaskKind for " + process + "/" + task.getTaskDefinitionKey()));
    }
}
