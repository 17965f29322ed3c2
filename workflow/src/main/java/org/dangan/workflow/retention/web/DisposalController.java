package org.dangan.workflow.retention.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.retention.Disposals;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/disposals} ({@code {institution}}) answers {@code {id, processInstanceId, files}};
 * {@code GET /api/disposals} (the latest 100 lists); {@code GET /api/disposals/{id}}; {@code POST /api/disposals/{id}/appraisal} ({@code {keep: {fileNumber:
 * reason}}}), {@code /approval} and {@code /county-approval} ({@code {approved, reason}});
 * {@code GET /api/disposals/{id}/certificate.pdf}.
 */
@RestController
@RequestMapping("/api/disposals")
class DisposalController {

    private final Disposals disposals;

    DisposalController(Disposals disposals) {
        this.disposals = disposals;
    }

    record Proposal(String institution) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Disposals.Started> propose(@RequestBody Proposal proposal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(disposals.propose(proposal.institution()));
    }

    @GetMapping
    List<Disposals.DisposalSummary> list() {
        return disposals.list();
    }

    @GetMapping("/{id}")
    Disposals.DisposalView read(@PathVariable long id) {
        return disposals.read(id);
    }

    record Appraisal(Map<String, String> keep) {}

    @PostMapping("/{id}/appraisal")
    ResponseEntity<Void> appraise(@PathVariable long id, @RequestBody Appraisal appraisal) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("keep", appraisal.keep() == null ? Map.of() : new HashMap<>(appraisal.keep()));
        disposals.complete(id, "appraise", variables);
        return ResponseEntity.noContent().build();
    }

    record Decision(Boolean approved, String reason) {}

    @PostMapping("/{id}/approval")
    ResponseEntity<Void> approve(@PathVariable long id, @RequestBody Decision decision) {
        disposals.complete(id, "approve", decision(decision));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/county-approval")
    ResponseEntity<Void> countyApprove(@PathVariable long id, @RequestBody Decision decision) {
        disposals.complete(id, "countyApprove", decision(decision));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> decision(Decision decision) {
        if (decision.approved() == null) {
            throw Refused.invalid("task.decisionRequired");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", decision.approved());
        variables.put("reason", decision.reason());
        return variables;
    }

    @GetMapping("/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("disposal-" + id + ".pdf")
                                .build()
                                .toString())
                .body(disposals.certificate(id));
    }
}
