package org.dangan.workflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaperFileRepository extends JpaRepository<PaperFile, Long> {

    List<PaperFile> findByRecordIdOrderByFileNumber(Long recordId);

    Optional<PaperFile> findByFileNumber(String fileNumber);

    long countByBoxId(Long boxId);
}
