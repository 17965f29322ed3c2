package org.dangan.workflow.document;

/**
 * What a recognition confidence means to a reader, on the scale of the engine that read the page:
 * good, fair, doubtful (check it), poor (check every character). Screens show the band, not only
 * the figure, because 95 is doubtful from PP-OCR and good from Tesseract.
 */
public enum ConfidenceBand {
    GOOD,
    FAIR,
    DOUBTFUL,
    POOR,
    /** A person checked and corrected the text: the recognition's figure no longer says how good it is. */
    REVIEWED
}
