package org.dangan.workflow.registry;

import java.util.List;

/**
 * Records that seem to be one person: the same ID number, or the same name and birth date in one
 * village. {@code key} identifies the group for people; an ID number in it is masked. The record
 * ids stand beside the numbers, in the same order, so callers need not look them up again.
 */
public record DuplicateGroup(Reason reason, String key, List<String> recordNumbers, List<Long> recordIds) {

    public DuplicateGroup {
        if (recordNumbers.size() != recordIds.size()) {
            throw new IllegalArgumentException(
                    recordNumbers.size() + " record numbers but " + recordIds.size() + " ids");
        }
        recordNumbers = List.copyOf(recordNumbers);
        recordIds = List.copyOf(recordIds);
    }

    public enum Reason {
        SAME_ID_NUMBER,
        SAME_NAME_BIRTH_VILLAGE
    }
}
