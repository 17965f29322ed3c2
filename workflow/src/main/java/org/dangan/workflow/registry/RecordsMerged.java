package org.dangan.workflow.registry;

/** Published inside the transaction that merged a duplicate record into its survivor, which now holds its documents. */
public record RecordsMerged(long survivorId, long duplicateId) {
}
