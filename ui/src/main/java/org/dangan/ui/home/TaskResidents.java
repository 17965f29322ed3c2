package org.dangan.ui.home;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.dangan.workflow.platform.Inbox;
import org.dangan.workflow.registry.Records;
import org.springframework.stereotype.Component;

/**
 * The names of the residents a list of tasks is about, by record number, from the registry's
 * scoped and audited read: a task carries the record number only, so a task of a record the user
 * may not read shows no name. Asked only when a task names a record, so an inbox of campaign steps
 * reads no personal data.
 */
@Component
public class TaskResidents {

    private final Records records;

    TaskResidents(Records records) {
        this.records = records;
    }

    /** Record number to name; a map that answers null for a task about no one (a null key). */
    public Map<String, String> namesOf(Collection<Inbox.Item> tasks) {
        var numbers = tasks.stream()
                .map(t -> t.subject().recordNumber())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return numbers.isEmpty() ? new HashMap<>() : new HashMap<>(records.namesOf(numbers));
    }
}
