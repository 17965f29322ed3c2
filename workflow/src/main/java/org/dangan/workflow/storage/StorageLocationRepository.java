package org.dangan.workflow.storage;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StorageLocationRepository extends JpaRepository<StorageLocation, Long> {

    List<StorageLocation> findByInstitutionIdInOrderByName(Collection<Long> institutionIds);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update StorageLocation l set l.institutionId = :to where l.institutionId = :from")
    int reassign(@org.springframework.data.repository.query.Param("from") long from, @org.springframework.data.repository.query.Param("to") long to);
}
