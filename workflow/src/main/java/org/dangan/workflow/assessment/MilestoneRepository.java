package org.dangan.workflow.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    Optional<Milestone> findByInstitutionIdAndKind(long institutionId, Milestone.Kind kind);

    List<Milestone> findByInstitutionIdInOrderByDueOn(Collection<Long> institutionIds);

    List<Milestone> findByReachedOnIsNull();
}
