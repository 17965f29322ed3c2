package org.dangan.workflow.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dangan.ocr.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Below which page confidence a recognised document goes to review. The engines' confidences are
 * on different scales: PP-OCR's is the mean probability of the characters it kept (clean pages
 * 98-100, pages with misread lines below the threshold), Tesseract's its word confidence (clean
 * pages 85-95). Calibrated on the test pages and degraded copies of them: see docs/ocr.md.
 */
@Component
class ReviewThreshold {

    private final float paddle;
    private final float tesseract;

    ReviewThreshold(
            @Value("${dangan.ocr.review-below:97}") float paddle,
            @Value("${dangan.ocr.tesseract.review-below:70}") float tesseract) {
        this.paddle = paddle;
        this.tesseract = tesseract;
    }

    float of(Engine engine) {
        return engine == Engine.PADDLE ? paddle : tesseract;
    }

    /**
     * The band of a confidence from {@code engine} (null: read before engines were recorded, or taken
     * from a born-digital text layer, on Tesseract's scale): PP-OCR's pages at the review threshold or
     * above are fair, two points above good, seven below doubtful; Tesseract's as before (90, 75, 60).
     */
    ConfidenceBand band(Engine engine, BigDecimal confidence) {
        if (confidence == null) {
            return null;
        }
        // judged as shown, in whole percent: 98.6 shows as 99% and must not be "fair" beside another 99% "good"
        double c = confidence.setScale(0, RoundingMode.HALF_UP).doubleValue();
        double[] limits =
                engine == Engine.PADDLE ? new double[] {paddle + 2, paddle, paddle - 7} : new double[] {90, 75, 60};
        return c >= limits[0]
                ? ConfidenceBand.GOOD
                : c >= limits[1] ? ConfidenceBand.FAIR : c >= limits[2] ? ConfidenceBand.DOUBTFUL : ConfidenceBand.POOR;
    }
}
