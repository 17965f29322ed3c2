package org.dangan.ocr;

import java.util.List;

/**
 * What recognition found on one page: the text (Han-character spacing removed), the words with
 * their boxes, the mean confidence (0-100), the clockwise rotation that made the page upright (0,
 * 90, 180, 270), and how long it took. {@code fromTextLayer} marks a born-digital page whose own
 * text was taken instead of OCR.
 */
public record PageText(String text, List<Word> words, float meanConfidence, int rotation, long millis,
                       boolean fromTextLayer) {

    public PageText {
        words = List.copyOf(words);
    }
}
