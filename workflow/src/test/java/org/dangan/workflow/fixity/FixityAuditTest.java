package org.dangan.workflow.fixity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** One byte flipped in a stored file, one file gone: the audit names both, raises the alarm, and repairs nothing. */
@DanganTest
@ExtendWith(OutputCaptureExtension.class)
class FixityAuditTest {

    @Autowired
    FixityAudit audit;

    @Autowired
    FileStore store;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BornDigital bornDigital;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_flipped_byte_and_a_lost_file_are_named_and_left_as_found(CapturedOutput output) throws Exception {
        HealthRecord record = fixtures.record(fixtures.county().a(), 1);
        // content of their own, so that no other test shares these stored files
        long document = archive(record);
        long other = archive(record);
        String pdf =
                jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, document);
        String original =
                jdbc.queryForObject("select original_sha256 from scanned_document where id = ?", String.class, other);

        FixityAudit.Run clean = audit.run("test", line -> {});
        assertThat(clean.files()).isPositive();
        assertThat(jdbc.queryForMap(
                        "select algorithm, found, outcome from fixity_event where run_id = ? and expected = ?",
                        clean.id(),
                        pdf))
                .containsEntry("ALGORITHM", "SHA-256")
                .containsEntry("FOUND", pdf)
                .containsEntry("OUTCOME", "OK");
        assertThat(audit.failures()).extracting(FixityAudit.Failure::sha256).doesNotContain(pdf, original);

        Path pdfFile = store.path(pdf);
        Path originalFile = store.path(original);
        byte[] good = Files.readAllBytes(pdfFile);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x01;
        Path aside = originalFile.resolveSibling(original + ".aside");
        try {
            Files.write(pdfFile, bad);
            Files.move(originalFile, aside);

            FixityAudit.Run run = audit.run("test", line -> {});
            assertThat(run.failures()).isGreaterThanOrEqualTo(2);
            assertThat(audit.failures())
                    .filteredOn(f -> f.sha256().equals(pdf))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.outcome()).isEqualTo(FixityAudit.Outcome.MISMATCH);
                        assertThat(f.found()).matches("[0-9a-f]{64}").isNotEqualTo(pdf);
                        assertThat(f.documents()).containsExactly(document);
                    });
            assertThat(audit.failures())
                    .filteredOn(f -> f.sha256().equals(original))
                    .singleElement()
                    .satisfies(f -> assertThat(f.outcome()).isEqualTo(FixityAudit.Outcome.MISSING));
            assertThat(output)
                    .contains("fixity: ALARM file " + pdf + " MISMATCH", "fixity: ALARM file " + original + " MISSING");
            assertThat(meters.get("dangan.fixity.failures").gauge().value()).isGreaterThanOrEqualTo(2);
            // never repaired: the changed file is left as the audit found it, the lost one stays lost
            assertThat(Files.readAllBytes(pdfFile)).isEqualTo(bad);
            assertThat(originalFile).doesNotExist();

            VerifyFixityCommand command = new VerifyFixityCommand(audit);
            command.run(null);
            assertThat(command.getExitCode()).isEqualTo(1);
        } finally {
            Files.write(pdfFile, good);
            if (Files.exists(aside)) {
                Files.move(aside, originalFile, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        audit.run("test", line -> {});
        assertThat(audit.failures()).extracting(FixityAudit.Failure::sha256).doesNotContain(pdf, original);
    }

    private long archive(HealthRecord record) {
        return transactions.execute(t -> bornDigital.archive(
                record.getRecordNumber(),
                DocumentType.AUX_EXAM_REPORT,
                List.of(List.of("固定性核验 " + UUID.randomUUID())),
                "test"));
    }

    @Test
    void the_audit_reads_no_faster_than_its_bound() {
        Throttle throttle = new Throttle(10 * 1024 * 1024);
        assertThat(throttle.pauseNanos(10 * 1024 * 1024, 250_000_000L)).isEqualTo(750_000_000L);
        assertThat(throttle.pauseNanos(1024 * 1024, 500_000_000L)).isZero();
    }
}
