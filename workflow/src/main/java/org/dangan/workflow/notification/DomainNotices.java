package org.dangan.workflow.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dangan.workflow.handover.HandoverDecided;
import org.dangan.workflow.lending.CheckoutDecided;
import org.dangan.workflow.lending.CheckoutOverdue;
import org.dangan.workflow.platform.CamundaIdentityMirror;
import org.dangan.workflow.retention.DisposalDecided;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.verification.CampaignOverdue;
import org.dangan.workflow.verification.CampaignSentBack;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Returns, approvals and overdue items as the modules publish them, turned into notices for the
 * people who wait on them: the requester of a check-out, the initiator of a handover, the
 * proposer of a disposal list, the archivists of an institution sent back to its self-check (told
 * who sent it back: the head, the sample or the city; the head's reason is free text and may name
 * residents, so it stays on the task). They run in the transaction of the step, so a step rolled
 * back tells no one.
 */
@Component
class DomainNotices {

    private final Notifications notifications;

    DomainNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CheckoutDecided decided) {
        decision("checkout", decided.approved(), decided.checkoutId(), "checkouts", decided.requestedBy());
    }

    @EventListener
    void on(CheckoutOverdue overdue) {
        notifications.raise(new Notice(
                NotificationKind.OVERDUE,
                "notification.checkout.overdue",
                List.of(Long.toString(overdue.checkoutId())),
                "checkouts",
                Set.of(overdue.requestedBy()),
                Set.of()));
    }

    @EventListener
    void on(CampaignSentBack sentBack) {
        notifications.raise(new Notice(
                NotificationKind.RETURN,
                switch (sentBack.by()) {
                    case HEAD -> "notification.campaign.returnedByHead";
                    case SAMPLE -> "notification.campaign.sentBack";
                    case CITY -> "notification.campaign.returnedByCity";
                },
                List.of(Long.toString(sentBack.campaignId())),
                "tasks",
                Set.of(),
                archivists(sentBack.institutionCodes())));
    }

    @EventListener
    void on(CampaignOverdue overdue) {
        notifications.raise(new Notice(
                NotificationKind.OVERDUE,
                "notification.campaign.overdue",
                List.of(Long.toString(overdue.campaignId())),
                "campaigns",
                Set.of(overdue.createdBy()),
                archivists(overdue.openInstitutionCodes())));
    }

    @EventListener
    void on(HandoverDecided decided) {
        decision("handover", decided.approved(), decided.handoverId(), "handovers", decided.initiatedBy());
    }

    @EventListener
    void on(DisposalDecided decided) {
        decision("disposal", decided.approved(), decided.disposalId(), "disposals", decided.proposedBy());
    }

    /** An approval, or a return (a refusal, a rejection), told to the one who asked. */
    private void decision(String what, boolean approved, long id, String route, String asker) {
        notifications.raise(new Notice(
                approved ? NotificationKind.APPROVAL : NotificationKind.RETURN,
                "notification." + what + (approved ? ".approved" : ".returned"),
                List.of(Long.toString(id)),
                route,
                Set.of(asker),
                Set.of()));
    }

    private static Set<String> archivists(List<String> institutionCodes) {
        Set<String> groups = new LinkedHashSet<>();
        institutionCodes.forEach(code -> groups.add(CamundaIdentityMirror.groupOf(Role.ARCHIVIST, code)));
        return groups;
    }
}
