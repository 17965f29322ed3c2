package org.dangan.ui.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.dangan.ui.support.Confirm;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.FindingStatus;
import org.dangan.workflow.verification.Findings;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.PaperChecks;
import org.dangan.workflow.verification.Rule;

/**
 * The head signs the institution's self-check off, or gives it back to the archivists with a reason.
 * The head reads what is signed for first: the open findings by rule and how far the paper check
 * came; signing ends the self-check, so it asks first, in those numbers.
 */
class HeadSignOffPanel extends CampaignTaskPanel {

    HeadSignOffPanel(
            WorkItem task,
            CampaignInbox inbox,
            CampaignReports reports,
            Runnable completed,
            Findings findings,
            PaperChecks paperChecks) {
        super(task, inbox, reports, completed);
        add(figures());
        long institutionId = mine == null ? -1 : mine.institutionId();
        Map<Rule, Long> open = mine == null ? Map.of() : findings.openByRule(task.campaignId(), institutionId);
        long openTotal = open.values().stream().mapToLong(Long::longValue).sum();
        add(new H4(getTranslation("headSignOff.open", CampaignsView.count(openTotal))));
        UnorderedList byRule = new UnorderedList();
        byRule.setId("head-open-findings");
        open.forEach((rule, n) -> byRule.add(new ListItem(getTranslation(
                "headSignOff.openRule", getTranslation("ruleName." + rule.name()), CampaignsView.count(n)))));
        if (open.isEmpty()) {
            byRule.add(new ListItem(getTranslation("headSignOff.noneOpen")));
        }
        PaperChecks.Progress paper = mine == null
                ? new PaperChecks.Progress(0, 0, 0)
                : paperChecks.progress(task.campaignId(), institutionId);
        Paragraph paperStatus = new Paragraph(getTranslation(
                "headSignOff.paper",
                CampaignsView.count(paper.checked()),
                CampaignsView.count(paper.files()),
                CampaignsView.count(paper.disagreeing()),
                CampaignsView.count(paper.files() - paper.checked())));
        paperStatus.setId("head-paper-status");
        add(byRule, paperStatus);
        // the head signs for the waivers too: which findings were accepted as they are, and why
        List<FindingView> waived = findings.of(task.campaignId(), FindingStatus.WAIVED, 0, 500);
        add(new H4(getTranslation("headSignOff.waived", CampaignsView.count(waived.size()))));
        if (!waived.isEmpty()) {
            Grid<FindingView> grid = new Grid<>();
            grid.setId("head-waived-findings");
            WaiverTexts.addFindingColumns(this, grid);
            WaiverTexts.addColumn(this, grid);
            grid.setItems(waived);
            grid.setAllRowsVisible(waived.size() <= 10);
            grid.setWidthFull();
            add(grid);
        }

        TextArea reason = new TextArea(getTranslation("tasks.headReturnReason"));
        reason.setId("head-return-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        Button giveBack = new Button(
                getTranslation("tasks.headReturn"),
                e -> complete(
                        Map.of("returned", true, "reason", reason.getValue()),
                        getTranslation("tasks.headReturned", Long.toString(task.campaignId()))));
        giveBack.setId("head-return");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        String sign = getTranslation("tasks.signSelfCheck");
        Button signOff = new Button(
                sign,
                e -> Confirm.ask(
                        "head-sign-off-confirm",
                        sign,
                        getTranslation(
                                "headSignOff.confirm",
                                CampaignsView.count(openTotal),
                                CampaignsView.count(paper.files() - paper.checked())),
                        sign,
                        () -> complete(Map.of("returned", false))));
        signOff.setId("complete-task");
        signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(signOff, giveBack);
        buttons.setWrap(true);
        add(reason, buttons);
    }
}
