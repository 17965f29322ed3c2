package org.dangan.ocr;

/**
 * A run of recognised text (a line or a word, as Tesseract segments the page) and its box on the
 * page image, in pixels from the top left, with Tesseract's confidence (0-100).
 */
public record TextBox(String text, int x, int y, int width, int height, float confidence) {}
