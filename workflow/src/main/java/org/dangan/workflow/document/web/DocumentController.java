package org.dangan.workflow.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.document.PageBoxes;
import org.dangan.workflow.registry.DocumentType;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;

/** Scanned documents over HTTP; {@code purpose} is required to read a restricted one. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Long>> submit(
            @RequestParam MultipartFile file, @RequestParam String recordNumber, @RequestParam String documentType)
            throws IOException {
        DocumentType type = DocumentType.parse(documentType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "documentType: " + documentType + " is not one of " + Arrays.toString(DocumentType.values())));
        try (InputStream in = file.getInputStream()) {
            long id = documents.submit(in, file.getOriginalFilename(), recordNumber, type);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        }
    }

    /** Separator sheets to print and lay in front of each document of a stack before scanning it. */
    @GetMapping("/separator-sheets.pdf")
    ResponseEntity<byte[]> separatorSheets(
            @RequestParam List<String> recordNumber,
            @RequestParam(defaultValue = "AUX_EXAM_REPORT") String documentType) {
        DocumentType type = DocumentType.parse(documentType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "documentType: " + documentType + " is not one of " + Arrays.toString(DocumentType.values())));
        byte[] pdf = documents.separatorSheets(recordNumber, type);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("separator-sheets.pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping("/{id}")
    Documents.DocumentView read(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return documents.read(id, purpose);
    }

    @GetMapping(value = "/{id}/text", produces = "text/plain;charset=UTF-8")
    String text(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return documents.text(id, purpose);
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<InputStreamResource> pdf(@PathVariable long id, @RequestParam(required = false) String purpose) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("document-" + id + ".pdf")
                                .build()
                                .toString())
                .body(new InputStreamResource(documents.pdf(id, purpose)));
    }

    @GetMapping("/{id}/pages/{page}/boxes")
    PageBoxes boxes(@PathVariable long id, @PathVariable int page, @RequestParam(required = false) String purpose) {
        return documents.pageBoxes(id, page, purpose);
    }

    record PageCorrection(String text) {}

    @PutMapping("/{id}/pages/{page}/text")
    ResponseEntity<Void> correct(@PathVariable long id, @PathVariable int page, @RequestBody PageCorrection body) {
        documents.correctPage(id, page, body.text());
        return ResponseEntity.noContent().build();
    }
}
