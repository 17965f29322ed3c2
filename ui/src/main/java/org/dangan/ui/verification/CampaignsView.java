package org.dangan.ui.verification;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dangan.ui.support.Confirm;
import org.dangan.ui.support.DatePickers;
import org.dangan.ui.support.Refusals;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.verification.Campaign;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.CampaignProgress;
import org.dangan.workflow.verification.CampaignReports.InstitutionProgress;
import org.dangan.workflow.verification.Campaigns;
import org.dangan.workflow.verification.CheckerSignOffs;
import org.dangan.workflow.verification.SampleDraw;

/**
 * Verification campaigns (清理核查): a county supervisor starts one; everyone concerned follows its
 * dashboard (per institution: records, flagged, fixed, waived, sample error rate, state), and
 * downloads the report and the sign-off sheets. While rule checks run, the page polls for progress.
 */
@Route("campaigns")
@PageTitle("核查活动")
@RolesAllowed({"ARCHIVIST", "SUPERVISOR"})
public class CampaignsView extends VerticalLayout implements BeforeEnterObserver {

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final CheckerSignOffs signOffs;
    private final Grid<Campaign> list = new Grid<>();
    private final VerticalLayout dashboard = new VerticalLayout();
    private Long shown;
    private Registration polling;

    public CampaignsView(
            Campaigns campaigns, CampaignReports reports, CheckerSignOffs signOffs, Institutions institutions) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.signOffs = signOffs;
        add(new H2(getTranslation("campaign.title")));
        // the domain says who may start and for which institutions; the screen only offers it
        if (campaigns.mayStart()) {
            add(startForm(campaigns.eligibleInstitutions()));
        }
        list.setId("campaign-grid");
        list.setEmptyStateText(getTranslation("campaigns.none"));
        list.addColumn(c -> "#" + c.getId()).setHeader(getTranslation("tasks.campaign"));
        list.addColumn(c -> getTranslation("campaignState." + c.getState().name()))
                .setHeader(getTranslation("campaign.state"));
        list.addColumn(Campaign::getDeadline).setHeader(getTranslation("campaign.deadline"));
        list.addColumn(c -> c.isOverdue() ? getTranslation("campaign.overdue") : "")
                .setHeader("");
        list.setAllRowsVisible(true);
        list.asSingleSelect()
                .addValueChangeListener(
                        e -> show(e.getValue() == null ? null : e.getValue().getId()));
        dashboard.setId("campaign-dashboard");
        add(list, dashboard);
        list.setItems(campaigns.visibleToCurrentUser());
    }

    private HorizontalLayout startForm(List<Institution> townships) {
        MultiSelectComboBox<Institution> which = new MultiSelectComboBox<>(getTranslation("campaign.institutions"));
        which.setId("campaign-institutions");
        which.setItems(townships);
        which.setItemLabelGenerator(Institution::getName);
        chineseAnnouncements(which, this::getTranslation);
        which.setWidth("min(100%, 28em)");
        DatePicker deadline = DatePickers.translated(new DatePicker(
                getTranslation("campaign.deadline"),
                campaigns.earliestDeadline().plusMonths(3)));
        deadline.setId("campaign-deadline");
        deadline.setMin(campaigns.earliestDeadline());
        // a percentage, as the report prints it; the domain (and the REST API) keep the fraction.
        // The random seed is drawn by the system: nothing a supervisor decides.
        BigDecimalField rate = new BigDecimalField(getTranslation("campaign.sampleRatePercent"));
        rate.setId("campaign-sample-rate");
        rate.setValue(SampleDraw.DEFAULT_RATE.movePointRight(2).stripTrailingZeros());
        rate.setSuffixComponent(new Span("%"));
        rate.setWidth("8em");
        Button start = new Button(getTranslation("campaign.start"));
        start.setId("start-campaign");
        // a campaign cannot be withdrawn: the supervisor confirms what starts, in numbers. A double
        // click asks once: the button is off while the question is open
        start.setDisableOnClick(true);
        start.addClickListener(e -> {
            if (which.getValue().isEmpty() || deadline.getValue() == null || rate.getValue() == null) {
                // nothing to confirm yet: the domain says what is missing
                startCampaign(which, deadline, rate, start);
                return;
            }
            List<String> names =
                    which.getValue().stream().map(Institution::getName).sorted().toList();
            ConfirmDialog question = Confirm.ask(
                    "campaign-start-confirm",
                    getTranslation("campaign.startConfirm"),
                    getTranslation(
                            "campaign.startConsequence",
                            names.size(),
                            String.join("、", names),
                            rate.getValue().stripTrailingZeros().toPlainString(),
                            deadline.getValue().toString()),
                    getTranslation("campaign.start"),
                    () -> startCampaign(which, deadline, rate, start));
            // cancelled, or closed some other way (Esc): the button serves again; a confirmed start
            // enables it when the answer is back
            question.addCancelListener(c -> start.setEnabled(true));
            question.getElement().addPropertyChangeListener("opened", o -> {
                if (!question.isOpened()) {
                    start.setEnabled(true);
                }
            });
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(which, deadline, rate, start);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void startCampaign(
            MultiSelectComboBox<Institution> which, DatePicker deadline, BigDecimalField rate, Button start) {
        try {
            Campaign c = campaigns.start(new Campaigns.StartRequest(
                    which.getValue().stream().map(Institution::getCode).toList(),
                    deadline.getValue(),
                    rate.getValue() == null ? null : rate.getValue().movePointLeft(2),
                    null));
            list.setItems(campaigns.visibleToCurrentUser());
            show(c.getId());
            Refusals.done(getTranslation("campaign.started", c.getId()));
        } catch (Refused ex) {
            // the domain speaks of the fraction; the supervisor typed a percentage
            Refusals.show(
                    ex.key().equals("campaign.sampleRateRange") && rate.getValue() != null
                            ? Refused.invalid(
                                    "campaign.sampleRatePercentRange",
                                    rate.getValue().toPlainString())
                            : ex);
        } catch (RuntimeException ex) {
            Refusals.show(ex);
        } finally {
            start.setEnabled(true);
        }
    }

    private void show(Long campaignId) {
        shown = campaignId;
        dashboard.removeAll();
        if (campaignId == null) {
            return;
        }
        CampaignProgress p = reports.progress(campaignId);
        dashboard.add(new H3(getTranslation("tasks.campaign") + " #" + p.id() + " · "
                + getTranslation("campaignState." + p.state().name())
                + (p.overdue() ? " · " + getTranslation("campaign.overdue") : "")));
        ProgressBar checked =
                new ProgressBar(0, Math.max(1, p.records()), Math.min(p.recordsChecked(), Math.max(1, p.records())));
        checked.setId("rule-check-progress");
        Span checkedText = new Span(getTranslation("campaign.checked", p.recordsChecked(), p.records()));
        checkedText.setId("rule-check-text");
        dashboard.add(checkedText, checked);
        dashboard.add(new Span(getTranslation(
                "campaign.summary",
                p.flagged(),
                p.open(),
                p.fixed(),
                p.waived(),
                p.sampleSize(),
                percent(p.sampleErrorRate()),
                p.signedOff())));
        if (p.frozen()) {
            Span frozen = new Span(getTranslation("campaign.frozen"));
            frozen.setId("campaign-frozen");
            dashboard.add(frozen);
        }
        if (p.returnedReason() != null) {
            dashboard.add(new Span(getTranslation("campaign.returned", p.returnedReason())));
        }
        Grid<InstitutionProgress> grid = progressGrid(p.institutions(), this::getTranslation);
        grid.setId("campaign-progress");
        grid.setAllRowsVisible(true);
        dashboard.add(grid);
        Anchor report = new Anchor(
                new StreamResource(
                        "campaign-" + p.id() + "-report.pdf", () -> new ByteArrayInputStream(reports.pdf(campaignId))),
                getTranslation("campaign.reportPdf"));
        report.setId("campaign-report-pdf");
        report.getElement().setAttribute("download", true);
        dashboard.add(report);
        List<CheckerSignOffs.BoxSheet> boxes = signOffs.boxes(campaignId);
        if (!boxes.isEmpty()) {
            VerticalLayout sheets = new VerticalLayout(new Span(getTranslation("campaign.sheets")));
            sheets.setPadding(false);
            for (CheckerSignOffs.BoxSheet box : boxes) {
                Anchor sheet = new Anchor(
                        new StreamResource(
                                "campaign-" + p.id() + "-" + box.barcode() + ".pdf",
                                () -> new ByteArrayInputStream(signOffs.sheet(campaignId, box.boxId()))),
                        getTranslation("campaign.sheet", box.barcode(), box.files(), box.pages()));
                sheet.getElement().setAttribute("download", true);
                sheets.add(sheet);
            }
            dashboard.add(sheets);
        }
    }

    /** The per-institution table of a campaign, shared by the dashboard and the task inbox. */
    public static Grid<InstitutionProgress> progressGrid(List<InstitutionProgress> rows, Function<String, String> t) {
        Grid<InstitutionProgress> grid = new Grid<>();
        grid.addColumn(InstitutionProgress::name)
                .setHeader(t.apply("tasks.institution"))
                .setAutoWidth(true);
        grid.addColumn(i -> count(i.records())).setHeader(t.apply("campaign.records"));
        grid.addColumn(i -> count(i.flagged())).setHeader(t.apply("campaign.flagged"));
        grid.addColumn(i -> count(i.fixed())).setHeader(t.apply("campaign.fixed"));
        grid.addColumn(i -> count(i.waived())).setHeader(t.apply("campaign.waived"));
        grid.addColumn(i -> count(i.open())).setHeader(t.apply("campaign.open"));
        grid.addColumn(i -> count(i.sampleSize())).setHeader(t.apply("campaign.sampleSize"));
        grid.addColumn(i -> percent(i.sampleErrorRate())).setHeader(t.apply("campaign.sampleErrorRate"));
        grid.addColumn(i -> t.apply("institutionCheckState." + i.state().name()) + " · "
                        + MessageFormat.format(t.apply("campaign.roundN"), i.round()))
                .setHeader(t.apply("campaign.state"));
        grid.setItems(rows);
        return grid;
    }

    /** What the field tells a screen reader (and the page text) on selection, in the user's words. */
    static void chineseAnnouncements(MultiSelectComboBox<?> field, Function<String, String> t) {
        field.setI18n(new MultiSelectComboBoxI18n()
                .setCleared(t.apply("select.cleared"))
                .setFocused(t.apply("select.focused"))
                .setSelected(t.apply("select.selected"))
                .setDeselected(t.apply("select.deselected"))
                .setTotal(t.apply("select.total")));
    }

    static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    /** A count with thousands grouped ("1,800"), as the bundles' messages print theirs. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // rule checks and sign-off run in the background; the dashboard follows them
        event.getUI().setPollInterval(5000);
        polling = event.getUI().addPollListener(e -> {
            if (shown != null) {
                show(shown);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** {@code campaigns?id=N}: a resident's page links each finding's campaign here, opened at once. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> id =
                event.getLocation().getQueryParameters().getParameters().get("id");
        if (id != null && !id.isEmpty() && id.get(0).matches("\\d{1,18}")) {
            long wanted = Long.parseLong(id.get(0));
            // only a campaign of the list, which holds those the user may see
            list.getListDataView()
                    .getItems()
                    .filter(c -> c.getId() == wanted)
                    .findFirst()
                    .ifPresent(list::select);
        }
    }
}
