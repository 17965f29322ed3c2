package org.dangan.workflow.storage.web;

import java.util.List;
import org.dangan.pdf.Labels;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.storage.Labelling;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Printables for custody: {@code GET /api/boxes/labels.pdf?barcode=..}, {@code GET
 * /api/paper-files/labels.pdf?fileNumber=..} (both with {@code layout} = A4_24, A4_14, A4_8) and
 * {@code GET /api/boxes/{barcode}/contents.pdf}.
 */
@RestController
class LabelController {

    private final Labelling labelling;

    LabelController(Labelling labelling) {
        this.labelling = labelling;
    }

    @GetMapping("/api/boxes/labels.pdf")
    ResponseEntity<byte[]> boxLabels(
            @RequestParam List<String> barcode, @RequestParam(defaultValue = "A4_24") String layout) {
        return pdf("box-labels.pdf", labelling.boxLabels(barcode, layout(layout)));
    }

    @GetMapping("/api/paper-files/labels.pdf")
    ResponseEntity<byte[]> fileLabels(
            @RequestParam List<String> fileNumber, @RequestParam(defaultValue = "A4_24") String layout) {
        return pdf("file-labels.pdf", labelling.fileLabels(fileNumber, layout(layout)));
    }

    @GetMapping("/api/boxes/{barcode}/contents.pdf")
    ResponseEntity<byte[]> contents(@PathVariable String barcode) {
        return pdf("box-" + barcode + ".pdf", labelling.boxContents(barcode));
    }

    private static Labels.Layout layout(String name) {
        try {
            return Labels.Layout.valueOf(name.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("labels.layoutUnknown");
        }
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(pdf);
    }
}
