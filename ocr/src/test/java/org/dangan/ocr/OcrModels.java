package org.dangan.ocr;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dangan.ocr.paddle.PaddleEngine;

/** The PP-OCR models the tests read with: installed by src/dev/ocr-models.sh (CI runs it), never skipped. */
final class OcrModels {

    static final Path DIR = Path.of(System.getProperty("dangan.ocr.models", "/usr/local/share/dangan/ocr-models"));

    private OcrModels() {}

    static PaddleEngine engine() {
        for (String file : new String[] {
            PaddleEngine.DETECTION, PaddleEngine.RECOGNITION, PaddleEngine.CLASSIFIER, PaddleEngine.KEYS
        }) {
            if (!Files.isReadable(DIR.resolve(file))) {
                fail("the PP-OCR model " + file + " is missing in " + DIR + ": run src/dev/ocr-models.sh");
            }
        }
        return new PaddleEngine(DIR);
    }
}
