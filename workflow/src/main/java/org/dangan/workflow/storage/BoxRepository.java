package org.dangan.workflow.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoxRepository extends JpaRepository<Box, Long> {

    Optional<Box> findByBarcode(String barcode);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update Box b set b.institutionId = :to where b.institutionId = :from")
    int reassign(@org.springframework.data.repository.query.Param("from") long from, @org.springframework.data.repository.query.Param("to") long to);

    @org.springframework.data.jpa.repository.Query("select coalesce(max(b.position), 0) from Box b where b.locationId = :location")
    int lastPosition(@org.springframework.data.repository.query.Param("location") long locationId);

    java.util.List<Box> findByInstitutionIdOrderByBarcode(Long institutionId);

    Optional<Box> findTopByOrderByBarcodeDesc();

    List<Box> findByInstitutionIdInOrderByBarcode(Collection<Long> institutionIds);

    List<Box> findByInstitutionIdInOrderById(Collection<Long> institutionIds);

    List<Box> findByLocationIdOrderByPosition(Long locationId);
}
