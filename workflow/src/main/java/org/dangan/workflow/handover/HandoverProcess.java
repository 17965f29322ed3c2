package org.dangan.workflow.handover;

import java.time.Clock;
import java.util.List;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the handover model's service tasks call ({@code ${handoverProcess...}}): the inventory, and
 * the switch of custody, all of it in the approving transaction or none.
 */
@Component("handoverProcess")
@Transactional
public class HandoverProcess {

    private static final Logger log = LoggerFactory.getLogger(HandoverProcess.class);

    private final HandoverRepository handovers;
    private final Inventories inventories;
    private final RegistryAdministration registry;
    private final Institutions institutions;
    private final UserAccounts users;
    private final AuditLog auditLog;
    private final Clock clock;

    HandoverProcess(
            HandoverRepository handovers,
            Inventories inventories,
            RegistryAdministration registry,
            Institutions institutions,
            UserAccounts users,
            AuditLog auditLog,
            Clock clock) {
        this.handovers = handovers;
        this.inventories = inventories;
        this.registry = registry;
        this.institutions = institutions;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public void inventory(long handoverId) {
        Handover handover = handovers.findById(handoverId).orElseThrow();
        Inventory inventory = inventories.take(handover.getFromInstitutionId());
        handover.inventoried(inventory);
        log.info(
                "handover {}: inventory of {} records, {} paper files in {} boxes, {} documents",
                handoverId,
                inventory.records(),
                inventory.paperFiles(),
                inventory.boxes().size(),
                inventory.documents());
    }

    /**
     * Switches custody: the ledger, the records, the locations and boxes, the documents; the old
     * institution retires and its users lose access. Refused when the archive is no longer what
     * was inventoried and checked.
     */
    public void transfer(long handoverId) {
        Handover handover = handovers.findById(handoverId).orElseThrow();
        long from = handover.getFromInstitutionId();
        String now = inventories.take(from).sha256();
        if (!now.equals(handover.getInventorySha256())) {
            throw Refused.of(
                    "handover.changedSinceInventory",
                    handoverId,
                    institutions.require(from).getName());
        }
        RegistryAdministration.Transferred moved = registry.transferArchive(
                from, handover.getToInstitutionId(), "handover " + handoverId + " (" + handover.getKind() + ")");
        institutions
                .require(from)
                .retire(handover.getKind().after(), institutions.require(handover.getToInstitutionId()));
        List<String> disabled = users.disableAllOf(from);
        handover.transferred(clock.instant());
        auditLog.record(
                AuditAction.HANDOVER,
                "HANDOVER",
                Long.toString(handoverId),
                from,
                "transferred: " + moved.records() + " records, " + moved.paperFiles() + " paper files, " + moved.boxes()
                        + " boxes, " + moved.locations() + " storage locations; " + disabled.size()
                        + " accounts disabled");
        log.info("handover {}: custody switched ({} records, {} boxes)", handoverId, moved.records(), moved.boxes());
    }

    public void returned(long handoverId) {
        log.info("handover {} returned: nothing changed hands", handoverId);
    }
}
