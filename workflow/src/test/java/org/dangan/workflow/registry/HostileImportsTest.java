package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Files a hostile tester uploads: each is refused with a translated reason, and the node serves on. */
@DanganTest
@ExtendWith(OutputCaptureExtension.class)
class HostileImportsTest {

    static final String SHEET = "xl/worksheets/sheet1.xml";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        fixtures.record(county.a(), 1);
    }

    private RequestPostProcessor archivist() {
        return httpBasic(county.user("archivist-a"), Fixtures.PASSWORD);
    }

    private ResultActions upload(byte[] xlsx, String language) throws Exception {
        return mvc.perform(multipart("/api/imports/records")
                .file(new MockMultipartFile("file", "export.xlsx", null, xlsx))
                .header("Accept-Language", language)
                .with(archivist()));
    }

    /** The node still answers: healthy, and the registry still lists records. */
    private void keepsServing() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/records").with(archivist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    private static void noStackTraceNorJavaNames(String text) {
        assertThat(text)
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("org.apache");
    }

    @Test
    void an_xlsx_past_the_row_cap_is_refused_naming_the_cap_and_the_node_keeps_serving(CapturedOutput log)
            throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            for (int r = 1; r <= 20_050; r++) {
                sheet.createRow(r).createCell(0).setCellValue(county.a().getCode() + "001" + "%05d".formatted(r));
            }
            workbook.write(xlsx);
            workbook.dispose();
        }

        String body = upload(xlsx.toByteArray(), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.code").value("import.rows.tooMany"))
                .andExpect(jsonPath("$.message")
                        .value("The file has more than 20,000 rows: split it into files of at most 20,000 rows"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        noStackTraceNorJavaNames(body);
        assertThat(log.getAll())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("ERROR");
        keepsServing();
    }

    @Test
    void an_xlsx_declaring_an_external_entity_is_refused_as_not_a_valid_xlsx(CapturedOutput log) throws Exception {
        byte[] xxe = withSheet(workbook(), out -> out.write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row>
                </sheetData></worksheet>""".strip().getBytes(StandardCharsets.UTF_8)));

        String body = upload(xxe, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.code").value("import.xlsx.entities"))
                .andExpect(jsonPath("$.message").value("The file is not a valid xlsx: it declares external entities"))
                .andExpect(content().string(not(containsString("root:"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        upload(xxe, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("不是有效的xlsx文件：它声明了外部实体"));

        noStackTraceNorJavaNames(body);
        assertThat(log.getAll())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("ERROR");
        keepsServing();
    }

    @Test
    void an_xlsx_whose_sheet_inflates_like_a_zip_bomb_is_refused_before_it_is_unpacked(CapturedOutput log)
            throws Exception {
        byte[] bomb = withSheet(workbook(), out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(spaces);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

        String body = upload(bomb, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.code").value("import.xlsx.ratio"))
                .andExpect(jsonPath("$.message", containsString("The file is not a valid xlsx: it unpacks to")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        noStackTraceNorJavaNames(body);
        assertThat(log.getAll())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("ERROR");
        keepsServing();
    }

    @Test
    void a_parameter_of_the_wrong_type_answers_which_one_in_the_callers_language_without_java_types(CapturedOutput log)
            throws Exception {
        String body = mvc.perform(get("/api/records")
                        .param("page", "abc")
                        .header("Accept-Language", "en")
                        .with(archivist()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Parameter page has a wrong value"))
                .andExpect(jsonPath("$.details.key").value("error.parameter.invalid"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/api/records")
                        .param("page", "abc")
                        .header("Accept-Language", "zh-CN")
                        .with(archivist()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("参数page的值不正确"));

        noStackTraceNorJavaNames(body);
        assertThat(body).doesNotContain("int").doesNotContain("NumberFormat");
        assertThat(log.getAll())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("ERROR");
        keepsServing();
    }

    /** A small valid workbook of the county export's header and one row. */
    private byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** The workbook with its first sheet's XML replaced. */
    private static byte[] withSheet(byte[] xlsx, Content sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(SHEET)) {
                    sheet.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
