package org.dangan.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.dangan.ui.verification.CampaignsView;
import org.dangan.workflow.verification.CampaignFigures.InstitutionFigures;
import org.dangan.workflow.verification.CampaignFigures.OpenCampaign;

/**
 * For those who follow campaigns: per open campaign the days to its deadline, each institution's
 * findings (fixed, waived, open) as stacked bars, and the judged sample error rates against the
 * threshold.
 */
public class CampaignsCard extends Card {

    public CampaignsCard(List<OpenCampaign> campaigns, SvgCharts charts, AccessAnnotationChecker access) {
        super("home-campaigns");
        heading(getTranslation("home.campaigns.title"));
        if (campaigns.isEmpty()) {
            add(new Paragraph(getTranslation("home.campaigns.none")));
        }
        for (OpenCampaign c : campaigns) {
            H4 heading = new H4(getTranslation(
                    "home.campaigns.heading",
                    Long.toString(c.id()),
                    getTranslation("campaignState." + c.state().name())));
            heading.getStyle().set("margin", "var(--lumo-space-s) 0 0");
            Paragraph deadline = new Paragraph(
                    c.daysLeft() >= 0
                            ? getTranslation("home.campaigns.left", c.deadline().toString(), c.daysLeft())
                            : getTranslation(
                                    "home.campaigns.overdue", c.deadline().toString(), -c.daysLeft()));
            deadline.setId("home-campaign-" + c.id() + "-deadline");
            deadline.getStyle()
                    .set("margin", "0")
                    .set(
                            "color",
                            c.daysLeft() < 0 ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
            add(
                    heading,
                    deadline,
                    row(Card.chart("home-campaign-" + c.id() + "-findings", findings(c, charts)), rates(c, charts)));
        }
        link(access, "home-campaigns-link", getTranslation("home.campaigns.link"), CampaignsView.class);
    }

    private String findings(OpenCampaign c, SvgCharts charts) {
        List<InstitutionFigures> rows = c.institutions();
        String description = rows.stream()
                .map(i -> getTranslation("home.campaigns.findings.row", i.name(), i.fixed(), i.waived(), i.open()))
                .collect(Collectors.joining("；"));
        return charts.stackedBars(
                getTranslation("home.campaigns.findings.title", Long.toString(c.id())),
                description,
                getTranslation("home.campaigns.findings.axis"),
                rows.stream().map(InstitutionFigures::name).toList(),
                List.of(
                        new SvgCharts.Series(
                                getTranslation("home.campaigns.fixed"),
                                SvgCharts.FIXED,
                                rows.stream().map(InstitutionFigures::fixed).toList()),
                        new SvgCharts.Series(
                                getTranslation("home.campaigns.waived"),
                                SvgCharts.WAIVED,
                                rows.stream().map(InstitutionFigures::waived).toList()),
                        new SvgCharts.Series(
                                getTranslation("home.campaigns.open"),
                                SvgCharts.OPEN,
                                rows.stream().map(InstitutionFigures::open).toList())));
    }

    private Component rates(OpenCampaign c, SvgCharts charts) {
        List<InstitutionFigures> judged = c.institutions().stream()
                .filter(InstitutionFigures::sampleJudged)
                .toList();
        if (judged.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("home.campaigns.rates.none"));
            none.setId("home-campaign-" + c.id() + "-rates");
            none.getStyle().set("flex", "1 1 420px");
            return none;
        }
        String description = judged.stream()
                .map(i -> getTranslation(
                        "home.campaigns.rates.row",
                        i.name(),
                        i.sampleSize(),
                        i.sampleFailures(),
                        percent(i.sampleErrorRate()),
                        percent(i.maxErrorRate())))
                .collect(Collectors.joining("；"));
        return Card.chart(
                "home-campaign-" + c.id() + "-rates",
                charts.barsAgainstLimit(
                        getTranslation("home.campaigns.rates.title", Long.toString(c.id())),
                        description,
                        getTranslation("home.campaigns.rates.axis"),
                        getTranslation("home.campaigns.rates.series"),
                        judged.stream().map(InstitutionFigures::name).toList(),
                        judged.stream().map(i -> hundred(i.sampleErrorRate())).toList(),
                        getTranslation("home.campaigns.rates.limit"),
                        judged.stream().map(i -> hundred(i.maxErrorRate())).toList()));
    }

    private static double hundred(BigDecimal rate) {
        return rate.doubleValue() * 100;
    }

    static String percent(BigDecimal rate) {
        return new DecimalFormat("0.0'%'").format(hundred(rate));
    }
}
