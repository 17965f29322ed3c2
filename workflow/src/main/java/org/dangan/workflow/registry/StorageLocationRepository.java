package org.dangan.workflow.registry;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StorageLocationRepository extends JpaRepository<StorageLocation, Long> {

    List<StorageLocation> findByInstitutionIdInOrderByName(Collection<Long> institutionIds);
}
