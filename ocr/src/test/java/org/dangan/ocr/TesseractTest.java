package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tesseract's availability on this machine (Debian's libtesseract and models, which the OCR tests
 * need anyway). A JVM without the library is tested in workflow's OcrWithoutTesseractTest, in a
 * JVM of its own: a library once loaded stays loaded.
 */
class TesseractTest {

    @Test
    void the_library_and_the_chinese_models_are_available() {
        assertThat(Tesseract.unavailable())
                .as("libtesseract (install tesseract-ocr)")
                .isEmpty();
        assertThat(Tesseract.unavailable(Tesseract.DEFAULT_DATA, "chi_sim+eng")).isEmpty();
    }

    @Test
    void a_tessdata_without_the_language_or_orientation_models_names_what_to_install(@TempDir Path empty) {
        assertThat(Tesseract.unavailable(empty, "chi_sim"))
                .contains("Tesseract has no model chi_sim in " + empty + ": install Debian's tesseract-ocr-chi-sim; "
                        + "Tesseract has no orientation model in " + empty + ": install Debian's tesseract-ocr-osd");
    }

    @Test
    void a_recognizer_on_such_a_tessdata_refuses_with_the_same_words(@TempDir Path empty) {
        Assertions.assertThatThrownBy(() -> new Recognizer(empty, "eng"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Tesseract has no model eng in " + empty);
    }
}
