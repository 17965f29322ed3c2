package org.dangan.workflow.institution;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The institutions a user may see: their own and everything below it. Queries take
 * {@link #ids()} into their WHERE clause so scoping never depends on the screen.
 */
public record InstitutionScope(Institution root, Set<Long> ids, List<Institution> institutions) {

    public InstitutionScope {
        ids = Collections.unmodifiableSet(ids);
        institutions = List.copyOf(institutions);
    }

    public boolean includes(Long institutionId) {
        return institutionId != null && ids.contains(institutionId);
    }

    /** Narrows to the subtree of {@code institutionId}, or to nothing when it lies outside. */
    public Set<Long> narrowTo(Institution within) {
        if (within == null) {
            return ids;
        }
        if (!includes(within.getId())) {
            return Set.of();
        }
        HashSet<Long> narrowed = new HashSet<>();
        for (Institution i : institutions) {
            if (within.contains(i)) {
                narrowed.add(i.getId());
            }
        }
        return narrowed;
    }
}
