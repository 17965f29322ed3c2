package org.dangan.ocr;

import java.awt.image.BufferedImage;

/**
 * One page of an input document: its image, the scan's resolution (0 when the file does not say),
 * and the page's own text when the document was born digital (else null). {@code kept} is the
 * image of the kind the searchable PDF keeps (colour, gray, 1-bit): the image itself for a scanned
 * image file; for a PDF page, rendered in colour or thresholded to 1-bit when its images are.
 */
public record SourcePage(int number, BufferedImage image, int dpi, String textLayer, BufferedImage kept) {

    public SourcePage(int number, BufferedImage image, int dpi, String textLayer) {
        this(number, image, dpi, textLayer, image);
    }
}
