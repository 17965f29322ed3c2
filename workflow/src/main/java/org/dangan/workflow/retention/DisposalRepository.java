package org.dangan.workflow.retention;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisposalRepository extends JpaRepository<Disposal, Long> {
}
