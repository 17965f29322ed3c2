package org.dangan.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dangan.ocr.PdfA;
import org.junit.jupiter.api.Test;

/** Label sheets: as many pages as the layout needs, the text on them, and barcodes a scanner reads back. */
class LabelsTest {

    private static List<Labels.Label> boxes(int n) {
        List<Labels.Label> labels = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            labels.add(new Labels.Label("B%08d".formatted(i), List.of("B%08d".formatted(i), "诸福屯镇卫生院", "档案室 / 1号架")));
        }
        return labels;
    }

    @Test
    void twenty_six_labels_fill_one_sheet_of_twenty_four_and_start_another_with_their_text() throws Exception {
        byte[] pdf = Labels.pdf(boxes(26), Labels.Layout.A4_24, PrintedSheet.DEFAULT_FONT);
        assertThat(PdfA.violations(pdf)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("B00000001", "B00000026", "诸福屯镇卫生院", "档案室 / 1号架");
        }
    }

    @Test
    void a_scanner_reads_the_qr_code_and_the_code_128_of_every_label() throws Exception {
        Labels.Layout layout = Labels.Layout.A4_8;
        byte[] pdf = Labels.pdf(boxes(4), layout, PrintedSheet.DEFAULT_FONT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            double px = 300 / 25.4;
            for (int slot = 0; slot < 4; slot++) {
                // each label as a hand scanner sees it: its own rectangle of the sheet
                BufferedImage label = page.getSubimage(
                        (int) ((layout.left + slot % layout.columns * layout.width) * px),
                        (int) ((layout.top + slot / layout.columns * layout.height) * px),
                        (int) (layout.width * px),
                        (int) (layout.height * px));
                String expected = "B%08d".formatted(slot + 1);
                for (BarcodeFormat format : List.of(BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128)) {
                    Result read = new MultiFormatReader()
                            .decode(
                                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(label))),
                                    Map.of(
                                            DecodeHintType.TRY_HARDER,
                                            Boolean.TRUE,
                                            DecodeHintType.POSSIBLE_FORMATS,
                                            List.of(format)));
                    assertThat(read.getText())
                            .as(format + " of label " + (slot + 1))
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void nothing_to_print_is_refused() {
        assertThatThrownBy(() -> Labels.pdf(List.of(), Labels.Layout.A4_24, PrintedSheet.DEFAULT_FONT))
                .hasMessageContaining("no labels");
    }
}
