package org.dangan.workflow.registry;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthRecordRepository extends JpaRepository<HealthRecord, Long> {

    Optional<HealthRecord> findByRecordNumber(String recordNumber);
}
