package org.dangan.workflow.registry;

/**
 * Published inside the transaction that merged a duplicate record into its survivor. What the
 * duplicate held elsewhere (scanned documents) follows the survivor: its record and its
 * institution, which may be another township's when a county archivist merged across townships.
 */
public record RecordsMerged(
        long survivorId, String survivorNumber, long survivorInstitutionId, long duplicateId, String duplicateNumber) {}
