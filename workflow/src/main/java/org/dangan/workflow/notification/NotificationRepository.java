package org.dangan.workflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientOrderByIdDesc(String recipient, Pageable page);

    long countByRecipientAndReadAtIsNull(String recipient);

    Optional<Notification> findByIdAndRecipient(long id, String recipient);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.recipient = :recipient and n.readAt is null")
    int readAll(@Param("recipient") String recipient, @Param("at") Instant at);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.taskId = :task and n.readAt is null")
    int readForTask(@Param("task") String taskId, @Param("at") Instant at);
}
