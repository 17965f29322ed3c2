package org.dangan.workflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.dangan.ocr.Engine;
import org.dangan.workflow.registry.DocumentType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The engine per document type and the review threshold per engine, as the settings give them. */
class OcrSettingsTest {

    @Test
    void the_engine_is_pp_ocr_unless_the_settings_say_otherwise_per_type_or_for_all() {
        var none = new OcrConfiguration().ocrEngines(new MockEnvironment());
        assertThat(none.of(DocumentType.AUX_EXAM_REPORT)).isEqualTo(Engine.PADDLE);

        var some = new OcrConfiguration()
                .ocrEngines(new MockEnvironment()
                        .withProperty("dangan.ocr.engine", "tesseract")
                        .withProperty("dangan.ocr.engine.AUX_EXAM_REPORT", "Paddle"));
        assertThat(some.of(DocumentType.AUX_EXAM_REPORT)).isEqualTo(Engine.PADDLE);
        assertThat(some.of(DocumentType.SEVERE_MENTAL_DISORDER)).isEqualTo(Engine.TESSERACT);

        // a mistyped setting stops the start, naming the setting
        assertThatThrownBy(() -> new OcrConfiguration()
                        .ocrEngines(new MockEnvironment().withProperty("dangan.ocr.engine.CONSENT", "cuneiform")))
                .hasMessageContaining("dangan.ocr.engine.CONSENT")
                .hasMessageContaining("paddle or tesseract");
    }

    @Test
    void each_engine_is_judged_on_its_own_scale() {
        ReviewThreshold threshold = new ReviewThreshold(97, 70);
        assertThat(threshold.of(Engine.PADDLE)).isEqualTo(97);
        assertThat(threshold.of(Engine.TESSERACT)).isEqualTo(70);
        // 95 is a doubtful page from PP-OCR (a line or two misread) and a good one from Tesseract
        assertThat(threshold.band(Engine.PADDLE, new BigDecimal("95.5"))).isEqualTo(ConfidenceBand.DOUBTFUL);
        assertThat(threshold.band(Engine.TESSERACT, new BigDecimal("95.5"))).isEqualTo(ConfidenceBand.GOOD);
        assertThat(threshold.band(Engine.PADDLE, new BigDecimal("99.4"))).isEqualTo(ConfidenceBand.GOOD);
        assertThat(threshold.band(Engine.PADDLE, new BigDecimal("97.0"))).isEqualTo(ConfidenceBand.FAIR);
        // judged as shown: 98.6 shows as 99%, good like every other 99%
        assertThat(threshold.band(Engine.PADDLE, new BigDecimal("98.6"))).isEqualTo(ConfidenceBand.GOOD);
        assertThat(threshold.band(Engine.PADDLE, new BigDecimal("60"))).isEqualTo(ConfidenceBand.POOR);
        assertThat(threshold.band(null, new BigDecimal("80"))).isEqualTo(ConfidenceBand.FAIR);
        assertThat(threshold.band(Engine.PADDLE, null)).isNull();
    }
}
