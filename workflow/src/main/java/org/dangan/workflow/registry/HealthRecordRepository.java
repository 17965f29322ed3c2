package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HealthRecordRepository extends JpaRepository<HealthRecord, Long> {

    // a string query, not one derived from the name: Spring Data creates each derived query under
    // a lock of its own, and at 50 connections on two cores the requests queued on it (issue 21)
    @Query("select r from HealthRecord r where r.recordNumber = :number")
    Optional<HealthRecord> findByRecordNumber(@Param("number") String recordNumber);

    @Query("select r.id from HealthRecord r where r.institutionId = :institution order by r.id")
    List<Long> findIdsByInstitutionId(@Param("institution") long institutionId);

    @Modifying(flushAutomatically = true)
    @Query("update HealthRecord r set r.numberedBy = coalesce(r.numberedBy, r.institutionId),"
            + " r.institutionId = :to where r.institutionId = :from")
    int reassign(@Param("from") long from, @Param("to") long to);
}
