package org.dangan.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Test scans made here: Chinese report text rendered at 300 dpi in a Han font, as a scanner would
 * deliver it, turned or skewed on demand. The tests own their fixtures; the real pages in
 * ../shared/testdata/ocr are for the benchmark.
 */
final class Scans {

    static final List<String> REPORT = List.of(
            "石家庄市正定县诸福屯镇卫生院",
            "血常规检验报告单",
            "姓名：王秀英  性别：女  年龄：67岁",
            "白细胞计数 6.2 红细胞计数 4.5",
            "血红蛋白 132 血小板计数 210",
            "检验医师：李建国  报告日期：2024年5月6日");

    private Scans() {}

    static BufferedImage page(List<String> lines) {
        BufferedImage image = new BufferedImage(2480, 1400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, 58));
        int y = 200;
        for (String line : lines) {
            g.drawString(line, 200, y);
            y += 150;
        }
        g.dispose();
        return image;
    }

    static BufferedImage blank() {
        return page(List.of());
    }

    static Path png(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A scanned PDF: each image a page at 300 dpi, no text layer. */
    static Path pdf(List<BufferedImage> pages, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 300, image.getHeight() * 72f / 300));
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.drawImage(
                            LosslessFactory.createFromImage(doc, image),
                            0,
                            0,
                            page.getMediaBox().getWidth(),
                            page.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * Characters of the expected text missing from the recognised text, as a share (order ignored),
     * after NFKC (Tesseract writes the ASCII colon for the full-width one) as the baseline does.
     */
    static double missing(String expected, String found) {
        String want = Normalizer.normalize(expected, Normalizer.Form.NFKC).replaceAll("\\s", "");
        String got = Normalizer.normalize(found, Normalizer.Form.NFKC).replaceAll("\\s", "");
        Map<Integer, Integer> counts = new HashMap<>();
        got.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int missing = 0;
        for (int c : want.codePoints().toArray()) {
            if (counts.getOrDefault(c, 0) > 0) {
                counts.merge(c, -1, Integer::sum);
            } else {
                missing++;
            }
        }
        return (double) missing / want.codePointCount(0, want.length());
    }
}
