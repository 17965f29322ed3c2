package org.dangan.workflow.registry;

import java.util.List;

/**
 * Published inside the transaction that handed an institution's archive to another: the records
 * now managed by {@code toInstitutionId}, which other modules (documents, search) follow.
 */
public record ArchiveTransferred(long fromInstitutionId, long toInstitutionId, List<Long> recordIds) {
}
