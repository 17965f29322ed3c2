package org.dangan.workflow.resident.web;

import java.util.List;
import org.dangan.workflow.resident.ResidentRecordService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reports scanned for the signed-in resident: archived, never restricted. */
@RestController
@RequestMapping("/api/resident/documents")
class ResidentDocumentsController {

    private final ResidentRecordService records;

    ResidentDocumentsController(ResidentRecordService records) {
        this.records = records;
    }

    record Documents(List<ResidentRecordService.Document> items) {}

    @GetMapping
    Documents list() {
        return new Documents(records.documents());
    }

    /** Downloaded, not shown inline: the file name is ours (a number), never the record's or the resident's. */
    @GetMapping("/{id}/pdf")
    ResponseEntity<InputStreamResource> pdf(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("report-" + id + ".pdf")
                                .build()
                                .toString())
                .body(new InputStreamResource(records.pdf(id)));
    }
}
