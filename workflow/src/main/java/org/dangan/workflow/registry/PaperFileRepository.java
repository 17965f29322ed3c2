package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaperFileRepository extends JpaRepository<PaperFile, Long> {

    // string queries, not derived from the names: Spring Data creates each derived query under a
    // lock of its own, and at 50 connections on two cores the requests queued on it (issue 21)
    @Query("select f from PaperFile f where f.recordId = :record order by f.fileNumber")
    List<PaperFile> findByRecordIdOrderByFileNumber(@Param("record") Long recordId);

    @Query("select f from PaperFile f where f.fileNumber = :number")
    Optional<PaperFile> findByFileNumber(@Param("number") String fileNumber);

    long countByBoxId(Long boxId);

    /** The file's place in its box, counted as the box's contents sheet lists them: by file number. */
    @Query("select count(f) from PaperFile f where f.boxId = :box and f.fileNumber <= :number")
    long placeInBox(@Param("box") Long boxId, @Param("number") String fileNumber);

    @Query(
            "select f from PaperFile f where f.recordId in (select r.id from HealthRecord r where r.institutionId = :institution)"
                    + " order by f.fileNumber")
    List<PaperFile> findByInstitutionOfRecord(@Param("institution") long institutionId);
}
