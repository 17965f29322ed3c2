package org.dangan.ui.verification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.RecordDetail;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CampaignReports.InstitutionProgress;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.SampleChecks;

import org.dangan.ui.registry.RecordMergePanel;
import org.dangan.ui.support.Refusals;

/** The county's check of the sample drawn from an institution's records: a verdict per record. */
class SampleCheckPanel extends CampaignTaskPanel {

    private final SampleChecks samples;
    private final Institutions institutions;

    SampleCheckPanel(WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed,
                     SampleChecks samples, Institutions institutions) {
        super(task, inbox, reports, completed);
        this.samples = samples;
        this.institutions = institutions;
        add(samplePanel());
        add(completeButton(getTranslation("tasks.finishSample"), Map.of()));
    }

    private Component samplePanel() {
        long institutionId = institutions.byCode(task.institutionCode()).orElseThrow().getId();
        Grid<SampleChecks.SampleItem> grid = new Grid<>();
        grid.setId("sample-grid");
        grid.addColumn(SampleChecks.SampleItem::recordNumber).setHeader(getTranslation("record.recordNumber")).setAutoWidth(true);
        grid.addColumn(s -> "NONE".equals(s.stratum()) ? "" : getTranslation("population." + s.stratum()))
                .setHeader(getTranslation("sample.stratum"));
        grid.addColumn(s -> s.verdict() == null ? "" : getTranslation("verdict." + s.verdict().name()))
                .setHeader(getTranslation("sample.verdict"));
        grid.addColumn(s -> s.reason() == null ? "" : s.reason()).setHeader(getTranslation("finding.reason"));
        grid.setHeight("360px");
        Runnable load = () -> grid.setItems(samples.items(task.campaignId(), institutionId));
        load.run();
        TextField reason = new TextField(getTranslation("finding.reason"));
        reason.setId("sample-reason");
        Button pass = new Button(getTranslation("verdict.PASS"), e -> judge(grid, SampleChecks.Verdict.PASS, null, load));
        pass.setId("sample-pass");
        Button fail = new Button(getTranslation("verdict.FAIL"), e -> judge(grid, SampleChecks.Verdict.FAIL,
                reason.getValue(), load));
        fail.setId("sample-fail");
        fail.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new VerticalLayout(new H3(getTranslation("tasks.sample", mine == null ? 0 : mine.round())), grid,
                new HorizontalLayout(pass, reason, fail));
    }

    private void judge(Grid<SampleChecks.SampleItem> grid, SampleChecks.Verdict verdict, String reason,
                       Runnable reload) {
        SampleChecks.SampleItem item = grid.asSingleSelect().getValue();
        if (item == null) {
            return;
        }
        try {
            samples.judge(task.campaignId(), item.recordNumber(), verdict, reason);
            reload.run();
        } catch (RuntimeException e) {
            Refusals.show(e);
        }
    }
}
