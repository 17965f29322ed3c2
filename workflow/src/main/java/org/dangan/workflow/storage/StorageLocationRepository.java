package org.dangan.workflow.storage;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StorageLocationRepository extends JpaRepository<StorageLocation, Long> {

    List<StorageLocation> findByInstitutionIdInOrderByName(Collection<Long> institutionIds);

    @Modifying(flushAutomatically = true)
    @Query("update StorageLocation l set l.institutionId = :to where l.institutionId = :from")
    int reassign(@Param("from") long from, @Param("to") long to);
}
