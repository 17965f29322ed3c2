package org.dangan.ui.verification;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.dangan.workflow.verification.Findings.FindingView;
import org.dangan.workflow.verification.WaiverReason;

/**
 * A waiver as the self-check and the head's sign-off show it: the listed reason, and the note
 * where the domain shows it to this reader; a withheld note is said to be there.
 */
final class WaiverTexts {

    private WaiverTexts() {}

    static String of(Component screen, FindingView f) {
        if (f.waiverCode() == null) {
            return "";
        }
        // the list's "other (write a note)" is an instruction for the choice, not a reason to show
        String reason = f.waiverCode() == WaiverReason.OTHER
                ? screen.getTranslation("finding.waiverOther")
                : screen.getTranslation("waiverReason." + f.waiverCode().name());
        if (f.waiverReason() != null) {
            return screen.getTranslation("finding.waiverWithNote", reason, f.waiverReason());
        }
        return f.waiverReasonWithheld() ? screen.getTranslation("finding.waiverNoteWithheld", reason) : reason;
    }

    /** Which record a finding is on and what it found, as both lists show it. */
    static void addFindingColumns(Component screen, Grid<FindingView> grid) {
        grid.addColumn(FindingView::recordNumber)
                .setHeader(screen.getTranslation("record.recordNumber"))
                .setAutoWidth(true);
        grid.addColumn(FindingView::name)
                .setHeader(screen.getTranslation("record.name"))
                .setAutoWidth(true);
        // wrapped, not as wide as its longest name: the reason beside it needs the room
        grid.addColumn(f -> screen.getTranslation("ruleName." + f.rule().name()))
                .setHeader(screen.getTranslation("finding.rule"))
                .setWidth("7em")
                .setFlexGrow(1);
    }

    /** The reason column: wide enough to read, wrapped in its rows, and whole on hover. */
    static Grid.Column<FindingView> addColumn(Component screen, Grid<FindingView> grid) {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid.addColumn(f -> of(screen, f))
                .setHeader(screen.getTranslation("finding.reason"))
                .setTooltipGenerator(f -> of(screen, f))
                .setWidth("8em")
                .setFlexGrow(3);
    }
}
