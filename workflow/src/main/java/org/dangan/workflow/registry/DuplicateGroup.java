package org.dangan.workflow.registry;

import java.util.List;

/**
 * Records that seem to be one person: the same ID number, or the same name and birth date in one
 * village. {@code key} identifies the group for people; an ID number in it is masked.
 */
public record DuplicateGroup(Reason reason, String key, List<String> recordNumbers) {

    public DuplicateGroup {
        recordNumbers = List.copyOf(recordNumbers);
    }

    public enum Reason {
        SAME_ID_NUMBER, SAME_NAME_BIRTH_VILLAGE
    }
}
