package org.dangan.workflow.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.UnreadableDocumentException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Service task "Recognise the pages": runs the OCR pipeline over the original, stores the pages
 * and the searchable PDF, and says whether a person must review the text. Runs as a job: its
 * results commit with the job, a crash leaves the job to run again from the original. A document
 * that cannot be read at all (corrupt, encrypted, empty, unsupported, too large) fails at once
 * with its reason, without retries; anything else is retried with growing waits, then becomes an
 * incident.
 */
@Component("recognition")
class Recognition implements JavaDelegate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Recognition.class);

    private final ScannedDocumentRepository documents;
    private final FileStore files;
    private final OcrPipeline pipeline;
    private final NamedParameterJdbcTemplate jdbc;
    private final float reviewBelow;
    private final Map<Long, int[]> progress = new ConcurrentHashMap<>();

    Recognition(ScannedDocumentRepository documents, FileStore files, OcrPipeline pipeline,
                NamedParameterJdbcTemplate jdbc, @Value("${dangan.ocr.review-below:70}") float reviewBelow) {
        this.documents = documents;
        this.files = files;
        this.pipeline = pipeline;
        this.jdbc = jdbc;
        this.reviewBelow = reviewBelow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("documentId")).longValue();
        ScannedDocument document = documents.findById(id).orElseThrow();
        document.recognitionStarted();
        OcrPipeline.Result result;
        try {
            result = pipeline.process(files.path(document.getOriginalSha256()), document.getLanguages(),
                    (done, total) -> {
                        progress.put(id, new int[] {done, total});
                        log.info("document {}: {} of {} pages recognised", id, done, total);
                    });
        } catch (UnreadableDocumentException e) {
            document.failed(e.getMessage());
            documents.saveAndFlush(document);
            throw new BpmnError("UNREADABLE", e.getMessage());
        } finally {
            progress.remove(id);
        }
        jdbc.update("delete from document_page where document_id = :id", new MapSqlParameterSource("id", id));
        List<SqlParameterSource> rows = new ArrayList<>();
        boolean review = false;
        for (OcrPipeline.Page p : result.pages()) {
            boolean low = !p.text().fromTextLayer() && !p.quality().blank() && p.text().meanConfidence() < reviewBelow;
            review |= low;
            rows.add(new MapSqlParameterSource("id", id).addValue("page", p.number())
                    .addValue("confidence", BigDecimal.valueOf(p.text().meanConfidence()).setScale(2, RoundingMode.HALF_UP))
                    .addValue("rotation", p.text().rotation()).addValue("dpi", p.dpi())
                    .addValue("issues", p.quality().issues().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .addValue("layer", p.text().fromTextLayer()).addValue("millis", p.text().millis())
                    .addValue("text", p.text().text())
                    .addValue("lines", PageBoxes.json(p.text().lines()))
                    .addValue("words", PageBoxes.json(p.text().words())));
        }
        jdbc.batchUpdate("""
                insert into document_page (document_id, page_number, confidence, rotation, dpi, issues, from_text_layer,
                millis, page_text, line_boxes, word_boxes) values (:id, :page, :confidence, :rotation, :dpi, :issues,
                :layer, :millis, :text, :lines, :words)""",
                rows.toArray(SqlParameterSource[]::new));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pipeline.writePdf(result, document.title(), pdf);
        // the PDF goes into the store before the commit: a crash in between leaves an unreferenced
        // file (found by the fixity audit), never a document pointing at a missing file
        String pdfHash = files.put(new ByteArrayInputStream(pdf.toByteArray()));
        document.recognised(result.pages().size(),
                BigDecimal.valueOf(result.meanConfidence()).setScale(2, RoundingMode.HALF_UP), pdfHash, review);
        documents.save(document);
    }

    /** Pages done and pages in all of a document being recognised now, if it is. */
    int[] progressOf(long documentId) {
        return progress.get(documentId);
    }
}
