package org.dangan.workflow.retention;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisposalRepository extends JpaRepository<Disposal, Long> {

    List<Disposal> findTop100ByInstitutionIdInOrderByIdDesc(Collection<Long> institutionIds);
}
