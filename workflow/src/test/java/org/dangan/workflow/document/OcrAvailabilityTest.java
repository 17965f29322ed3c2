package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dangan.ocr.Engine;
import org.dangan.ocr.paddle.PaddleModels;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.NoOcrEngines;
import org.dangan.workflow.support.Scans;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node with neither engine: the PP-OCR model directory and Tesseract's tessdata are empty. It
 * starts, says why in the health details (to a signed-in user only), and a scan submitted to it
 * stays queued without using up its retries.
 */
@DanganTest
@Tag("slow") // a Spring context of its own (no OCR engine): a whole application start
class OcrAvailabilityTest {

    static final Path MODELS = NoOcrEngines.MODELS;
    static final Path TESSDATA = NoOcrEngines.TESSDATA;

    @DynamicPropertySource
    static void nothingToReadWith(DynamicPropertyRegistry properties) {
        NoOcrEngines.register(properties);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OcrAvailability engines;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    @Test
    void the_node_starts_and_health_says_which_engine_lacks_what_to_an_admin_only() throws Exception {
        users.create(
                county.user("admin"),
                Fixtures.PASSWORD,
                "管理员",
                Role.ADMIN,
                county.county().getId(),
                Set.of());
        // degraded, not down: a load balancer keeps a node that serves all but OCR
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.ocr.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.ocr.details").doesNotExist());
        // the details name directories: not for a searcher
        mvc.perform(get("/actuator/health").with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.components.ocr.details").doesNotExist());
        mvc.perform(get("/actuator/health").with(httpBasic(county.user("admin"), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.components.ocr.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.ocr.details.paddle.available").value(false))
                .andExpect(jsonPath("$.components.ocr.details.paddle.models").value(MODELS.toString()))
                .andExpect(jsonPath("$.components.ocr.details.paddle.reason")
                        .value(Matchers.startsWith(
                                "the PP-OCR models ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx, "
                                        + "ch_ppocr_mobile_v2.0_cls_infer.onnx, ppocr_keys_v1.txt are missing in "
                                        + MODELS
                                        + "; run src/dev/ocr-models.sh " + MODELS)))
                .andExpect(
                        jsonPath("$.components.ocr.details.tesseract.available").value(false))
                .andExpect(jsonPath("$.components.ocr.details.tesseract.reason")
                        .value(Matchers.startsWith("Tesseract has no model chi_sim in " + TESSDATA
                                + ": install Debian's tesseract-ocr-chi-sim")));
        assertThat(engines.paddle().available()).isFalse();
        assertThat(engines.paddle().models()).isEqualTo(MODELS);
        assertThat(engines.tesseract().available()).isFalse();
        assertThat(engines.usable(Engine.PADDLE)).isEmpty();
        // everything else works
        mvc.perform(get("/api/institutions").with(httpBasic(county.user("county-supervisor"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value(county.county().getCode()));
    }

    @Test
    void a_scan_stays_queued_and_its_job_waits_with_its_retries_untouched() throws Exception {
        HealthRecord record = fixtures.record(county.a(), 1);
        var archivist = httpBasic(county.user("archivist-a"), Fixtures.PASSWORD);
        long id = DocumentJobs.idOf(mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "report.png", null, Scans.page(Scans.REPORT, 28)))
                        .param("recordNumber", record.getRecordNumber())
                        .param("documentType", "AUX_EXAM_REPORT")
                        .with(archivist))
                .andExpect(status().isCreated())
                .andReturn());
        String process =
                jdbc.queryForObject("select process_instance_id from scanned_document where id = ?", String.class, id);
        Job job = management.createJobQuery().processInstanceId(process).singleResult();
        int retries = job.getRetries();

        Instant before = Instant.now();
        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasMessageContaining("no OCR engine on this node")
                .hasMessageContaining("paddle: the PP-OCR models")
                .hasMessageContaining("tesseract: Tesseract has no model");

        Job waiting = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(waiting.getRetries()).isEqualTo(retries).isPositive();
        assertThat(waiting.getDuedate().toInstant())
                .isAfter(before.plus(RecognitionWaits.WAIT).minus(Duration.ofMinutes(1)));
        assertThat(runtime.createIncidentQuery().processInstanceId(process).count())
                .isZero();
        // not executable before its due date: the job executor leaves it alone until then
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .count())
                .isZero();
        assertThat(jdbc.queryForObject("select state from scanned_document where id = ?", String.class, id))
                .isEqualTo("QUEUED");

        mvc.perform(get("/api/documents/" + id).with(archivist))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("QUEUED"))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.waiting").value("document.waiting.noOcrEngine"));
    }

    @Test
    void the_models_under_dangan_home_are_taken_when_complete_else_the_system_path(@TempDir Path home)
            throws IOException {
        assertThat(OcrAvailability.modelDirectory("", home)).isEqualTo(PaddleModels.SYSTEM_DIR);
        Path underHome = Files.createDirectories(home.resolve("ocr-models"));
        for (String name : PaddleModels.names()) {
            Files.copy(PaddleModels.SYSTEM_DIR.resolve(name), underHome.resolve(name));
        }
        assertThat(OcrAvailability.modelDirectory("", home)).isEqualTo(underHome);
        assertThat(OcrAvailability.modelDirectory("/srv/models", home)).isEqualTo(Path.of("/srv/models"));
    }
}
