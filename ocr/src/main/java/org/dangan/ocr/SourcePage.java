package org.dangan.ocr;

import java.awt.image.BufferedImage;

/**
 * One page of an input document: its image, the scan's resolution (0 when the file does not say),
 * and the page's own text when the document was born digital (else null).
 */
public record SourcePage(int number, BufferedImage image, int dpi, String textLayer) {
}
