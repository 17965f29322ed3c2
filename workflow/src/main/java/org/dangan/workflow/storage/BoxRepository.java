package org.dangan.workflow.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BoxRepository extends JpaRepository<Box, Long> {

    Optional<Box> findByBarcode(String barcode);

    @Modifying(flushAutomatically = true)
    @Query("update Box b set b.institutionId = :to where b.institutionId = :from")
    int reassign(@Param("from") long from, @Param("to") long to);

    @Query("select coalesce(max(b.position), 0) from Box b where b.locationId = :location")
    int lastPosition(@Param("location") long locationId);

    List<Box> findByInstitutionIdOrderByBarcode(Long institutionId);

    Optional<Box> findTopByOrderByBarcodeDesc();

    List<Box> findByInstitutionIdInOrderByBarcode(Collection<Long> institutionIds);

    List<Box> findByInstitutionIdInOrderById(Collection<Long> institutionIds);

    List<Box> findByLocationIdOrderByPosition(Long locationId);
}
