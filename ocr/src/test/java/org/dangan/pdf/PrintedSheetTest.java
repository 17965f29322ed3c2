package org.dangan.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.ocr.PdfA;
import org.junit.jupiter.api.Test;

class PrintedSheetTest {

    @Test
    void chineseTextTablesOverPagesAndSignatureLinesComeBackOutOfThePdf() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("13012310120100" + "%03d".formatted(i), "张三" + i, Integer.toString(i % 9 + 1)));
        }
        byte[] pdf;
        try (PrintedSheet sheet = new PrintedSheet(PrintedSheet.DEFAULT_FONT)) {
            pdf = sheet.title("核查签字表 Sign-off sheet")
                    .line("盒号 Box: BX0000000001")
                    .table(List.of("档案编号", "姓名", "页数"), new float[] {3, 2, 1}, rows)
                    .signatureLines(List.of("核对人员 Checker"))
                    .toBytes();
        }
        assertThat(PdfA.violations(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("核查签字表 Sign-off sheet");
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "核查签字表",
                            "张三1",
                            "张三120",
                            "1301231012010012",
                            "核对人员 Checker",
                            "共 " + doc.getNumberOfPages() + " 页");
            // the header row repeats on the second page
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(doc)).contains("档案编号", "姓名");
        }
    }

    @Test
    void headersBreakBetweenWordsNeverInsideOne() throws Exception {
        byte[] pdf;
        try (PrintedSheet sheet = new PrintedSheet(PrintedSheet.DEFAULT_FONT)) {
            // nine narrow columns, as the campaign report has
            pdf = sheet.title("报告 Report")
                    .table(
                            List.of(
                                    "机构 Institution",
                                    "档案 Records",
                                    "有问题 Flagged",
                                    "已纠正 Fixed",
                                    "已豁免 Waived",
                                    "未处理 Open",
                                    "抽查 Sample",
                                    "差错率 Error rate",
                                    "状态/轮次 State/round"),
                            new float[] {3f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1f, 1.1f, 2f},
                            List.of(List.of("甲镇卫生院", "76", "3", "1", "1", "1", "8", "0.00%", "已通过 第1轮")))
                    .toBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // a word cut over two lines would not come back whole
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Records", "Institution", "Flagged", "Waived", "Sample", "State/round", "甲镇卫生院");
        }
    }

    @Test
    void wordsAreTheHanCharactersAndTheSpaceSeparatedRuns() {
        assertThat(PrintedSheet.words("档案 Records of 2 boxes"))
                .containsExactly("档", "案", " ", "Records ", "of ", "2 ", "boxes");
    }

    @Test
    void aMissingFontIsNamed() {
        assertThatThrownBy(() -> new PrintedSheet(Path.of("/nonexistent/font.ttf")))
                .hasMessageContaining("/nonexistent/font.ttf")
                .hasMessageContaining("fonts-wqy-zenhei");
    }
}
