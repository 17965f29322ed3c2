package org.dangan.workflow.handover;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HandoverRepository extends JpaRepository<Handover, Long> {

    List<Handover> findByFromInstitutionIdAndStateIn(Long fromInstitutionId, List<HandoverState> states);

    @Query("""
            select h from Handover h where (h.fromInstitutionId = :id or h.toInstitutionId = :id) and h.state in :states""")
    List<Handover> findUnderWayFromOrTo(Long id, List<HandoverState> states);
}
