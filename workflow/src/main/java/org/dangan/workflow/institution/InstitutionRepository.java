package org.dangan.workflow.institution;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InstitutionRepository extends JpaRepository<Institution, Long> {

    Optional<Institution> findByCode(String code);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Institution i where i.id = :id")
    Optional<Institution> lockById(Long id);

    @Query("select i from Institution i where i.path like concat(:path, '%') order by i.code")
    List<Institution> findSubtree(String path);
}
