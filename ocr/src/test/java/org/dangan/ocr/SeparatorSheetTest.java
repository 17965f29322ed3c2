package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeparatorSheetTest {

    @TempDir
    Path dir;

    static final SeparatorSheet.Target A = new SeparatorSheet.Target("13012310120100001", "AUX_EXAM_REPORT");
    static final SeparatorSheet.Target B = new SeparatorSheet.Target("13012310220100002", "SEVERE_MENTAL_DISORDER");

    /** The printed sheets as a scanner would deliver them: rendered at 300 dpi. */
    private static List<BufferedImage> printedAndScanned(List<SeparatorSheet.Target> targets) throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(SeparatorSheet.pdf(targets, PrintedSheet.DEFAULT_FONT))) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pages.add(new PDFRenderer(doc).renderImageWithDPI(i, 300, ImageType.GRAY));
            }
        }
        return pages;
    }

    @Test
    void a_printed_sheet_is_read_back_even_upside_down_and_an_ordinary_page_is_none() throws Exception {
        BufferedImage sheet = printedAndScanned(List.of(A)).get(0);
        assertThat(SeparatorSheet.read(sheet)).contains(A);
        assertThat(SeparatorSheet.read(Images.rotate(sheet, 180))).contains(A);
        assertThat(SeparatorSheet.read(Scans.page(Scans.REPORT))).isEmpty();
        assertThatThrownBy(() -> new SeparatorSheet.Target("123", "X")).hasMessageContaining("17-digit");
    }

    @Test
    void a_stack_is_split_at_its_sheets_into_one_part_per_record() throws Exception {
        List<BufferedImage> sheets = printedAndScanned(List.of(A, B));
        BufferedImage report = Scans.page(Scans.REPORT);
        Path stack =
                Scans.pdf(List.of(report, sheets.get(0), report, report, sheets.get(1), report), dir.resolve("s.pdf"));

        ScanSplitter.Split split = ScanSplitter.split(stack, dir);

        assertThat(split.unassignedPages()).isEqualTo(1);
        assertThat(split.parts()).extracting(ScanSplitter.Part::target).containsExactly(A, B);
        assertThat(split.parts())
                .extracting(p -> p.lastPage() - p.firstPage() + 1)
                .containsExactly(2, 1);
        try (PDDocument first = Loader.loadPDF(split.parts().get(0).pdf().toFile())) {
            assertThat(first.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(Files.exists(split.parts().get(1).pdf())).isTrue();
    }
}
