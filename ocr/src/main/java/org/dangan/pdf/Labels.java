package org.dangan.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.Writer;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Sheets of adhesive labels for boxes and paper files, A4, in the common layouts: each label
 * carries the code as a QR code and as Code 128 (a hand scanner reads either, acting as a
 * keyboard) and a few lines of text. The font is embedded and the sheet is PDF/A-2b, as every
 * sheet the application prints.
 */
public final class Labels {

    private static final float MM = 72f / 25.4f;

    /** Label sheet layouts by their usual names: columns, rows, label size and the sheet's margins, in mm. */
    public enum Layout {
        /** 3 x 8 labels of 70 x 37 mm (A4 24-up, e.g. Avery 3474). */
        A4_24(3, 8, 70, 37, 0, 0.5f),
        /** 2 x 7 labels of 99.1 x 38.1 mm (A4 14-up, e.g. Avery L7163). */
        A4_14(2, 7, 99.1f, 38.1f, 4.65f, 15.15f),
        /** 2 x 4 labels of 99.1 x 67.7 mm (A4 8-up, e.g. Avery L7165): box ends. */
        A4_8(2, 4, 99.1f, 67.7f, 4.65f, 13.1f);

        final int columns;
        final int rows;
        final float width;
        final float height;
        final float left;
        final float top;

        Layout(int columns, int rows, float width, float height, float left, float top) {
            this.columns = columns;
            this.rows = rows;
            this.width = width;
            this.height = height;
            this.left = left;
            this.top = top;
        }

        public int perSheet() {
            return columns * rows;
        }
    }

    /** One label: the code its barcodes carry, and the lines printed beside them (the code first). */
    public record Label(String code, List<String> lines) {}

    private Labels() {}

    public static byte[] pdf(List<Label> labels, Layout layout, Path font) {
        return pdf(labels, layout, font, "标签 Labels");
    }

    /** The labels on as many sheets as they need; {@code title} names the document in its metadata. */
    public static byte[] pdf(List<Label> labels, Layout layout, Path font, String title) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
        try (PDDocument doc = new PDDocument();
                HanFont han = new HanFont(doc, font)) {
            PDPageContentStream content = null;
            for (int i = 0; i < labels.size(); i++) {
                int slot = i % layout.perSheet();
                if (slot == 0) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    content = new PDPageContentStream(doc, page);
                }
                float x = (layout.left + (slot % layout.columns) * layout.width) * MM;
                float top = PDRectangle.A4.getHeight() - (layout.top + (slot / layout.columns) * layout.height) * MM;
                draw(doc, content, han, labels.get(i), x, top, layout.width * MM, layout.height * MM);
            }
            content.close();
            Archival.declare(doc, title, Archival.now());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(
            PDDocument doc,
            PDPageContentStream c,
            HanFont han,
            Label label,
            float x,
            float top,
            float width,
            float height)
            throws IOException {
        float pad = 3 * MM;
        float barcodeHeight = Math.min(10 * MM, height * 0.3f);
        float qrSize = Math.min(height - barcodeHeight - 3 * pad, width * 0.4f);
        PDImageXObject qr = LosslessFactory.createFromImage(
                doc,
                MatrixToImageWriter.toBufferedImage(
                        matrix(new QRCodeWriter(), label.code(), BarcodeFormat.QR_CODE, 300, 300)));
        c.drawImage(qr, x + pad, top - pad - qrSize, qrSize, qrSize);
        PDImageXObject bars = LosslessFactory.createFromImage(
                doc,
                MatrixToImageWriter.toBufferedImage(
                        matrix(new Code128Writer(), label.code(), BarcodeFormat.CODE_128, 600, 80)));
        c.drawImage(bars, x + pad, top + pad - height + 1, width - 2 * pad, barcodeHeight);
        float textX = x + 2 * pad + qrSize;
        float lineY = top - pad - 10;
        float size = 9;
        for (String line : label.lines()) {
            if (lineY < top - height + barcodeHeight + pad) {
                break;
            }
            c.beginText();
            c.setFont(han.font(), size);
            c.newLineAtOffset(textX, lineY);
            c.showText(fit(han, line, size, x + width - pad - textX));
            c.endText();
            lineY -= size + 3;
            size = 8;
        }
    }

    /** Cuts a line that would run off the label. */
    private static String fit(HanFont han, String line, float size, float width) throws IOException {
        String text = line;
        while (!text.isEmpty() && han.font().getStringWidth(text) / 1000 * size > width) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static BitMatrix matrix(Writer writer, String code, BarcodeFormat format, int w, int h) {
        try {
            return writer.encode(
                    code, format, w, h, Map.of(EncodeHintType.MARGIN, format == BarcodeFormat.QR_CODE ? 1 : 4));
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode " + code + " as " + format + ": " + e.getMessage(), e);
        }
    }
}
