package org.dangan.workflow.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.assessment.Figure;
import org.dangan.workflow.assessment.IndicatorComputation;
import org.dangan.workflow.assessment.IndicatorReport;
import org.dangan.workflow.assessment.IndicatorSnapshots;
import org.dangan.workflow.assessment.IndicatorTargets;
import org.dangan.workflow.assessment.IndicatorWorkbook;
import org.dangan.workflow.assessment.Populations;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment's indicators: compute now, read an institution's latest figures, the table as a
 * workbook, and the resident population the record rate divides by. Who may do what, and over
 * which institutions, is decided by the services.
 */
@RestController
class IndicatorController {

    private final IndicatorComputation computation;
    private final IndicatorSnapshots snapshots;
    private final IndicatorWorkbook workbook;
    private final Populations populations;
    private final IndicatorReport report;
    private final IndicatorTargets targets;

    IndicatorController(
            IndicatorComputation computation,
            IndicatorSnapshots snapshots,
            IndicatorWorkbook workbook,
            Populations populations,
            IndicatorReport report,
            IndicatorTargets targets) {
        this.computation = computation;
        this.snapshots = snapshots;
        this.workbook = workbook;
        this.populations = populations;
        this.report = report;
        this.targets = targets;
    }

    record Computed(long snapshot, LocalDate computedOn, Instant computedAt, int institutions) {}

    /** Computes before it answers, so a read right after sees the new figures. */
    @PostMapping("/api/indicators/compute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Computed compute() {
        IndicatorComputation.Snapshot s = computation.computeNow();
        return new Computed(s.id(), s.computedOn(), s.computedAt(), s.institutions());
    }

    record Counted(long numerator, Long denominator, Double rate) {

        static Counted of(Figure f) {
            return new Counted(f.numerator(), f.denominator(), f.rate());
        }
    }

    record Figures(
            String institution,
            String name,
            Instant computedAt,
            Map<String, Double> indicators,
            Map<String, Counted> figures) {}

    @GetMapping("/api/indicators")
    Figures read(@RequestParam(required = false) String institution) {
        IndicatorSnapshots.Row row = snapshots.of(institution);
        Map<String, Counted> figures = new LinkedHashMap<>();
        row.figures().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> figures.put(e.getKey(), Counted.of(e.getValue())));
        return new Figures(row.code(), row.name(), row.computedAt(), row.headline(), figures);
    }

    @GetMapping("/api/indicators.xlsx")
    void xlsx(@RequestParam(required = false) String institution, HttpServletResponse response) throws IOException {
        // resolved before the first byte, so a refusal is still a JSON answer and not half a file
        IndicatorSnapshots.Row row = snapshots.of(institution);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", attachment(row, "xlsx"));
        workbook.write(row.code(), response.getOutputStream());
    }

    @GetMapping(value = "/api/indicators.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String institution) {
        IndicatorSnapshots.Row row = snapshots.of(institution);
        return ResponseEntity.ok()
                .header("Content-Disposition", attachment(row, "pdf"))
                .body(report.pdf(row.code()));
    }

    /**
     * The Chinese name for browsers (RFC 6266 {@code filename*}) and a plain ASCII one for tools
     * that read only {@code filename}; Spring's own fallback is an encoded word they save as is.
     */
    private static String attachment(IndicatorSnapshots.Row row, String extension) {
        String ascii = "indicators-" + row.code() + "-"
                + (row.computedOn() == null ? "none" : row.computedOn().toString()) + "." + extension;
        String utf8 = ContentDisposition.attachment()
                .filename(row.fileName(extension), StandardCharsets.UTF_8)
                .build()
                .toString();
        return "attachment; filename=\"" + ascii + "\"; " + utf8.substring(utf8.indexOf("filename*="));
    }

    record TargetEntry(String institution, String figure, Double green, Double amber) {}

    record Targets(List<IndicatorTargets.Applied> items) {}

    @GetMapping("/api/indicator-targets")
    Targets targets(@RequestParam(required = false) String institution) {
        return new Targets(targets.at(snapshots.institution(institution).getCode()));
    }

    @PutMapping("/api/indicator-targets")
    IndicatorTargets.Applied setTarget(@RequestBody TargetEntry entry) {
        return targets.put(entry.institution(), entry.figure(), entry.green(), entry.amber());
    }

    /** Numbers as written, so that 1900.5 people is refused rather than cut to 1900. */
    record PopulationEntry(String institution, BigDecimal year, BigDecimal population) {}

    record Populated(List<Populations.Entry> items) {}

    @GetMapping("/api/populations")
    Populated populations() {
        return new Populated(populations.list());
    }

    @PutMapping("/api/populations")
    Populations.Entry enter(@RequestBody PopulationEntry entry) {
        return populations.enter(
                entry.institution(),
                (int) Math.max(-1, Math.min(whole(entry.year()), 9999)),
                whole(entry.population()));
    }

    @DeleteMapping("/api/populations")
    Populations.Entry remove(@RequestParam String institution, @RequestParam int year) {
        return populations.remove(institution, year);
    }

    /** A whole number within long's range; anything else (a fraction, 1e30, nothing) becomes 0, which the checks refuse. */
    private static long whole(BigDecimal n) {
        if (n == null || n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            return 0;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return 0;
        }
    }
}
