package org.dangan.workflow.registry;

import java.util.List;

/** Published inside the transaction that corrected a record: which record, and the names of the fields changed. */
public record RecordCorrected(long recordId, List<String> fields) {}
