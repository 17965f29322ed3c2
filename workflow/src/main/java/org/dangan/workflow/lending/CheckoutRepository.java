package org.dangan.workflow.lending;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CheckoutRepository extends JpaRepository<Checkout, Long> {

    List<Checkout> findTop200ByInstitutionIdInOrderByIdDesc(Collection<Long> institutionIds);
}
