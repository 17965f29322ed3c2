package org.dangan.workflow.handover;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, Long> {

    List<Handover> findByFromInstitutionIdAndStateIn(Long fromInstitutionId, List<HandoverState> states);
}
