package org.dangan.workflow.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. Entries about a read are written in the reader's transaction,
 * so a read that fails leaves no entry and an entry is never lost for a read that happened.
 */
@Service
public class AuditLog {

    private final AuditEntryRepository repository;
    private final Institutions institutions;
    private final Clock clock;

    AuditLog(AuditEntryRepository repository, Institutions institutions, Clock clock) {
        this.repository = repository;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** Records an action of the current user about a subject; {@code detail} must hold no personal data. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String subjectType, String subjectId, Long institutionId, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        recordAs(auth == null ? "system" : auth.getName(), action, subjectType, subjectId, institutionId, detail);
    }

    /**
     * An action of the current user kept even when the caller's transaction rolls back: a refused
     * request is worth auditing precisely because it was refused.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordApart(
            AuditAction action, String subjectType, String subjectId, Long institutionId, String detail) {
        record(action, subjectType, subjectId, institutionId, detail);
    }

    /**
     * An action of someone who is not a staff user (a resident, by their {@code auditName}), in the
     * caller's transaction like {@link #record}: their authentication carries no staff username.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(
            String username,
            AuditAction action,
            String subjectType,
            String subjectId,
            Long institutionId,
            String detail) {
        repository.save(
                new AuditEntry(clock.instant(), username, action, subjectType, subjectId, institutionId, detail));
    }

    /** For events with no logged-in user yet (a failed login): written in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, AuditAction action, Long institutionId, String detail) {
        repository.save(new AuditEntry(clock.instant(), username, action, "USER", username, institutionId, detail));
    }

    /**
     * An action of someone who is not (or not yet) signed in on this thread, such as a resident asking
     * for a sign-in code (issue 19): written in a transaction of its own under the name given.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordApartAs(
            String username,
            AuditAction action,
            String subjectType,
            String subjectId,
            Long institutionId,
            String detail) {
        repository.save(
                new AuditEntry(clock.instant(), username, action, subjectType, subjectId, institutionId, detail));
    }

    /** Audit entries within the auditor's institution subtree, newest first. */
    @Transactional
    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.AUDITOR) && !user.is(Role.ADMIN)) {
            throw Refused.forbidden("audit.forbidden");
        }
        InstitutionScope scope = institutions.currentScope();
        Set<Long> ids = scope.ids().isEmpty() ? Set.of(-1L) : scope.ids();
        // entries without an institution belong to the top of the tree; but failed logins with a name of
        // no account have none either, and a county's auditor must see guessing against its county:
        // they carry only the name's keyed hash, so any auditor above the primary-care institutions may
        boolean unscoped = scope.root().getParentId() == null || user.is(Role.ADMIN);
        boolean unknownLogins = unscoped || !scope.root().getType().primaryCare();
        Page<AuditEntry> result = repository.search(
                ids,
                unscoped,
                unknownLogins,
                query.subjectType(),
                query.subjectId(),
                query.username(),
                query.action(),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)));
        record(
                AuditAction.AUDIT_READ,
                query.subjectType(),
                query.subjectId(),
                user.institutionId(),
                "page " + page + ", " + result.getNumberOfElements() + " entries");
        return result;
    }

    /** The trail of one subject; the caller has checked that the reader may see the subject. */
    @Transactional(readOnly = true)
    public List<AuditEntry> trailOf(String subjectType, String subjectId, int max) {
        return repository.findBySubjectTypeAndSubjectIdOrderByIdDesc(subjectType, subjectId, PageRequest.of(0, max));
    }

    /**
     * The reads of some subjects by staff users, newest first: entries of the given actions whose
     * user name does not start with {@code othersPrefix} (a resident's own reads). The caller has
     * proved the subjects are the asker's own.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> readsOf(
            Map<String, Collection<String>> subjectsByType,
            Collection<AuditAction> actions,
            String othersPrefix,
            int max) {
        List<AuditEntry> reads = new ArrayList<>();
        subjectsByType.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                reads.addAll(repository.reads(type, ids, actions, othersPrefix + "%", PageRequest.of(0, max)));
            }
        });
        reads.sort(Comparator.comparing(AuditEntry::getId).reversed());
        return reads.size() > max ? List.copyOf(reads.subList(0, max)) : reads;
    }

    public record AuditQuery(String subjectType, String subjectId, String username, AuditAction action) {
        public static AuditQuery all() {
            return new AuditQuery(null, null, null, null);
        }
    }
}
