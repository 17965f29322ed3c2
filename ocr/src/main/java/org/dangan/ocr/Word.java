package org.dangan.ocr;

/**
 * A run of recognised text (a line, as Tesseract segments it) and its box on the page image, in
 * pixels from the top left; the text layer of the searchable PDF is laid out from these.
 */
public record Word(String text, int x, int y, int width, int height, float confidence) {
}
