package org.dangan.workflow.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.dangan.workflow.registry.importing.ImportFailedException;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.ImportTemplate;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.web.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final RecordImporter importer;

    ImportController(RecordImporter importer) {
        this.importer = importer;
    }

    // the body is built as a map: the reference names its shape
    @ApiResponse(
            responseCode = "200",
            description = "read; written unless refused by mode REJECT_FILE",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(
            responseCode = "422",
            description = "REJECT_FILE and rows refused: nothing written",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @PostMapping(path = "/records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importRecords(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "REJECT_FILE") ImportMode mode,
            Locale locale)
            throws IOException {
        Path copy = Files.createTempFile("dangan-import-", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            ImportResult result =
                    importer.importFile(copy, file.getOriginalFilename(), encoding, mode, locale, ImportProgress.NONE);
            HttpStatus status = result.rejectedRows() > 0 && !result.written() && mode == ImportMode.REJECT_FILE
                    ? HttpStatus.UNPROCESSABLE_ENTITY
                    : HttpStatus.OK;
            return ResponseEntity.status(status)
                    .body(Map.of(
                            "accepted",
                            result.accepted(),
                            "rejected",
                            result.rejected(),
                            "rejectedRows",
                            result.rejectedRows(),
                            "rows",
                            result.rows(),
                            "encoding",
                            result.encoding(),
                            "mode",
                            result.mode(),
                            "written",
                            result.written(),
                            "sha256",
                            result.sha256()));
        } catch (ImportFailedException e) {
            // "key" as every refusal of the API has it; "code" kept for callers written against it
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(
                            400, "Bad Request", importer.message(e, locale), Map.of("key", e.key(), "code", e.key())));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @GetMapping("/records/template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"records-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ImportTemplate.csv());
    }

    /** The template as a workbook whose number columns are text, so Excel keeps 17- and 18-digit numbers whole. */
    @GetMapping("/records/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"records-template.xlsx\"")
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(ImportTemplate.xlsx());
    }
}
