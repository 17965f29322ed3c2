package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaperFileRepository extends JpaRepository<PaperFile, Long> {

    List<PaperFile> findByRecordIdOrderByFileNumber(Long recordId);

    Optional<PaperFile> findByFileNumber(String fileNumber);

    long countByBoxId(Long boxId);

    @Query(
            "select f from PaperFile f where f.recordId in (select r.id from HealthRecord r where r.institutionId = :institution)"
                    + " order by f.fileNumber")
    List<PaperFile> findByInstitutionOfRecord(@Param("institution") long institutionId);
}
