package org.dangan.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.ui.support.Rows;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.security.UserAccounts;

/** The audit log of the auditor's institutions, newest first. */
@Route("audit")
@RolesAllowed("AUDITOR")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    final Grid<AuditEntry> grid = new Grid<>();
    final TextField user = new TextField();
    final TextField subject = new TextField();
    final Select<AuditAction> action = new Select<>();
    private final AuditLog auditLog;
    private final UserAccounts users;
    /** The names of the people the pages read so far show, by user name. */
    private final Map<String, String> names = new HashMap<>();

    public AuditView(AuditLog auditLog, UserAccounts users) {
        this.auditLog = auditLog;
        this.users = users;
        setSizeFull();
        user.setId("audit-user");
        subject.setId("audit-subject");
        action.setId("audit-action");
        user.setPlaceholder(getTranslation("audit.user"));
        user.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setPlaceholder(getTranslation("audit.subject"));
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        action.setPlaceholder(getTranslation("audit.action"));
        action.setEmptySelectionAllowed(true);
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(
                a -> a == null ? getTranslation("records.filter.all") : getTranslation("auditAction." + a.name()));
        grid.setId("audit-grid");
        grid.setEmptyStateText(getTranslation("audit.none"));
        grid.addColumn(e -> ChinaTime.second(e.getAt()))
                .setHeader(getTranslation("audit.at"))
                .setAutoWidth(true);
        // people by name; the user name the filter takes shows when pointing at it
        grid.addColumn(e -> e.getUsername() == null
                        ? ""
                        : "system".equals(e.getUsername())
                                ? getTranslation("custody.system")
                                : names.getOrDefault(e.getUsername(), e.getUsername()))
                .setTooltipGenerator(AuditEntry::getUsername)
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("auditAction." + e.getAction().name()))
                .setHeader(getTranslation("audit.action"));
        grid.addColumn(AuditSentences::of)
                .setHeader(getTranslation("audit.detail"))
                .setFlexGrow(3);
        grid.setSizeFull();
        user.addValueChangeListener(e -> refresh());
        subject.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        add(Rows.wrapping(user, subject, action), grid);
        refresh();
    }

    private void refresh() {
        AuditLog.AuditQuery query = new AuditLog.AuditQuery(
                null, blankToNull(subject.getValue()), blankToNull(user.getValue()), action.getValue());
        grid.setItems(q -> {
            List<AuditEntry> page =
                    auditLog.search(query, q.getPage(), q.getPageSize()).getContent();
            names.putAll(users.displayNames(page.stream()
                    .map(AuditEntry::getUsername)
                    .filter(u -> u != null && !names.containsKey(u))
                    .toList()));
            return page.stream();
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
