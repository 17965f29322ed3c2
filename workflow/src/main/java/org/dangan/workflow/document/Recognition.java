package org.dangan.workflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangan.ocr.Engine;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.UnreadableDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service task "Recognise the pages": runs the OCR pipeline over the original, stores the pages
 * and the searchable PDF, and says whether a person must review the text. Runs as a job: its
 * results commit with the job, a crash leaves the job to run again from the original. A document
 * that cannot be read at all (corrupt, encrypted, empty, unsupported, too large) fails at once
 * with its reason, without retries, and its original leaves the store once that has committed
 * (nothing will read it again; the row keeps its name, size and hash); anything else is retried
 * with growing waits, then becomes an incident. On a node without an engine the job waits
 * ({@link RecognitionWaits}) and the document stays queued.
 */
@Component("recognition")
class Recognition implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(Recognition.class);

    private final ScannedDocumentRepository documents;
    private final FileStore files;
    private final OcrPipeline pipeline;
    private final DocumentPages pages;
    private final ReviewThreshold reviewBelow;
    private final OcrConfiguration.OcrEngines engines;
    private final Map<Long, int[]> progress = new ConcurrentHashMap<>();
    private final UnreferencedFiles unreferenced;
    private final OcrAvailability availability;
    private final TransactionTemplate ownTransaction;

    Recognition(
            ScannedDocumentRepository documents,
            FileStore files,
            OcrPipeline pipeline,
            DocumentPages pages,
            ReviewThreshold reviewBelow,
            OcrConfiguration.OcrEngines engines,
            UnreferencedFiles unreferenced,
            OcrAvailability availability,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.engines = engines;
        this.unreferenced = unreferenced;
        this.availability = availability;
        this.documents = documents;
        this.files = files;
        this.pipeline = pipeline;
        this.pages = pages;
        this.reviewBelow = reviewBelow;
    }

    /** The band of a confidence read by {@code engine}, for screens to say what it means. */
    ConfidenceBand bandOf(Engine engine, BigDecimal confidence) {
        return reviewBelow.band(engine, confidence);
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("documentId")).longValue();
        // "being read" is committed at once, in a transaction of its own: the job's commits only when
        // all pages are read, and until then lists and the home page would say "queued"; the job's
        // own persistence context reads the document only afterwards, at its new version
        Engine engine = ownTransaction.execute(status -> {
            ScannedDocument running = documents.findById(id).orElseThrow();
            Optional<Engine> usable = availability.usable(engines.of(running.getDocumentType()));
            if (usable.isPresent()) {
                running.recognitionStarted();
                documents.saveAndFlush(running);
            }
            return usable.orElse(null);
        });
        if (engine == null) {
            throw new RecognitionWaits.NoEngine(availability.reasons());
        }
        ScannedDocument document = documents.findById(id).orElseThrow();
        document.recognitionStarted();
        Path original = files.path(document.getOriginalSha256());
        FileTime stored = modified(original);
        OcrPipeline.Result result;
        try {
            result = pipeline.process(original, engine, document.getLanguages(), (done, total) -> {
                progress.put(id, new int[] {done, total});
                log.info("document {}: {} of {} pages recognised", id, done, total);
            });
        } catch (UnreadableDocumentException e) {
            document.failed(e.getMessage());
            documents.saveAndFlush(document);
            String hash = document.getOriginalSha256();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        unreferenced.removeOriginalOfFailed(hash, stored);
                    }
                });
            }
            throw new BpmnError("UNREADABLE", e.getMessage());
        } finally {
            progress.remove(id);
        }
        try (result) {
            store(document, result);
        }
        // what the gateway "有低置信度页面？" reads: the model asks no bean
        execution.setVariable("needsReview", document.getState() == DocumentState.REVIEW);
    }

    private void store(ScannedDocument document, OcrPipeline.Result result) {
        List<DocumentPages.Page> rows = new ArrayList<>();
        boolean review = false;
        float reviewBelow = this.reviewBelow.of(result.engine());
        for (OcrPipeline.Page p : result.pages()) {
            boolean low = !p.text().fromTextLayer()
                    && !p.quality().blank()
                    && p.text().meanConfidence() < reviewBelow;
            review |= low;
            rows.add(new DocumentPages.Page(
                    p.number(),
                    BigDecimal.valueOf(p.text().meanConfidence()).setScale(2, RoundingMode.HALF_UP),
                    p.text().rotation(),
                    p.dpi(),
                    p.quality().issues().stream().map(Enum::name).collect(Collectors.joining(",")),
                    p.text().fromTextLayer(),
                    p.text().millis(),
                    p.text().text(),
                    PageBoxes.json(p.text().lines()),
                    PageBoxes.json(p.text().words())));
        }
        pages.replace(document.getId(), rows);
        // the PDF goes into the store before the commit: a crash in between leaves an unreferenced
        // file (found by the fixity audit), never a document pointing at a missing file
        String pdfHash = pdfOf(result, document.title());
        document.recognised(
                result.pages().size(),
                BigDecimal.valueOf(result.meanConfidence()).setScale(2, RoundingMode.HALF_UP),
                pdfHash,
                review,
                result.engine());
        documents.save(document);
    }

    /** Writes the PDF through a temporary file: a long scan's PDF is not held in memory twice. */
    private String pdfOf(OcrPipeline.Result result, String title) {
        Path temp = null;
        try {
            temp = Files.createTempFile("dangan-pdf-", ".pdf");
            try (OutputStream out = Files.newOutputStream(temp)) {
                pipeline.writePdf(result, title, out);
            }
            try (InputStream in = Files.newInputStream(temp)) {
                return files.put(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the searchable PDF", e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // missing: the pipeline will say so and the job will be retried
            return null;
        }
    }

    /** The message key saying why queued documents wait on this node, or null while it has an engine for them. */
    String waitingKey() {
        return availability.none() ? "document.waiting.noOcrEngine" : null;
    }

    /** Pages done and pages in all of a document being recognised now, if it is. */
    int[] progressOf(long documentId) {
        return progress.get(documentId);
    }
}
