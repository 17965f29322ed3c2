package org.dangan.workflow.resident;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResidentCorrectionRepository extends JpaRepository<ResidentCorrection, Long> {

    List<ResidentCorrection> findByRecordIdOrderByIdDesc(long recordId);

    Optional<ResidentCorrection> findByIdAndRecordId(long id, long recordId);
}
