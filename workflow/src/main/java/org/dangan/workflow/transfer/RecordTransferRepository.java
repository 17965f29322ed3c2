package org.dangan.workflow.transfer;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecordTransferRepository extends JpaRepository<RecordTransfer, Long> {

    boolean existsByRecordIdAndState(Long recordId, RecordTransfer.State state);

    List<RecordTransfer> findTop200ByFromInstitutionIdInOrToInstitutionIdInOrderByIdDesc(
            Collection<Long> from, Collection<Long> to);
}
