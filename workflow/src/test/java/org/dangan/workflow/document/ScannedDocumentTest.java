package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.dangan.ocr.Engine;
import org.dangan.workflow.registry.DocumentType;
import org.junit.jupiter.api.Test;

/** The scanned document guards its own steps, without Spring: read, then reviewed where needed, then archived. */
class ScannedDocumentTest {

    static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static ScannedDocument submitted(DocumentType type) {
        return ScannedDocument.submitted(
                7, "32010210100100001", 3, type, "scan.pdf", "a".repeat(64), 1_000, "chi_sim", "archivist-a", AT);
    }

    private static ScannedDocument running() {
        ScannedDocument d = submitted(DocumentType.AUX_EXAM_REPORT);
        d.recognitionStarted();
        return d;
    }

    private static void refused(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_submitted_document_waits_for_recognition_and_is_restricted_by_its_type() {
        ScannedDocument d = submitted(DocumentType.SEVERE_MENTAL_DISORDER);

        assertThat(d.getState()).isEqualTo(DocumentState.QUEUED);
        assertThat(d.isRestricted()).isTrue();
        assertThat(submitted(DocumentType.AUX_EXAM_REPORT).isRestricted()).isFalse();
        assertThat(d.getPdfSha256()).isNull();
        // nothing was read yet: neither archived nor reviewed
        refused(() -> d.archived(AT));
        refused(() -> d.reviewed("b".repeat(64)));
        refused(() -> d.recognised(1, BigDecimal.TEN, "b".repeat(64), false, Engine.TESSERACT));
    }

    @Test
    void a_document_read_with_enough_confidence_is_recognised_then_archived() {
        ScannedDocument d = running();
        assertThat(d.getState()).isEqualTo(DocumentState.OCR_RUNNING);
        refused(() -> d.archived(AT));

        d.recognised(3, new BigDecimal("96.50"), "b".repeat(64), false, Engine.TESSERACT);

        assertThat(d.getState()).isEqualTo(DocumentState.RECOGNISED);
        assertThat(d.getPageCount()).isEqualTo(3);
        assertThat(d.getOcrEngine()).isEqualTo(Engine.TESSERACT);
        refused(() -> d.reviewed("c".repeat(64)));
        refused(d::recognitionStarted);

        d.archived(AT.plusSeconds(60));

        assertThat(d.getState()).isEqualTo(DocumentState.ARCHIVED);
        refused(() -> d.archived(AT));
        refused(() -> d.failed("late"));
    }

    @Test
    void a_document_with_unsure_pages_is_reviewed_before_it_is_archived() {
        ScannedDocument d = running();

        d.recognised(2, new BigDecimal("61.00"), "b".repeat(64), true, Engine.TESSERACT);

        assertThat(d.getState()).isEqualTo(DocumentState.REVIEW);
        d.reviewed("c".repeat(64));
        assertThat(d.getPdfSha256()).isEqualTo("c".repeat(64));
        d.archived(AT);
        assertThat(d.getState()).isEqualTo(DocumentState.ARCHIVED);
    }

    @Test
    void a_reading_cut_off_by_a_crash_starts_again_and_a_failure_keeps_its_reason() {
        ScannedDocument d = running();
        d.recognitionStarted(); // the job runs again after a crash

        assertThat(d.getState()).isEqualTo(DocumentState.OCR_RUNNING);
        d.failed("x".repeat(800));

        assertThat(d.getState()).isEqualTo(DocumentState.FAILED);
        assertThat(d.getFailureReason()).hasSize(500);
        refused(d::recognitionStarted);
        refused(() -> d.archived(AT));
    }

    @Test
    void a_document_that_arrives_recognised_is_archived_from_the_start() {
        ScannedDocument d = ScannedDocument.archivedOnArrival(
                7,
                "32010210100100001",
                3,
                DocumentType.SEVERE_MENTAL_DISORDER,
                "bag.pdf",
                "a".repeat(64),
                1_000,
                "b".repeat(64),
                4,
                null,
                "archivist-b",
                AT);

        assertThat(d.getState()).isEqualTo(DocumentState.ARCHIVED);
        assertThat(d.isRestricted()).as("by its type, whatever came with it").isTrue();
        assertThat(d.getPageCount()).isEqualTo(4);
        assertThat(d.getOcrEngine()).isNull();
        refused(d::recognitionStarted);
        refused(() -> d.archived(AT));
        refused(() -> d.failed("no"));
    }

    @Test
    void a_long_original_name_is_cut_to_the_column() {
        ScannedDocument d = ScannedDocument.submitted(
                7,
                "32010210100100001",
                3,
                DocumentType.AUX_EXAM_REPORT,
                "名".repeat(300),
                "a".repeat(64),
                1,
                "chi_sim",
                "archivist-a",
                AT);

        assertThat(d.getOriginalName()).hasSize(255);
        assertThat(d.title()).endsWith(" 32010210100100001");
    }
}
