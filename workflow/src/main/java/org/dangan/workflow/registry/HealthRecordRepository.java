package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HealthRecordRepository extends JpaRepository<HealthRecord, Long> {

    Optional<HealthRecord> findByRecordNumber(String recordNumber);

    @Query("select r.id from HealthRecord r where r.institutionId = :institution order by r.id")
    List<Long> findIdsByInstitutionId(@Param("institution") long institutionId);

    @Modifying(flushAutomatically = true)
    @Query("update HealthRecord r set r.numberedBy = coalesce(r.numberedBy, r.institutionId),"
            + " r.institutionId = :to where r.institutionId = :from")
    int reassign(@Param("from") long from, @Param("to") long to);
}
