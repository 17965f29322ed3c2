package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthRecordRepository extends JpaRepository<HealthRecord, Long> {

    Optional<HealthRecord> findByRecordNumber(String recordNumber);

    @org.springframework.data.jpa.repository.Query("select r.id from HealthRecord r where r.institutionId = :institution order by r.id")
    List<Long> findIdsByInstitutionId(@org.springframework.data.repository.query.Param("institution") long institutionId);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update HealthRecord r set r.numberedBy = coalesce(r.numberedBy, r.institutionId),"
            + " r.institutionId = :to where r.institutionId = :from")
    int reassign(@org.springframework.data.repository.query.Param("from") long from, @org.springframework.data.repository.query.Param("to") long to);
}
