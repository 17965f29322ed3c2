package org.dangan.ui.home;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dangan.ui.document.DocumentsView;
import org.dangan.workflow.document.DocumentState;
import org.dangan.workflow.platform.ChinaTime;

/** For those who scan and search: pages recognised per day, and the documents still on their way. */
public class ScanningCard extends Card {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    public ScanningCard(
            Map<LocalDate, Long> pagesPerDay,
            Map<DocumentState, Long> backlog,
            SvgCharts charts,
            AccessAnnotationChecker access) {
        super("home-scanning");
        heading(getTranslation("home.scanning.title"));
        long total = pagesPerDay.values().stream().mapToLong(Long::longValue).sum();
        Map.Entry<LocalDate, Long> busiest = pagesPerDay.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElse(Map.entry(LocalDate.now(ChinaTime.ZONE), 0L));
        String description = total == 0
                ? getTranslation("home.scanning.desc.none", pagesPerDay.size())
                : getTranslation(
                        "home.scanning.desc",
                        pagesPerDay.size(),
                        total,
                        busiest.getKey().toString(),
                        busiest.getValue());
        List<String> days = pagesPerDay.keySet().stream().map(DAY::format).toList();
        var figures = row();
        backlog.forEach((state, count) -> figures.add(Card.figure(
                "home-backlog-" + state.name().toLowerCase(),
                getTranslation("home.scanning.documents", count),
                getTranslation("home.scanning.backlog." + state.name()),
                state == DocumentState.FAILED && count > 0)));
        figures.getStyle().set("flex", "1 1 260px").set("align-content", "flex-start");
        add(row(
                Card.chart(
                        "home-pages-per-day",
                        charts.bars(
                                getTranslation("home.scanning.chart", pagesPerDay.size()),
                                description,
                                getTranslation("home.scanning.axis"),
                                getTranslation("home.scanning.series"),
                                days,
                                List.copyOf(pagesPerDay.values()))),
                figures));
        if (total == 0) {
            // an empty chart looks broken: say that electronic originals and handed-over scans need no recognition
            Paragraph none = new Paragraph(getTranslation("home.scanning.none", pagesPerDay.size()));
            none.setId("home-pages-none");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            add(none);
        }
        link(access, "home-documents-link", getTranslation("home.scanning.link"), DocumentsView.class);
    }
}
