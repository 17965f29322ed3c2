package org.dangan.workflow.institution;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dangan.workflow.security.CurrentUser;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The institution tree and each user's view of it. */
@Service
@Transactional(readOnly = true)
public class Institutions {

    private final InstitutionRepository repository;

    Institutions(InstitutionRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Institution register(String code, String name, InstitutionType type, Long parentId) {
        Institution parent = parentId == null ? null : require(parentId);
        if (repository.findByCode(code).isPresent()) {
            throw new IllegalArgumentException("institution code already registered: " + code);
        }
        Institution institution = repository.saveAndFlush(new Institution(code, name, type, parent));
        institution.placeUnder(parent);
        return institution;
    }

    public Institution require(Long id) {
        return repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no institution with id " + id));
    }

    /**
     * Holds the institution's row until the caller's transaction ends, so that steps which must not
     * run twice for one institution at once (starting its handover, a transfer out of it) happen one
     * after the other: the second sees what the first wrote. Needs the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(Long id) {
        repository.lockById(id).orElseThrow(() -> new IllegalArgumentException("no institution with id " + id));
    }

    /**
     * Whether people of this institution keep records and paper (a primary-care institution): the
     * work of the keepers (a self-check, a follow-up, a handover's differences) is theirs, not that of
     * the county or the city above them, who see the same records to judge them.
     */
    public boolean keepsRecords(Long institutionId) {
        return institutionId != null && require(institutionId).getType().primaryCare();
    }

    /**
     * The institutions whose people answer for this one's own work (its self-check, its head's
     * signature): the institution itself and, for a village clinic, the township or community centre
     * it lies under, which runs it and keeps its records. A clinic has often no account of its own,
     * and a campaign for a clinic alone gave its self-check to nobody.
     */
    public List<Institution> answeringFor(Institution institution) {
        if (institution.getType() == InstitutionType.VILLAGE_CLINIC && institution.getParentId() != null) {
            return List.of(institution, require(institution.getParentId()));
        }
        return List.of(institution);
    }

    /** The county health bureau the institution lies under (itself, if it is one). */
    public Institution countyOf(Institution institution) {
        for (Institution i = institution; i != null; i = i.getParentId() == null ? null : require(i.getParentId())) {
            if (i.getType() == InstitutionType.COUNTY_BUREAU) {
                return i;
            }
        }
        throw new IllegalStateException(institution.getCode() + " lies under no county health bureau");
    }

    public Optional<Institution> byCode(String code) {
        return repository.findByCode(code);
    }

    public List<Institution> all() {
        return repository.findAll(Sort.by("code"));
    }

    public InstitutionScope scopeOf(Long institutionId) {
        Institution root = require(institutionId);
        List<Institution> subtree = repository.findSubtree(root.getPath());
        Set<Long> ids = new HashSet<>();
        subtree.forEach(i -> ids.add(i.getId()));
        return new InstitutionScope(root, ids, subtree);
    }

    /** The scope of whoever is logged in; a user whose institution has retired sees nothing. */
    public InstitutionScope currentScope() {
        InstitutionScope scope = scopeOf(CurrentUser.require().institutionId());
        if (scope.root().getStatus() != InstitutionStatus.ACTIVE) {
            return new InstitutionScope(scope.root(), Set.of(), List.of());
        }
        return scope;
    }

    /**
     * The institution that manages a record number: the one in scope with the longest code that
     * prefixes it (village 12, township 9, county 6 digits).
     */
    public Optional<Institution> managerOf(String recordNumber, InstitutionScope scope) {
        return scope.institutions().stream()
                .filter(i -> i.getType().primaryCare() || i.getType() == InstitutionType.COUNTY_BUREAU)
                .filter(i -> recordNumber.startsWith(i.getCode()))
                .max(Comparator.comparingInt(i -> i.getCode().length()));
    }
}
