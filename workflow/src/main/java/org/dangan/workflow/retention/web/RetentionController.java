package org.dangan.workflow.retention.web;

import java.util.List;
import java.util.Map;
import org.dangan.workflow.retention.Retention;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/paper-files/{fileNumber}/retention}; legal holds: {@code POST
 * /api/paper-files/{fileNumber}/holds} ({@code {reason}}), {@code DELETE .../holds/{id}};
 * {@code GET /api/disposal/eligible?institution=} the files that may be disposed of now.
 */
@RestController
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/api/paper-files/{fileNumber}/retention")
    Retention.FileRetention retention(@PathVariable String fileNumber) {
        return retention.of(fileNumber);
    }

    record HoldRequest(String reason) {}

    @PostMapping("/api/paper-files/{fileNumber}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Long>> hold(@PathVariable String fileNumber, @RequestBody HoldRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", retention.placeHold(fileNumber, request.reason())));
    }

    @DeleteMapping("/api/paper-files/{fileNumber}/holds/{id}")
    ResponseEntity<Void> release(@PathVariable String fileNumber, @PathVariable long id) {
        retention.releaseHold(fileNumber, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/disposal/eligible")
    List<Retention.FileRetention> eligible(@RequestParam String institution) {
        return retention.eligible(institution);
    }
}
