package org.dangan.workflow.resident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResidentCorrectionRepository extends JpaRepository<ResidentCorrection, Long> {

    List<ResidentCorrection> findByRecordIdOrderByIdDesc(long recordId);

    Optional<ResidentCorrection> findByIdAndRecordId(long id, long recordId);

    long countByRecordIdAndStateIn(long recordId, Collection<ResidentCorrection.State> states);

    long countByRecordIdAndCreatedAtAfter(long recordId, Instant since);
}
