package org.dangan.workflow.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's table as a printed report (PDF/A-2b, A4): the institution and each one below it
 * with its managed records and headline rates, the day of the figures, the work plan's milestones
 * and lines to sign. A county files it as the record of what it reported upward.
 */
@Service
public class IndicatorReport {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final IndicatorSnapshots snapshots;
    private final Milestones milestones;
    private final PdfFont font;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    IndicatorReport(
            IndicatorSnapshots snapshots,
            Milestones milestones,
            PdfFont font,
            MessageSource messages,
            AuditLog audit,
            Clock clock) {
        this.snapshots = snapshots;
        this.milestones = milestones;
        this.font = font;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public byte[] pdf(String institutionCode) {
        Institution top = snapshots.institution(institutionCode);
        List<IndicatorSnapshots.Row> rows = snapshots.subtree(top.getCode());
        audit.record(
                AuditAction.INDICATORS_EXPORTED, "INSTITUTION", top.getCode(), top.getId(), rows.size() + " rows, pdf");
        List<String> headers = new ArrayList<>(List.of(
                text("indicators.column.name"),
                text("indicators.column.population"),
                text("indicators.column.records")));
        for (Indicator i : Indicator.values()) {
            headers.add(text("Indicator." + i.name()));
        }
        float[] weights = new float[headers.size()];
        weights[0] = 3f;
        for (int i = 1; i < weights.length; i++) {
            weights[i] = 1.1f;
        }
        List<List<String>> table = new ArrayList<>();
        boolean check = false;
        for (IndicatorSnapshots.Row row : rows) {
            List<String> line = new ArrayList<>();
            line.add("　".repeat(row.depth()) + row.name());
            Figure population = row.figures().get(IndicatorComputation.POPULATION);
            line.add(population == null ? "—" : String.format("%,d", population.numerator()));
            line.add(String.format(
                    "%,d", row.figure(IndicatorComputation.RECORDS).numerator()));
            for (Indicator i : Indicator.values()) {
                Double rate = row.rate(i);
                if (rate != null && rate > 1) {
                    check = true;
                }
                line.add(rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100) + (rate > 1 ? "*" : ""));
            }
            table.add(line);
        }
        List<List<String>> plan = milestones.of(top.getCode()).stream()
                .map(m -> List.of(
                        m.institutionName(),
                        text("MilestoneKind." + m.kind().name()),
                        ChinaTime.day(m.dueOn()),
                        m.markedByHand()
                                ? text("milestones.markedByHand")
                                : text("MilestoneState." + m.state().name()),
                        m.reachedOn() == null ? "" : ChinaTime.day(m.reachedOn())))
                .toList();
        String computed = rows.isEmpty() || rows.get(0).computedAt() == null
                ? text("indicators.computedNever")
                : text(
                        "indicators.report.computed",
                        ChinaTime.minute(rows.get(0).computedAt()));
        try (PrintedSheet sheet = font.sheet()) {
            sheet.title(text("indicators.report.title", top.getName()))
                    .line(computed)
                    .line(text("indicators.report.printed", ChinaTime.day(ChinaTime.today(clock))))
                    .gap()
                    .table(headers, weights, table);
            if (check) {
                sheet.line(text("indicators.report.check"));
            }
            if (!plan.isEmpty()) {
                sheet.gap()
                        .line(text("milestones.heading"))
                        .gap()
                        .table(
                                List.of(
                                        text("indicators.column.name"),
                                        text("milestones.kind"),
                                        text("milestones.dueOn"),
                                        text("milestones.state"),
                                        text("milestones.reachedOn")),
                                new float[] {3f, 1.6f, 1.3f, 1f, 1.3f},
                                plan);
            }
            return sheet.gap()
                    .signatureLines(List.of(text("indicators.report.preparedBy"), text("indicators.report.approvedBy")))
                    .toBytes();
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }
}
