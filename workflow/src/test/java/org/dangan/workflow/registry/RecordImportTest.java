package org.dangan.workflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.workflow.registry.importing.ImportFailedException;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.ImportProgress;
import org.dangan.workflow.registry.importing.ImportResult;
import org.dangan.workflow.registry.importing.RecordImporter;
import org.dangan.workflow.registry.importing.Rejection;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DanganTest
class RecordImportTest {

    @Autowired
    RecordImporter importer;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AsUser asUser;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    Fixtures.County county;
    String township;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        township = county.a().getCode();
        asUser.login(county.user("archivist-a"));
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private ImportResult run(Path file, String name, String encoding, ImportMode mode) {
        return importer.importFile(file, name, encoding, mode, Locale.SIMPLIFIED_CHINESE, ImportProgress.NONE);
    }

    private long recordsOf(String townshipCode) {
        return jdbc.queryForObject("select count(*) from health_record where record_number like ?", Long.class,
                townshipCode + "%");
    }

    @Test
    void imports_a_utf8_file_with_chinese_headers() {
        ExportFile export = ExportFile.chinese();
        for (int i = 1; i <= 20; i++) {
            export.validRow(township, i);
        }
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isEqualTo(20);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(recordsOf(township)).isEqualTo(20);
        assertThat(jdbc.queryForObject("select key_populations from health_record where record_number = ?",
                String.class, township + "00100001")).isEqualTo("ELDERLY,HYPERTENSION");
    }

    @Test
    void detects_gbk_as_county_systems_export_it() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        ImportResult result = run(export.write(dir, Charset.forName("GBK")), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.encoding()).isEqualTo("GBK");
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select name from health_record where record_number = ?", String.class,
                township + "00100001")).isEqualTo("居民乙");
    }

    @Test
    void refuses_gbk_bytes_declared_as_utf8_and_names_the_byte() {
        Path file = ExportFile.chinese().validRow(township, 1).write(dir, Charset.forName("GBK"));
        assertThatThrownBy(() -> run(file, "export.csv", "UTF-8", ImportMode.REJECT_FILE))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.encoding.notutf8"));
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void rejects_the_whole_file_on_one_bad_row_by_default_and_reports_line_and_column() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2)
                .validRow(township, 3).set("身份证号", "110105194912310021").validRow(township, 4);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isZero();
        assertThat(result.written()).isFalse();
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.column()).isEqualTo("身份证号");
            assertThat(r.code()).isEqualTo("id.number.check");
            assertThat(r.value()).isEqualTo("1" + "*".repeat(17));
            assertThat(r.reason()).contains("校验码");
        });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void imports_the_valid_rows_when_asked_and_reports_the_rest() {
        ExportFile export = ExportFile.chinese().validRow(township, 1)
                .validRow(township, 2).set("性别", "未知")
                .validRow(township, 3).set("出生日期", "1900-01-01")
                .validRow(township, 4).set("健康档案编号", county.b().getCode() + "00100004");
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejectedRows()).isEqualTo(3);
        assertThat(result.rejected()).extracting(Rejection::line, Rejection::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "import.gender.invalid"),
                org.assertj.core.groups.Tuple.tuple(4L, "import.birthdate.mismatch"),
                org.assertj.core.groups.Tuple.tuple(5L, "import.record.institution"));
        assertThat(recordsOf(township)).isEqualTo(1);
    }

    @Test
    void importing_the_same_file_twice_creates_no_duplicates() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        Path file = export.write(dir, StandardCharsets.UTF_8);
        run(file, "export.csv", null, ImportMode.REJECT_FILE);
        ImportResult again = run(file, "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(again.accepted()).isZero();
        assertThat(again.rejected()).extracting(Rejection::code).containsOnly("import.duplicate.registry");
        assertThat(recordsOf(township)).isEqualTo(2);
    }

    @Test
    void a_record_number_twice_in_one_file_points_to_the_first_line() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2).validRow(township, 1);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.code()).isEqualTo("import.duplicate.file");
            assertThat(r.reason()).contains("第2行");
        });
    }

    @Test
    void counts_lines_as_an_editor_does_when_a_quoted_field_holds_a_line_break() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).set("现住址", "第一行\n第二行")
                .validRow(township, 2).set("性别", "X");
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().extracting(Rejection::line).isEqualTo(4L);
    }

    @Test
    void a_row_with_the_wrong_number_of_columns_is_rejected_with_both_counts() {
        ExportFile export = ExportFile.chinese().validRow(township, 1);
        String csv = export.csv() + township + "00100002,张三\r\n";
        Path file = write(csv, StandardCharsets.UTF_8);
        ImportResult result = run(file, "export.csv", null, ImportMode.VALID_ROWS);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.code()).isEqualTo("import.row.columns");
            assertThat(r.reason()).contains("9").contains("2");
        });
    }

    @Test
    void an_unterminated_quote_fails_the_file_and_names_the_line_leaving_nothing_written() {
        ExportFile export = ExportFile.chinese().validRow(township, 1).validRow(township, 2);
        String csv = export.csv() + township + "00100003,\"张三,男\r\n";
        Path file = write(csv, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> run(file, "export.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.csv.malformed");
                    assertThat(e.args()[0]).isEqualTo(4L);
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void an_empty_file_and_a_header_only_file_fail_clearly() {
        assertThatThrownBy(() -> run(write("", StandardCharsets.UTF_8), "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.file.empty"));
        Path headerOnly = write(ExportFile.chinese().csv(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(headerOnly, "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.file.norows"));
    }

    @Test
    void a_missing_required_column_is_named_in_both_languages() {
        Path file = write("健康档案编号,姓名,性别,出生日期\r\n1,2,3,4\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(file, "e.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.header.missing");
                    assertThat(e.args()[0].toString()).isEqualTo("身份证号/idNumber");
                });
    }

    @Test
    void finds_english_headers_too() {
        ExportFile export = ExportFile.withHeader("recordNumber", "name", "gender", "birthDate", "idNumber")
                .row(township + "00100001", "Li Lei", "M", "1950-03-07",
                        Fixtures.idNumber(township.substring(0, 6), java.time.LocalDate.of(1950, 3, 7),
                                Gender.MALE, 1));
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.REJECT_FILE);
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void a_record_number_of_another_township_is_refused_for_a_township_user() {
        ExportFile export = ExportFile.chinese().validRow(county.b().getCode(), 1);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.VALID_ROWS);
        assertThat(result.rejected()).extracting(Rejection::code).containsExactly("import.record.institution");
        assertThat(recordsOf(county.b().getCode())).isZero();
    }

    @Test
    void imports_paper_files_with_their_contents() {
        ExportFile export = ExportFile.withHeader("健康档案编号", "姓名", "性别", "出生日期", "身份证号", "纸质档案编号",
                "页数", "档案内容");
        export.validRow(township, 1);
        List<String> first = new ArrayList<>(export.rows().get(0).subList(0, 5));
        first.addAll(List.of(township + "00100001-01", "8", "BASIC_INFO:2;健康体检表:6"));
        export.rows().set(0, first);
        ImportResult result = run(export.write(dir, StandardCharsets.UTF_8), "e.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select c.document_type from paper_file f join paper_file_content c on c.paper_file_id = f.id
                where f.file_number = ? order by c.document_type""", String.class, township + "00100001-01"))
                .containsExactly("BASIC_INFO", "HEALTH_EXAM");
    }

    @Test
    void imports_xlsx_with_real_date_cells() throws IOException {
        Path file = dir.resolve("export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            List<String> values = ExportFile.chinese().validRow(township, 1).rows().get(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < values.size(); i++) {
                if (i == 3) {
                    row.createCell(i).setCellValue(java.time.LocalDate.parse(values.get(i)));
                    row.getCell(i).setCellStyle(dateStyle);
                } else {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            workbook.write(out);
        }
        ImportResult result = run(file, "export.xlsx", null, ImportMode.REJECT_FILE);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void refuses_old_xls_and_other_types_by_name() {
        Path file = write("x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(file, "export.xls", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.xls.unsupported"));
        assertThatThrownBy(() -> run(file, "export.pdf", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.type.unsupported"));
    }

    @Test
    void reports_progress_up_to_the_whole_file() {
        ExportFile export = ExportFile.chinese();
        for (int i = 1; i <= 2500; i++) {
            export.validRow(township, i);
        }
        Path file = export.write(dir, StandardCharsets.UTF_8);
        List<long[]> seen = new ArrayList<>();
        importer.importFile(file, "e.csv", null, ImportMode.REJECT_FILE, Locale.CHINA,
                (done, total, rows) -> seen.add(new long[] {done, total, rows}));
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        long[] last = seen.get(seen.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]);
        assertThat(last[2]).isEqualTo(2500);
        assertThat(recordsOf(township)).isEqualTo(2500);
    }

    @Test
    void a_file_of_broken_rows_is_refused_whole_with_a_bounded_report() throws IOException {
        Path file = dir.resolve("broken.csv");
        String broken = township + "00100001,张三,男,1950-03-07\r\n";
        long lines = 15_000;
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ExportFile.CHINESE_HEADER) + "\r\n");
            for (long i = 0; i < lines; i++) {
                out.write(broken);
            }
            out.write(ExportFile.chinese().validRow(township, 2).csv().split("\r\n")[1] + "\r\n");
        }
        ImportResult result = run(file, "broken.csv", null, ImportMode.REJECT_FILE);

        assertThat(result.rows()).isEqualTo(lines + 1);
        assertThat(result.rejectedRows()).isEqualTo(lines);
        assertThat(result.rejected()).hasSize(RecordImporter.MAX_REPORTED);
        assertThat(result.rejected().get(0).code()).isEqualTo("import.row.columns");
        assertThat(result.accepted()).isZero();
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void a_200_mb_csv_is_refused_at_the_row_cap_naming_it_and_nothing_is_written() throws IOException {
        Path file = dir.resolve("big.csv");
        long lines = 0;
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ExportFile.CHINESE_HEADER) + "\r\n");
            ExportFile valid = ExportFile.chinese();
            for (int i = 1; i <= 1_000; i++) {
                valid.validRow(township, i);
            }
            String block = valid.csv().substring(valid.csv().indexOf("\r\n") + 2);
            long blockBytes = block.getBytes(StandardCharsets.UTF_8).length;
            while (lines * blockBytes <= 200L * 1024 * 1024) {
                out.write(block);
                lines++;
            }
        }
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);

        assertThatThrownBy(() -> run(file, "big.csv", null, ImportMode.VALID_ROWS))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.key()).isEqualTo("import.rows.tooMany");
                    assertThat(e.args()).containsExactly(20_000L);
                });
        assertThat(recordsOf(township)).isZero();
    }

    @Test
    void an_xlsx_of_450000_rows_is_read_as_a_stream_and_refused_at_the_row_cap() throws IOException {
        Path file = dir.resolve("huge.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("档案");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportFile.CHINESE_HEADER.size(); i++) {
                header.createCell(i).setCellValue(ExportFile.CHINESE_HEADER.get(i));
            }
            for (int r = 1; r <= 450_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(township + "001" + "%05d".formatted(r % 99_999 + 1));
                row.createCell(1).setCellValue("居民" + r);
                row.createCell(2).setCellValue(r % 2 == 0 ? "女" : "男");
                row.createCell(3).setCellValue("1950-03-07");
            }
            workbook.write(out);
            workbook.dispose();
        }
        assertThat(Files.size(file)).isGreaterThan(5L * 1024 * 1024);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> run(file, "huge.xlsx", null, ImportMode.REJECT_FILE))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.key()).isEqualTo("import.rows.tooMany"));

        // a workbook model of the whole sheet allocates gigabytes; reading up to the cap, a fraction of one
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).isLessThan(1024L * 1024 * 1024);
        assertThat(recordsOf(township)).isZero();
    }

    private Path write(String content, Charset charset) {
        try {
            Path file = Files.createTempFile(dir, "raw-", ".csv");
            Files.writeString(file, content, charset);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
