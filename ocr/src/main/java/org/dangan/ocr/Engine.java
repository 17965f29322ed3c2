package org.dangan.ocr;

/**
 * The recognition engines a node may have: PaddleOCR's PP-OCRv4 models on ONNX Runtime (reads
 * Chinese with two to eight times fewer errors on the test pages, docs/benchmarks.md) and Tesseract
 * (Debian's libtesseract, languages by its traineddata). Settings name them in lower case.
 */
public enum Engine {
    PADDLE,
    TESSERACT;

    public static Engine of(String setting) {
        for (Engine e : values()) {
            if (e.name().equalsIgnoreCase(setting.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown OCR engine '" + setting + "': paddle or tesseract");
    }
}
