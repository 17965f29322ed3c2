package org.dangan.workflow.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/audit")
    Result search(
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<AuditEntry> entries =
                auditLog.search(new AuditLog.AuditQuery(subjectType, subjectId, username, action), page, size);
        return new Result(
                entries.getTotalElements(),
                entries.getContent().stream()
                        .map(e -> new Item(
                                e.getId(),
                                e.getAt(),
                                e.getUsername(),
                                e.getAction(),
                                e.getSubjectType(),
                                e.getSubjectId(),
                                e.getInstitutionId(),
                                e.getDetail()))
                        .toList());
    }

    record Result(long total, List<Item> items) {}

    record Item(
            Long id,
            Instant at,
            String username,
            AuditAction action,
            String subjectType,
            String subjectId,
            Long institutionId,
            String detail) {}
}
