package org.dangan.ui.document;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.dangan.ocr.TextBox;

/**
 * Marks a search's terms on a page: over the page image, where the recognised lines hold them
 * (a term's place in its line gives its place in the line's box: Tesseract's boxes are reliable
 * for lines, not for single Han characters), and in the page text.
 */
final class PageHighlights {

    private PageHighlights() {}

    /** The PNG with a translucent mark over each term; {@code scale} takes box pixels to image pixels. */
    static byte[] mark(byte[] png, List<TextBox> lines, List<String> terms, double scale) {
        try {
            BufferedImage gray = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage page = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = page.createGraphics();
            g.drawImage(gray, 0, 0, null);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.4f));
            g.setColor(new Color(255, 210, 0));
            for (TextBox line : lines) {
                String text = line.text();
                for (String term : terms) {
                    for (int at = text.indexOf(term);
                            at >= 0 && !term.isEmpty();
                            at = text.indexOf(term, at + term.length())) {
                        double x = line.x() + (double) line.width() * at / text.length();
                        double w = (double) line.width() * term.length() / text.length();
                        g.fillRect((int) (x * scale), (int) (line.y() * scale), (int) Math.ceil(w * scale), (int)
                                Math.ceil(line.height() * scale));
                    }
                }
            }
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, HTML-escaped, with each term in {@code <mark>} and lines kept. */
    static String markText(String text, List<String> terms) {
        String html = escape(text);
        for (String term : terms) {
            if (!term.isBlank()) {
                html = html.replace(escape(term), "\u0001" + escape(term) + "\u0002");
            }
        }
        return "<div class=\"page-text-marked\" style=\"white-space: pre-wrap\">"
                + html.replace("\u0001", "<mark>").replace("\u0002", "</mark>") + "</div>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
