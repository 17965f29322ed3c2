package org.dangan.workflow.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only: no update or delete method exists on purpose. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    @Query("""
            select e from AuditEntry e
            where (e.institutionId in :scope or (e.institutionId is null and :includeUnscoped = true)
                   or (e.institutionId is null and :includeUnknownLogins = true
                       and e.action = org.dangan.workflow.audit.AuditAction.LOGIN_FAILED))
              and (:subjectType is null or e.subjectType = :subjectType)
              and (:subjectId is null or e.subjectId = :subjectId)
              and (:username is null or e.username = :username)
              and (:action is null or e.action = :action)
            order by e.id desc""")
    Page<AuditEntry> search(
            Collection<Long> scope,
            boolean includeUnscoped,
            boolean includeUnknownLogins,
            String subjectType,
            String subjectId,
            String username,
            AuditAction action,
            Pageable pageable);

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByIdDesc(
            String subjectType, String subjectId, Pageable pageable);

    @Query("""
            select e from AuditEntry e
            where e.subjectType = :subjectType and e.subjectId in :subjectIds and e.action in :actions
              and e.username not like :othersPattern
            order by e.id desc""")
    List<AuditEntry> reads(
            String subjectType,
            Collection<String> subjectIds,
            Collection<AuditAction> actions,
            String othersPattern,
            Pageable pageable);

    long count();
}
