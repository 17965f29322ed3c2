package org.dangan.workflow.verification.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.verification.Campaign;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.CampaignProgress;
import org.dangan.workflow.verification.Campaigns;
import org.dangan.workflow.verification.CheckerSignOffs;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.SampleChecks;
import org.dangan.workflow.verification.Waiver;
import org.dangan.workflow.verification.WaiverReason;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification campaigns over HTTP. The process's user tasks are Camunda's own
 * ({@code /engine-rest/task}); what the tasks work on (findings, samples, paper files) is here.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final Findings findings;
    private final SampleChecks samples;
    private final PaperChecks paperChecks;
    private final CheckerSignOffs signOffs;

    CampaignController(
            Campaigns campaigns,
            CampaignReports reports,
            Findings findings,
            SampleChecks samples,
            PaperChecks paperChecks,
            CheckerSignOffs signOffs) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.findings = findings;
        this.samples = samples;
        this.paperChecks = paperChecks;
        this.signOffs = signOffs;
    }

    record StartBody(List<String> institutions, LocalDate deadline, BigDecimal sampleRate, Long seed) {}

    record Started(long id, String processInstanceId) {}

    record Summary(long id, String state, LocalDate deadline, boolean overdue, String processInstanceId) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Started> start(@RequestBody StartBody body) {
        Campaign c = campaigns.start(
                new Campaigns.StartRequest(body.institutions(), body.deadline(), body.sampleRate(), body.seed()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(c.getId(), c.getProcessInstanceId()));
    }

    @GetMapping
    List<Summary> list() {
        return campaigns.visibleToCurrentUser().stream()
                .map(c -> new Summary(
                        c.getId(), c.getState().name(), c.getDeadline(), c.isOverdue(), c.getProcessInstanceId()))
                .toList();
    }

    @GetMapping("/{id}")
    CampaignProgress progress(@PathVariable long id) {
        return reports.progress(id);
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return pdf(reports.pdf(id), "campaign-" + id + "-report.pdf");
    }

    @GetMapping("/{id}/findings")
    List<Findings.FindingView> findings(
            @PathVariable long id,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return findings.of(id, status, offset, limit);
    }

    /** {@code reason}: a code of {@link WaiverReason}, or free text as before the list (then the note, under OTHER). */
    record WaiverBody(List<Long> findings, String reason, String note) {}

    /** Waives one or more findings with one reason, all or none. */
    @PostMapping("/{id}/waivers")
    Map<String, Integer> waive(@PathVariable long id, @RequestBody WaiverBody body) {
        findings.waiveAll(id, body.findings(), Waiver.of(body.reason(), body.note()));
        return Map.of("waived", body.findings().size());
    }

    /** Checks a record again after it was corrected; open findings that no longer hold become FIXED. */
    @PostMapping("/{id}/records/{recordNumber}/recheck")
    Map<String, Integer> recheck(@PathVariable long id, @PathVariable String recordNumber) {
        return Map.of("fixed", findings.recheck(id, recordNumber));
    }

    @GetMapping("/{id}/sample")
    List<SampleChecks.SampleItem> sample(@PathVariable long id, @RequestParam long institution) {
        return samples.items(id, institution);
    }

    record Judgement(SampleChecks.Verdict verdict, String reason) {}

    @PutMapping("/{id}/sample/{recordNumber}")
    ResponseEntity<Void> judge(@PathVariable long id, @PathVariable String recordNumber, @RequestBody Judgement body) {
        samples.judge(id, recordNumber, body.verdict(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/paper-files")
    List<PaperChecks.PaperFileCheck> paperFiles(
            @PathVariable long id,
            @RequestParam long institution,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return paperChecks.of(id, institution, offset, limit);
    }

    @PutMapping("/{id}/paper-files/{fileNumber}/check")
    ResponseEntity<Void> checkPaper(
            @PathVariable long id, @PathVariable String fileNumber, @RequestBody PaperChecks.PaperCheck body) {
        paperChecks.record(id, fileNumber, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/boxes")
    List<CheckerSignOffs.BoxSheet> boxes(@PathVariable long id) {
        return signOffs.boxes(id);
    }

    @GetMapping("/{id}/boxes/{boxId}/sign-off-sheet.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable long id, @PathVariable long boxId) {
        return pdf(signOffs.sheet(id, boxId), "campaign-" + id + "-box-" + boxId + "-sign-off.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
