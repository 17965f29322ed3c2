package org.dangan.ocr;

import java.util.List;

/**
 * What recognition found on one page: the text (Han-character spacing removed), its lines and its
 * words with their boxes (the text layer of the searchable PDF is laid out by lines, which
 * Tesseract boxes reliably; words serve to point at a match on the page), the mean confidence (0-100), the clockwise rotation that made the page upright (0,
 * 90, 180, 270), and how long it took. {@code fromTextLayer} marks a born-digital page whose own
 * text was taken instead of OCR.
 */
public record PageText(
        String text,
        List<TextBox> lines,
        List<TextBox> words,
        float meanConfidence,
        int rotation,
        long millis,
        boolean fromTextLayer) {

    public PageText {
        lines = List.copyOf(lines);
        words = List.copyOf(words);
    }
}
