package org.dangan.ocr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.dangan.pdf.HanFont;

/**
 * Separator sheets (分隔页): a printed page with a QR code carrying a record number and a
 * document type, laid in front of each document of a stack before it is scanned in one go. The
 * QR code says "DANGAN-SEP:<record number>:<document type>"; the record number is printed beside
 * it for people. Reading finds the code on a scanned page, whatever its orientation.
 */
public final class SeparatorSheet {

    public static final String PREFIX = "DANGAN-SEP:";

    public record Target(String recordNumber, String documentType) {

        public Target {
            if (recordNumber == null || !recordNumber.matches("\\d{17}")) {
                throw new IllegalArgumentException("a separator sheet needs a 17-digit record number: " + recordNumber);
            }
            if (documentType == null || !documentType.matches("[A-Z_]+")) {
                throw new IllegalArgumentException("a separator sheet needs a document type code: " + documentType);
            }
        }

        String code() {
            return PREFIX + recordNumber + ":" + documentType;
        }
    }

    private SeparatorSheet() {}

    /** One A4 sheet per target, as a PDF to print, the document type printed by its code. */
    public static byte[] pdf(List<Target> targets, Path font) {
        return pdf(targets, font, code -> code);
    }

    /**
     * One A4 sheet per target; {@code typeName} gives the document type as the people at the scanner
     * read it (the QR code keeps the code, which the scan station reads).
     */
    public static byte[] pdf(List<Target> targets, Path font, UnaryOperator<String> typeName) {
        try (PDDocument doc = new PDDocument();
                HanFont han = new HanFont(doc, font)) {
            for (Target t : targets) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                BufferedImage qr = MatrixToImageWriter.toBufferedImage(new QRCodeWriter()
                        .encode(t.code(), BarcodeFormat.QR_CODE, 600, 600, Map.of(EncodeHintType.MARGIN, 2)));
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.drawImage(LosslessFactory.createFromImage(doc, qr), 150, 380, 300, 300);
                    c.beginText();
                    c.setFont(han.font(), 28);
                    c.newLineAtOffset(150, 730);
                    c.showText("分隔页 Separator sheet");
                    c.endText();
                    c.beginText();
                    c.setFont(han.font(), 18);
                    c.newLineAtOffset(150, 340);
                    c.showText("档案编号 " + t.recordNumber());
                    c.newLineAtOffset(0, -26);
                    c.showText("文件类型 " + typeName.apply(t.documentType()));
                    c.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The target of a scanned separator sheet, or empty when the page is none. The page is looked at
     * reduced first (fast, and a QR code of this size reads best so), then at full size and with a
     * global threshold, as real scans vary in contrast and noise: a sheet that goes unseen merges
     * two records' documents into one.
     */
    public static Optional<Target> read(BufferedImage page) {
        BufferedImage small = page;
        if (page.getWidth() > 1400) {
            int h = page.getHeight() * 1400 / page.getWidth();
            small = new BufferedImage(1400, h, BufferedImage.TYPE_BYTE_GRAY);
            // drawn from the BufferedImage itself: getScaledInstance's image is produced asynchronously
            // and may not be complete when drawn
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, 1400, h, null);
            g.dispose();
        }
        for (BufferedImage image : small == page ? List.of(page) : List.of(small, page)) {
            BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
            for (BinaryBitmap bitmap : List.of(
                    new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                Optional<String> text = decode(bitmap);
                if (text.isPresent()) {
                    return target(text.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(BinaryBitmap bitmap) {
        try {
            return Optional.of(new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (NotFoundException | ChecksumException | FormatException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Target> target(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split(":");
        return parts.length == 2 ? Optional.of(new Target(parts[0], parts[1])) : Optional.empty();
    }
}
