package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.dangan.ocr.SearchablePdf;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Scans;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Scans submitted, recognised on the real Tesseract by the real process, read back with scope and audit. */
@DanganTest
class DocumentApiTest {

    static final List<String> REPORT = Scans.REPORT;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    Fixtures.County county;
    HealthRecord record;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    static byte[] scan(List<String> lines, int fontSize) {
        return Scans.page(lines, fontSize);
    }

    private long submit(byte[] bytes, String name, String type, String user) throws Exception {
        return submit(bytes, name, type, user, record);
    }

    private long submit(byte[] bytes, String name, String type, String user, HealthRecord to) throws Exception {
        var answer = mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", name, null, bytes))
                        .param("recordNumber", to.getRecordNumber())
                        .param("documentType", type)
                        .with(as(user)))
                .andExpect(status().isCreated())
                .andReturn();
        return DocumentJobs.idOf(answer);
    }

    /** Runs the document's jobs as the job executor would. */
    private void recognise(long id) {
        DocumentJobs.recognise(management, jdbc, id);
    }

    @Test
    void a_scan_is_recognised_archived_and_read_back_as_text_and_searchable_pdf() throws Exception {
        long id = submit(scan(REPORT, 58), "血常规.png", "AUX_EXAM_REPORT", "archivist-a");
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("QUEUED"));

        recognise(id);

        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ARCHIVED"))
                .andExpect(jsonPath("$.recordNumber").value(record.getRecordNumber()))
                .andExpect(jsonPath("$.pageCount").value(1))
                // the paper file registers no auxiliary examination pages: nothing to compare
                .andExpect(jsonPath("$.registeredPages").isEmpty())
                .andExpect(jsonPath("$.pages[0].confidence").value(Matchers.greaterThan(97.0)))
                // read by PP-OCR, the default engine, with the models CI installs
                .andExpect(jsonPath("$.ocrEngine").value("PADDLE"))
                .andExpect(jsonPath("$.originalSha256").value(Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.pdfSha256").value(Matchers.matchesPattern("[0-9a-f]{64}")));
        mvc.perform(get("/api/documents/" + id + "/text").with(as("archivist-a")))
                .andExpect(content().string(containsString("血常规检验报告单")));
        byte[] pdf = mvc.perform(get("/api/documents/" + id + "/pdf").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).contains("血常规检验报告单");
        }
        // the original is kept as it came, under its own hash
        String original =
                jdbc.queryForObject("select original_sha256 from scanned_document where id = ?", String.class, id);
        assertThat(original)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(scan(REPORT, 58))));
        // another township sees nothing, and every read is audited
        mvc.perform(get("/api/documents/" + id).with(as("archivist-b"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'DOCUMENT_READ' and subject_id = ?",
                        Long.class,
                        Long.toString(id)))
                .isEqualTo(4);
    }

    @Test
    void a_crash_during_recognition_leaves_nothing_half_written_and_the_job_runs_again_once() throws Exception {
        long id = submit(scan(REPORT, 58), "crash.png", "AUX_EXAM_REPORT", "archivist-a");
        String process =
                jdbc.queryForObject("select process_instance_id from scanned_document where id = ?", String.class, id);
        String job = management
                .createJobQuery()
                .processInstanceId(process)
                .singleResult()
                .getId();
        // the job runs and the machine dies before its transaction commits
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            management.executeJob(job);
            assertThat(jdbc.queryForObject("select count(*) from document_page where document_id = ?", Long.class, id))
                    .isOne();
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from document_page where document_id = ?", Long.class, id))
                .isZero();
        // "being read" was committed on its own when the job started, so lists showed it while pages
        // were read; the job runs again and finishes it
        assertThat(jdbc.queryForObject("select state from scanned_document where id = ?", String.class, id))
                .isEqualTo("OCR_RUNNING");

        recognise(id);

        assertThat(jdbc.queryForObject("select count(*) from document_page where document_id = ?", Long.class, id))
                .isOne();
        assertThat(jdbc.queryForObject("select state from scanned_document where id = ?", String.class, id))
                .isEqualTo("ARCHIVED");
    }

    @Autowired
    FileStore fileStore;

    @Autowired
    RuntimeService runtime;

    @Autowired
    SearchIndex searchIndex;

    @Test
    void an_archived_scan_is_found_by_search_once_the_outbox_is_drained() throws Exception {
        long id = submit(scan(REPORT, 58), "found.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        assertThat(jdbc.queryForObject("select count(*) from search_outbox where document_id = ?", Long.class, id))
                .isOne();
        searchIndex.drain();
        assertThat(jdbc.queryForObject("select count(*) from search_outbox where document_id = ?", Long.class, id))
                .isZero();
        mvc.perform(get("/api/search").param("q", "血常规检验报告单").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.hits[?(@.documentId == " + id + ")].page").value(Matchers.contains(1)))
                .andExpect(jsonPath("$.hits[?(@.documentId == " + id + ")].snippet")
                        .value(Matchers.contains(containsString("<em>"))));
        mvc.perform(get("/api/search").param("q", "血常规检验报告单").with(as("archivist-b")))
                .andExpect(jsonPath("$.hits[?(@.documentId == " + id + ")]").isEmpty());
    }

    @Autowired
    UnreferencedFiles unreferenced;

    @Test
    void files_nothing_refers_to_are_removed_once_older_than_the_grace_period() throws Exception {
        long id = submit(scan(REPORT, 40), "kept.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        Path original = fileStore.path(
                jdbc.queryForObject("select original_sha256 from scanned_document where id = ?", String.class, id));
        Path pdf = fileStore.path(
                jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, id));
        // a PDF written by a job that crashed before it committed, an interrupted upload, a recent file
        Path crashed = fileStore.path(fileStore.put(new ByteArrayInputStream("crashed".getBytes())));
        Path recent = fileStore.path(fileStore.put(new ByteArrayInputStream("recent".getBytes())));
        Path part = Files.writeString(
                fileStore
                        .path(fileStore.put(new ByteArrayInputStream(new byte[0])))
                        .getParent()
                        .getParent()
                        .getParent()
                        .getParent()
                        .resolve("tmp")
                        .resolve("incoming1.part"),
                "half");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(3)));
        for (Path p : List.of(original, pdf, crashed, part)) {
            Files.setLastModifiedTime(p, old);
        }
        // stored again just now: a transaction may be about to refer to it, so it is young again
        Path again = fileStore.path(fileStore.put(new ByteArrayInputStream("again".getBytes())));
        Files.setLastModifiedTime(again, old);
        fileStore.put(new ByteArrayInputStream("again".getBytes()));

        unreferenced.collect(Duration.ofHours(2));

        assertThat(original).exists();
        assertThat(pdf).exists();
        assertThat(recent).exists();
        assertThat(again).exists();
        assertThat(crashed).doesNotExist();
        assertThat(part).doesNotExist();
    }

    @Test
    void a_recognition_that_keeps_failing_becomes_an_incident_shown_as_failed_with_its_message() throws Exception {
        long id = submit(scan(REPORT, 40), "lost.png", "AUX_EXAM_REPORT", "archivist-a");
        String original =
                jdbc.queryForObject("select original_sha256 from scanned_document where id = ?", String.class, id);
        Files.delete(fileStore.path(original)); // the file store lost it: not the document's fault
        String process =
                jdbc.queryForObject("select process_instance_id from scanned_document where id = ?", String.class, id);
        int attempts = 0;
        while (runtime.createIncidentQuery().processInstanceId(process).count() == 0 && attempts++ < 10) {
            String job = management
                    .createJobQuery()
                    .processInstanceId(process)
                    .singleResult()
                    .getId();
            try {
                management.executeJob(job);
            } catch (RuntimeException expected) {
                // each attempt fails; the engine counts the retries down
            }
        }
        assertThat(attempts).isBetween(2, 5);
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("cannot read")));
    }

    @Test
    void a_file_that_cannot_be_read_fails_at_once_with_its_reason() throws Exception {
        long id = submit("%PDF-1.7 this is not a PDF".getBytes(), "broken.pdf", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("corrupt PDF")));
        long empty = submit(new byte[0], "empty.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(empty);
        mvc.perform(get("/api/documents/" + empty).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("empty")));
    }

    @Test
    void restricted_documents_need_the_permission_and_a_stated_purpose() throws Exception {
        long id = submit(scan(REPORT, 58), "smd.png", "SEVERE_MENTAL_DISORDER", "archivist-a");
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "x.png", null, scan(REPORT, 58)))
                        .param("recordNumber", record.getRecordNumber())
                        .param("documentType", "SEVERE_MENTAL_DISORDER")
                        .with(httpBasic(county.user("archivist-b"), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()); // a record of another township
        recognise(id);
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("document.purposeRequired"));
        mvc.perform(get("/api/documents/" + id).param("purpose", "随访评估").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restricted").value(true));
        // the head of the same township lacks the permission: the document does not exist for them
        mvc.perform(get("/api/documents/" + id).param("purpose", "x").with(as("head-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/" + id + "/text").param("purpose", "x").with(as("searcher-a")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'DOCUMENT_READ' and subject_id = ?",
                        String.class,
                        Long.toString(id)))
                .containsExactly("purpose: 随访评估");
    }

    @Test
    void a_page_read_with_low_confidence_goes_to_review_and_the_corrected_text_is_kept() throws Exception {
        long id = submit(fuzzy(), "fuzzy.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("REVIEW"))
                .andExpect(jsonPath("$.ocrEngine").value("PADDLE"))
                .andExpect(jsonPath("$.pages[0].confidence").value(Matchers.lessThan(97.0)));
        String pdfBeforeReview =
                jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, id);
        var task = tasks
                .createTaskQuery()
                .taskCandidateGroup("archivist-" + county.a().getCode())
                .taskDefinitionKey("reviewText")
                .list()
                .stream()
                .filter(t -> t.getProcessInstanceId()
                        .equals(jdbc.queryForObject(
                                "select process_instance_id from scanned_document where id = ?", String.class, id)))
                .findFirst()
                .orElseThrow();
        // the county's archivist sees the document, the correction is the township's
        mvc.perform(put("/api/documents/" + id + "/pages/1/text")
                        .with(as("county-checker"))
                        .contentType("application/json")
                        .content("{\"text\": \"县里改的\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("document.review.ownInstitution"));
        mvc.perform(put("/api/documents/" + id + "/pages/1/text")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"text\": \"" + "字".repeat(Documents.MAX_PAGE_TEXT + 1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("document.review.textTooLong"));
        mvc.perform(put("/api/documents/" + id + "/pages/1/text")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"text\": \"血常规检验报告单 校对后\"}"))
                .andExpect(status().isNoContent());
        tasks.setAssignee(task.getId(), county.user("archivist-a"));
        tasks.complete(task.getId());
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("ARCHIVED"))
                .andExpect(jsonPath("$.pages[0].reviewedBy").value(county.user("archivist-a")))
                // checked by a person: the recognition's low figure no longer says how good the text is
                .andExpect(jsonPath("$.confidenceBand").value("REVIEWED"))
                .andExpect(jsonPath("$.pages[0].confidenceBand").value("REVIEWED"));
        mvc.perform(get("/api/documents/" + id + "/text").with(as("archivist-a")))
                .andExpect(content().string("血常规检验报告单 校对后"));
        // the searchable PDF was laid out again: it finds the corrected text, over the same page image
        String recognised =
                jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, id);
        assertThat(recognised).isNotEqualTo(pdfBeforeReview);
        byte[] pdf = mvc.perform(get("/api/documents/" + id + "/pdf").with(as("archivist-a")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).isEqualTo("血常规检验报告单校对后");
        }
        assertThat(SearchablePdf.pageImages(pdf))
                .extracting(i -> i.bytes())
                .containsExactlyElementsOf(
                        SearchablePdf.pageImages(fileStore.open(pdfBeforeReview).readAllBytes()).stream()
                                .map(i -> i.bytes())
                                .toList());
    }

    @Autowired
    Documents documents;

    @Autowired
    AsUser asUser;

    @Test
    void a_colour_scan_keeps_its_red_seal_in_the_pdf_and_the_viewer_and_a_1_bit_scan_stays_1_bit() throws Exception {
        BufferedImage sealed = ImageIO.read(new ByteArrayInputStream(scan(REPORT, 58)));
        byte[] png = redrawn(sealed, BufferedImage.TYPE_INT_RGB, g -> {
            g.setColor(new Color(220, 30, 30));
            g.fillOval(1800, 300, 300, 300);
        });
        long id = submit(png, "盖章.png", "AUX_EXAM_REPORT", "archivist-a");
        byte[] pdf = recognisedPdf(id);
        assertThat(SearchablePdf.pageImages(pdf))
                .singleElement()
                .satisfies(i -> assertThat(i.encoding()).isEqualTo(SearchablePdf.Encoding.JPEG));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            var image = (PDImageXObject)
                    resources.getXObject(resources.getXObjectNames().iterator().next());
            assertThat(image.getColorSpace().getName()).isEqualTo("DeviceRGB");
            assertThat(red(image.getImage().getRGB(1950, 450))).isTrue();
        }
        // the viewer's page (100 dpi of a 300-dpi scan) shows the seal red as well
        asUser.login(county.user("archivist-a"));
        try {
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(documents.pageImage(id, 1, 100, null)));
            assertThat(red(shown.getRGB(650, 150))).isTrue();
        } finally {
            AsUser.logout();
        }

        byte[] onebit = redrawn(sealed, BufferedImage.TYPE_BYTE_BINARY, g -> {});
        byte[] blackPdf = recognisedPdf(submit(onebit, "黑白.png", "AUX_EXAM_REPORT", "archivist-a"));
        assertThat(SearchablePdf.pageImages(blackPdf))
                .singleElement()
                .satisfies(i -> assertThat(i.encoding()).isEqualTo(SearchablePdf.Encoding.CCITT_G4));
    }

    private byte[] recognisedPdf(long id) throws Exception {
        recognise(id);
        return mvc.perform(get("/api/documents/" + id + "/pdf").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** The page drawn into an image of the given type, with what {@code more} draws over it, as PNG. */
    private static byte[] redrawn(BufferedImage page, int type, Consumer<Graphics2D> more) throws IOException {
        BufferedImage image = new BufferedImage(page.getWidth(), page.getHeight(), type);
        Graphics2D g = image.createGraphics();
        g.drawImage(page, 0, 0, null);
        more.accept(g);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 180 && g < 90 && b < 90;
    }

    @Test
    void the_boxes_of_a_page_say_where_its_lines_and_words_stand() throws Exception {
        long id = submit(scan(REPORT, 58), "boxes.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        mvc.perform(get("/api/documents/" + id + "/pages/1/boxes").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(REPORT.size()))
                .andExpect(jsonPath("$.lines[0].x").isNumber())
                .andExpect(jsonPath("$.lines[0].width").isNumber())
                .andExpect(jsonPath("$.words.length()").value(Matchers.greaterThan(REPORT.size())));
        mvc.perform(get("/api/documents/" + id + "/pages/2/boxes").with(as("archivist-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/" + id + "/pages/1/boxes").with(as("archivist-b")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'DOCUMENT_READ' and subject_id = ?",
                        String.class,
                        Long.toString(id)))
                .anyMatch(d -> d.startsWith("page 1 boxes"));
    }

    @Test
    void the_scanned_page_count_is_compared_with_the_paper_file() throws Exception {
        // the fixture's paper file registers 2 pages of basic information
        long id = submit(scan(REPORT, 58), "basic.png", "BASIC_INFO", "archivist-a");
        recognise(id);
        mvc.perform(get("/api/documents/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.registeredPages").value(2))
                .andExpect(jsonPath("$.pageCountAgrees").value(false));
    }

    @Test
    void separator_sheets_print_for_records_in_scope_only() throws Exception {
        byte[] pdf = mvc.perform(get("/api/documents/separator-sheets.pdf")
                        .param("recordNumber", record.getRecordNumber())
                        .param("documentType", "SEVERE_MENTAL_DISORDER")
                        .with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("分隔页", record.getRecordNumber());
        }
        mvc.perform(get("/api/documents/separator-sheets.pdf")
                        .param("recordNumber", record.getRecordNumber())
                        .with(as("archivist-b")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_review_completed_with_another_townships_document_archives_only_its_own() throws Exception {
        long ours = submit(fuzzy(), "fuzzy.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(ours);
        long theirs =
                submit(scan(REPORT, 58), "b.png", "AUX_EXAM_REPORT", "archivist-b", fixtures.record(county.b(), 2));
        String process = jdbc.queryForObject(
                "select process_instance_id from scanned_document where id = ?", String.class, ours);
        var task = tasks.createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey("reviewText")
                .singleResult();
        tasks.setAssignee(task.getId(), county.user("archivist-a"));

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("documentId", theirs)))
                .cause()
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("task.variableUnknown"));
        // a variable rewritten behind the process's back (an administrator) does not choose the document either
        runtime.setVariable(process, "documentId", theirs);
        tasks.complete(task.getId());

        assertThat(state(ours)).isEqualTo("ARCHIVED");
        assertThat(state(theirs)).isEqualTo("QUEUED");
    }

    @Test
    void only_an_archivist_of_the_documents_township_finishes_its_review() throws Exception {
        long id = submit(fuzzy(), "fuzzy.png", "AUX_EXAM_REPORT", "archivist-a");
        recognise(id);
        var task = tasks.createTaskQuery()
                .processInstanceId(jdbc.queryForObject(
                        "select process_instance_id from scanned_document where id = ?", String.class, id))
                .taskDefinitionKey("reviewText")
                .singleResult();
        for (String outsider : List.of("archivist-b", "head-a")) {
            tasks.setAssignee(task.getId(), county.user(outsider));
            assertThatThrownBy(() -> tasks.complete(task.getId()))
                    .rootCause()
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.key()).isEqualTo("task.notYours"));
        }
        assertThat(state(id)).isEqualTo("REVIEW");
    }

    private String state(long document) {
        return jdbc.queryForObject("select state from scanned_document where id = ?", String.class, document);
    }

    @Test
    void the_review_of_a_restricted_scan_is_offered_only_to_those_who_may_read_it() throws Exception {
        long id = submit(fuzzy(), "smd-fuzzy.png", "SEVERE_MENTAL_DISORDER", "archivist-a");
        recognise(id);
        String process =
                jdbc.queryForObject("select process_instance_id from scanned_document where id = ?", String.class, id);
        var task = tasks.createTaskQuery()
                .processInstanceId(process)
                .taskDefinitionKey("reviewText")
                .singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("restricted-" + county.a().getCode());
        assertThat(tasks.createTaskQuery()
                        .taskId(task.getId())
                        .taskCandidateUser(county.user("archivist-a"))
                        .count())
                .isOne();
        assertThat(tasks.createTaskQuery()
                        .taskId(task.getId())
                        .taskCandidateUser(county.user("head-a"))
                        .count())
                .isZero();
    }

    private static byte[] fuzzy() {
        return Scans.fuzzy();
    }
}
