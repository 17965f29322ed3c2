/**
 * The register of resident health records (居民健康档案) and their paper files: reading records
 * within the reader's scope, audited; the import of county exports ({@code importing});
 * corrections, duplicate candidates and merges; status changes from the civil registration and
 * their follow-up tasks; records taken in from a handover bag; the retirement of signed-off paper;
 * and whether the register and the custody ledger tell the same story of every paper file. Other
 * modules read records in batches through {@link org.dangan.workflow.registry.RecordBatches}.
 * Storage places, boxes, stocktakes and labels are the {@code storage} module's.
 */
package org.dangan.workflow.registry;
