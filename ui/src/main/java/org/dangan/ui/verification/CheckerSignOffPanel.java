package org.dangan.ui.verification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Map;
import java.util.stream.Collectors;
import org.dangan.ui.support.Confirm;
import org.dangan.workflow.verification.CampaignInbox;
import org.dangan.workflow.verification.CampaignInbox.WorkItem;
import org.dangan.workflow.verification.CampaignReports;
import org.dangan.workflow.verification.CheckerSignOffs;

/**
 * The checker's sign-off, said in numbers before it is done: how many paper files are retired into
 * boxes and how many are held back, by reason (the domain's own preview, the same rule it signs by).
 */
class CheckerSignOffPanel extends CampaignTaskPanel {

    CheckerSignOffPanel(
            WorkItem task, CampaignInbox inbox, CampaignReports reports, Runnable completed, CheckerSignOffs signOffs) {
        super(task, inbox, reports, completed);
        CheckerSignOffs.Preview preview = signOffs.preview(task.campaignId());
        // no paper check holds no file back, but the checker should know what is signed for unseen
        String unchecked = preview.retiredWithoutPaperCheck() == 0
                ? ""
                : getTranslation("signOff.withoutPaperCheck", preview.retiredWithoutPaperCheck());
        Paragraph what = new Paragraph(getTranslation("signOff.willRetire", preview.retired()) + unchecked);
        what.setId("sign-off-retire");
        UnorderedList held = new UnorderedList();
        held.setId("sign-off-held");
        preview.heldBack().forEach((why, n) -> held.add(new ListItem(getTranslation("signOff.held." + why.name(), n))));
        add(campaignFigures(), new Paragraph(getTranslation("tasks.signOffExplained")), what);
        if (preview.heldBackTotal() > 0) {
            add(new Paragraph(getTranslation("signOff.heldBack", preview.heldBackTotal())), held);
        }
        String heldText = preview.heldBack().entrySet().stream()
                .map(e -> getTranslation("signOff.held." + e.getKey().name(), e.getValue()))
                .collect(Collectors.joining("；"));
        Button sign = new Button(
                getTranslation("tasks.signOff"),
                e -> Confirm.ask(
                        "sign-off-confirm",
                        getTranslation("tasks.signOff"),
                        getTranslation("signOff.confirm", preview.retired(), preview.heldBackTotal())
                                + (heldText.isEmpty() ? "" : "（" + heldText + "）")
                                + (unchecked.isEmpty()
                                        ? ""
                                        : getTranslation(
                                                "signOff.confirmWithoutPaperCheck",
                                                preview.retired(),
                                                preview.retiredWithoutPaperCheck())),
                        getTranslation("signOff.confirmLabel", preview.retired()),
                        () -> complete(Map.of())));
        sign.setId("complete-task");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(sign);
    }
}
