package org.dangan.workflow.document;

import java.nio.file.Path;
import org.dangan.ocr.Engine;
import org.dangan.ocr.OcrPipeline;
import org.dangan.ocr.Recognizer;
import org.dangan.ocr.paddle.PaddleEngine;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.registry.DocumentType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The recognition pipeline of the application: one bounded pool (a thread per core unless
 * {@code dangan.ocr.threads} says otherwise) shared by all documents, and the languages per
 * document type ({@code dangan.ocr.languages.<TYPE>}, else {@code dangan.ocr.languages.default},
 * chi_sim: adding eng made Chinese pages worse and slower when measured).
 */
@Configuration
class OcrConfiguration {

    @Bean(destroyMethod = "close")
    OcrPipeline ocrPipeline(
            @Value("${dangan.ocr.tessdata:}") String tessdata,
            PdfFont font,
            @Value("${dangan.ocr.threads:0}") int threads,
            @Value("${dangan.ocr.max-pages:500}") int maxPages,
            @Value("${dangan.ocr.max-pixels-per-page:100000000}") long maxPixelsPerPage,
            OcrAvailability availability) {
        // only on checked models (OcrAvailability said why not, else); a session that still cannot
        // start leaves the node to Tesseract, and health says so
        PaddleEngine paddle = null;
        if (availability.paddle().available()) {
            try {
                paddle = new PaddleEngine(availability.paddle().models());
            } catch (RuntimeException e) {
                availability.paddleFailed(e.getMessage());
            }
        }
        return new OcrPipeline(
                tessdata.isBlank() ? Recognizer.DEFAULT_DATA : Path.of(tessdata),
                font.path(),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                new OcrPipeline.Limits(maxPages, maxPixelsPerPage),
                paddle);
    }

    @Bean
    OcrEngines ocrEngines(Environment environment) {
        OcrEngines engines = type -> Engine.of(environment.getProperty(
                "dangan.ocr.engine." + type.name(), environment.getProperty("dangan.ocr.engine", "paddle")));
        // a mistyped setting stops the start, naming itself, rather than failing every scan later
        for (DocumentType type : DocumentType.values()) {
            try {
                engines.of(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "dangan.ocr.engine (or dangan.ocr.engine." + type.name() + "): " + e.getMessage(), e);
            }
        }
        return engines;
    }

    /**
     * The engine to read a document type with: {@code dangan.ocr.engine.<TYPE>}, else
     * {@code dangan.ocr.engine} ({@code paddle} or {@code tesseract}), else PP-OCR, the engine that
     * read the test pages with fewer errors (docs/benchmarks.md). Without its models a node reads with
     * Tesseract ({@link OcrPipeline#engineFor}).
     */
    @FunctionalInterface
    interface OcrEngines {
        Engine of(DocumentType type);
    }

    @Bean
    OcrLanguages ocrLanguages(Environment environment) {
        return type -> environment.getProperty(
                "dangan.ocr.languages." + type.name(),
                environment.getProperty("dangan.ocr.languages.default", "chi_sim"));
    }

    /** The Tesseract languages to read a document type with, e.g. "chi_sim" or "chi_sim+eng". */
    @FunctionalInterface
    interface OcrLanguages {
        String of(DocumentType type);
    }
}
