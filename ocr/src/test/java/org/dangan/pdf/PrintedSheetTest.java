package org.dangan.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
            pdf = sheet.title("核查签字表 Sign-off sheet").line("盒号 Box: BX0000000001")
                    .table(List.of("档案编号", "姓名", "页数"), new float[] {3, 2, 1}, rows)
                    .signatureLines(List.of("核对人员 Checker")).toBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("核查签字表", "张三1", "张三120", "1301231012010012", "核对人员 Checker",
                    "共 " + doc.getNumberOfPages() + " 页");
            // the header row repeats on the second page
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(doc)).contains("档案编号", "姓名");
        }
    }

    @Test
    void aMissingFontIsNamed() {
        assertThatThrownBy(() -> new PrintedSheet(Path.of("/nonexistent/font.ttf")))
                .hasMessageContaining("/nonexistent/font.ttf").hasMessageContaining("fonts-wqy-zenhei");
    }
}
