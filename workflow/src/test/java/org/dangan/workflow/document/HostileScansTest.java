package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.workflow.fixity.FixityAudit;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Scans a hostile tester submits: each fails as unreadable with its reason (or is refused at the
 * upload), no page is decoded past the limits, the unreadable original leaves the store without
 * the fixity audit taking it for lost, and the node serves on.
 */
@DanganTest
class HostileScansTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore fileStore;

    @Autowired
    FixityAudit fixity;

    Fixtures.County county;
    HealthRecord record;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
    }

    private RequestPostProcessor archivist() {
        return httpBasic(county.user("archivist-a"), Fixtures.PASSWORD);
    }

    private ResultActions upload(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart("/api/documents")
                .file(new MockMultipartFile("file", name, null, bytes))
                .param("recordNumber", record.getRecordNumber())
                .param("documentType", "AUX_EXAM_REPORT")
                .header("Accept-Language", "en")
                .with(archivist()));
    }

    private long submit(byte[] bytes, String name) throws Exception {
        return DocumentJobs.idOf(
                upload(bytes, name).andExpect(status().isCreated()).andReturn());
    }

    /** Runs the document's jobs as the job executor would. */
    private void recognise(long id) {
        DocumentJobs.recognise(management, jdbc, id);
    }

    private String originalOf(long id) {
        return jdbc.queryForObject("select original_sha256 from scanned_document where id = ?", String.class, id);
    }

    private void keepsServing() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/records").with(archivist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    /** A PNG whose header declares a gray image of the given size, with next to no data behind it. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
            z.write(new byte[1024]);
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void an_image_declaring_60000_by_60000_pixels_fails_as_unreadable_and_its_original_leaves_the_store()
            throws Exception {
        long id = submit(pngDeclaring(60_000, 60_000), "bomb.png");
        String original = originalOf(id);
        assertThat(fileStore.path(original)).exists();

        recognise(id);

        mvc.perform(get("/api/documents/" + id).with(archivist()))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("60000x60000 pixels, more than the 100000000 allowed")))
                .andExpect(jsonPath("$.originalSha256").value(original));
        assertThat(fileStore.path(original)).doesNotExist();
        fixity.run("test", line -> {});
        assertThat(fixity.failures()).noneMatch(f -> f.sha256().equals(original));
        keepsServing();
    }

    @Test
    void a_pdf_page_drawing_a_40000_by_40000_image_fails_as_unreadable_without_decoding_it() throws Exception {
        long id = submit(pdfDrawingImageOf(40_000), "bomb.pdf");
        String original = originalOf(id);

        recognise(id);

        mvc.perform(get("/api/documents/" + id).with(archivist()))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("40000x40000 pixels, more than the 100000000 allowed")));
        assertThat(fileStore.path(original)).doesNotExist();
        keepsServing();
    }

    /**
     * One A4 page drawing a side×side grey image. Its data is a few bytes: PDFBox makes the whole
     * raster from the declared size before it reads any (the tester's had 1.6 GB of zeros deflated).
     */
    static byte[] pdfDrawingImageOf(int side) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image =
                    new PDImageXObject(new PDStream(document, new ByteArrayInputStream(new byte[16])), null);
            image.setWidth(side);
            image.setHeight(side);
            image.setBitsPerComponent(8);
            image.setColorSpace(PDDeviceGray.INSTANCE);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDResources resources = new PDResources();
            page.setResources(resources);
            COSName name = resources.add(image);
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream()) {
                out.write(("q 500 0 0 700 50 50 cm /" + name.getName() + " Do Q").getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(contents);
            document.save(pdf);
        }
        return pdf.toByteArray();
    }

    @Test
    void a_pdf_of_more_pages_than_the_cap_fails_as_unreadable_before_a_page_is_rendered() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 501; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(pdf);
        }
        long id = submit(pdf.toByteArray(), "long.pdf");

        recognise(id);

        mvc.perform(get("/api/documents/" + id).with(archivist()))
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.reason", containsString("501 pages, more than the 500 allowed")))
                .andExpect(jsonPath("$.pages.length()").value(0));
        assertThat(fileStore.path(originalOf(id))).doesNotExist();
        keepsServing();
    }

    @Test
    void a_scan_larger_than_the_cap_is_refused_at_the_upload_and_nothing_is_kept() throws Exception {
        Path tmp = fileStore.root().resolve("tmp");
        long partsBefore = Files.isDirectory(tmp) ? Files.list(tmp).count() : 0;
        Integer documentsBefore = jdbc.queryForObject("select count(*) from scanned_document", Integer.class);

        upload(new byte[16 * 1024 * 1024 + 1], "huge.tif")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.details.key").value("document.tooLarge"))
                .andExpect(jsonPath("$.message").value("The scan is too large (limit 16 MB): submit it in parts"));

        assertThat(Files.list(tmp).count()).isEqualTo(partsBefore);
        assertThat(jdbc.queryForObject("select count(*) from scanned_document", Integer.class))
                .isEqualTo(documentsBefore);
        keepsServing();
    }
}
