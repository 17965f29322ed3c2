package org.dangan.workflow.registry;

import java.util.List;

/**
 * Published inside the transaction that moved records to another institution (a handover of a
 * whole archive, or one resident's transfer): the records now managed by {@code toInstitutionId},
 * which other modules (documents, search) follow.
 */
public record RecordsTransferred(long fromInstitutionId, long toInstitutionId, List<Long> recordIds) {}
