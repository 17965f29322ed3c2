package org.dangan.ui.registry;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.importing.ImportMode;
import org.dangan.workflow.registry.importing.Rejection;
import org.dangan.workflow.support.ExportFile;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ImportViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;

    @BeforeEach
    void world() {
        county = fixtures.county();
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(ImportView.class);
    }

    private String finishedSummary() {
        Paragraph summary = _get(Paragraph.class, spec -> spec.withId("import-summary"));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
            MockVaadin.runUIQueue();
            return !summary.getText().isEmpty();
        });
        return summary.getText();
    }

    @Test
    void an_upload_imports_the_file_and_fills_the_progress_bar() {
        ExportFile export = ExportFile.chinese();
        for (int i = 1; i <= 30; i++) {
            export.validRow(county.a().getCode(), i);
        }
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-upload")),
                "export.csv",
                "text/csv",
                export.csv().getBytes(StandardCharsets.UTF_8));

        assertThat(finishedSummary()).startsWith("共30行：导入30行，拒绝0行");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("import-progress"))
                        .getValue())
                .isEqualTo(1.0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isEqualTo(30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void rejected_rows_are_listed_and_downloadable_and_nothing_is_written() {
        ExportFile export = ExportFile.chinese()
                .validRow(county.a().getCode(), 1)
                .validRow(county.a().getCode(), 2)
                .set("身份证号", "123");
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-upload")),
                "export.csv",
                "text/csv",
                export.csv().getBytes(StandardCharsets.UTF_8));

        assertThat(finishedSummary()).contains("整个文件未导入");
        Grid<Rejection> rejections = _get(Grid.class, spec -> spec.withId("import-rejections"));
        assertThat(_size(rejections)).isEqualTo(1);
        assertThat(_get(rejections, 0).line()).isEqualTo(3);
        assertThat(_get(rejections, 0).column()).isEqualTo("身份证号");
        assertThat(_get(Anchor.class, spec -> spec.withId("import-report")).isVisible())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where institution_id = ?",
                        Long.class,
                        county.a().getId()))
                .isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void valid_rows_mode_imports_what_it_can() {
        ((RadioButtonGroup<ImportMode>) _get(RadioButtonGroup.class, spec -> spec.withId("import-mode")))
                .setValue(ImportMode.VALID_ROWS);
        ExportFile export = ExportFile.chinese()
                .validRow(county.a().getCode(), 1)
                .validRow(county.a().getCode(), 2)
                .set("性别", "?");
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-upload")),
                "export.csv",
                "text/csv",
                export.csv().getBytes(StandardCharsets.UTF_8));

        assertThat(finishedSummary()).startsWith("共2行：导入1行，拒绝1行");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_rejection_report_downloads_with_chinese_headers_and_the_value_as_typed() throws Exception {
        ExportFile export =
                ExportFile.chinese().validRow(county.a().getCode(), 1).set("健康档案编号", "1.30102E+16");
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-upload")),
                "export.csv",
                "text/csv",
                export.csv().getBytes(StandardCharsets.UTF_8));

        assertThat(finishedSummary()).contains("整个文件未导入");
        Grid<Rejection> rejections = _get(Grid.class, spec -> spec.withId("import-rejections"));
        assertThat(_get(rejections, 0).reason()).contains("Excel", "科学计数法");
        String csv = new String(
                        DownloadKt._download(_get(Anchor.class, spec -> spec.withId("import-report"))),
                        StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        var records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("行号", "字段", "填写的值", "原因");
        assertThat(records.get(1).toList()).startsWith("2", "健康档案编号", "1.30102E+16");
        assertThat(records.get(1).get(3)).startsWith("看起来是被 Excel 改成科学计数法的数字");
    }

    @Test
    void both_templates_download_and_the_xlsx_keeps_the_number_columns_as_text() throws Exception {
        byte[] csv = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("import-template")));
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("健康档案编号", "身份证号");
        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("import-template-xlsx")));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var example = workbook.getSheetAt(0).getRow(1);
            assertThat(example.getCell(0).getStringCellValue()).isEqualTo("13010200100100001");
            assertThat(example.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("@");
        }
        assertThat(_get(
                        Paragraph.class,
                        spec -> spec.withText(
                                "用 Excel 填写时请使用 .xlsx 模板：其中健康档案编号、身份证号和联系电话列已设为文本格式，Excel 不会把17、18位数字改成科学计数法。")))
                .isNotNull();
    }

    @Test
    void a_file_that_cannot_be_read_says_why() {
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-upload")),
                "export.csv",
                "text/csv",
                "健康档案编号,姓名\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(finishedSummary()).startsWith("导入失败").contains("缺少必需的列").contains("身份证号/idNumber");
    }
}
