package org.dangan.workflow.handover.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.handover.ArchiveBag;
import org.dangan.workflow.handover.ChangeKind;
import org.dangan.workflow.handover.Handovers;
import org.dangan.workflow.handover.IncomingBags;
import org.dangan.workflow.platform.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/handovers} ({@code {from, to, reason, kind?}}) answers {@code {id, processInstanceId}};
 * {@code GET /api/handovers} and {@code /api/handovers/{id}} (state, counts, differences);
 * {@code POST /api/handovers/{id}/check} ({@code {barcodes, damaged: {barcode: what}}}, the receiving side),
 * {@code /resolution} ({@code {resolution: RECHECK|RETURN, note}}, the giving side),
 * {@code /decision} ({@code {approved, reason}}, a supervisor); {@code GET /api/handovers/{id}/list.pdf}
 * and {@code /bag.zip?purpose=} (FULL_ID_NUMBER and RESTRICTED_DOCUMENTS over the giving institution, or
 * ADMIN); {@code POST /api/bags} (a zipped bag, an archivist or ADMIN) verifies and keeps a bag.
 */
@RestController
class HandoverController {

    private final Handovers handovers;
    private final ArchiveBag bags;
    private final IncomingBags incoming;

    HandoverController(Handovers handovers, ArchiveBag bags, IncomingBags incoming) {
        this.handovers = handovers;
        this.bags = bags;
        this.incoming = incoming;
    }

    record Start(String from, String to, String reason, ChangeKind kind) {}

    @PostMapping("/api/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Handovers.Started> start(@RequestBody Start start) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(handovers.start(new Handovers.Request(start.from(), start.to(), start.reason(), start.kind())));
    }

    @GetMapping("/api/handovers")
    List<Handovers.HandoverView> list() {
        return handovers.list();
    }

    @GetMapping("/api/handovers/{id}")
    Handovers.HandoverView read(@PathVariable long id) {
        return handovers.read(id);
    }

    record Check(List<String> barcodes, Map<String, String> damaged) {}

    @PostMapping("/api/handovers/{id}/check")
    ResponseEntity<Handovers.HandoverView> check(@PathVariable long id, @RequestBody Check check) {
        handovers.check(id, check.barcodes(), check.damaged());
        return ResponseEntity.ok(handovers.read(id));
    }

    record Resolution(String resolution, String note) {}

    @PostMapping("/api/handovers/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable long id, @RequestBody Resolution resolution) {
        handovers.resolve(id, resolution.resolution(), resolution.note());
        return ResponseEntity.noContent().build();
    }

    record Decision(Boolean approved, String reason) {}

    @PostMapping("/api/handovers/{id}/decision")
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody Decision decision) {
        if (decision.approved() == null) {
            throw Refused.invalid("task.decisionRequired");
        }
        handovers.decide(id, decision.approved(), decision.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/handovers/{id}/list.pdf")
    ResponseEntity<byte[]> handoverList(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("handover-" + id + ".pdf")
                                .build()
                                .toString())
                .body(handovers.handoverList(id));
    }

    @GetMapping("/api/handovers/{id}/bag.zip")
    void bag(@PathVariable long id, @RequestParam(required = false) String purpose, HttpServletResponse response)
            throws IOException {
        bags.check(id, purpose); // a refusal answers as JSON, before the response becomes a zip
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(ArchiveBag.folder(id) + ".zip")
                        .build()
                        .toString());
        bags.write(id, purpose, response.getOutputStream());
    }

    @PostMapping(
            value = "/api/bags",
            consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IncomingBags.Received> receive(
            InputStream body, @RequestParam(defaultValue = "false") boolean load) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incoming.receive(body, load));
    }
}
