package org.dangan.workflow.lending;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CheckoutRepository extends JpaRepository<Checkout, Long> {

    List<Checkout> findTop200ByInstitutionIdInOrderByIdDesc(Collection<Long> institutionIds);

    @Query("""
            select distinct c from Checkout c join c.fileNumbers f
            where c.institutionId in :institutionIds and f in :fileNumbers order by c.id desc""")
    List<Checkout> findWithFiles(Collection<Long> institutionIds, Collection<String> fileNumbers);
}
