package org.dangan.workflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A node with neither recognition engine: empty directories as its PP-OCR models and as
 * Tesseract's tessdata (libtesseract stays loadable; the models are what it lacks).
 */
public final class NoOcrEngines {

    public static final Path MODELS = emptyDirectory("dangan-no-models-");
    public static final Path TESSDATA = emptyDirectory("dangan-no-tessdata-");

    private NoOcrEngines() {}

    /** For a test's {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry properties) {
        properties.add("dangan.ocr.models", MODELS::toString);
        properties.add("dangan.ocr.tessdata", TESSDATA::toString);
    }

    private static Path emptyDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
