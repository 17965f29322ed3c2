package org.dangan.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditLog;

/** The audit log of the auditor's institutions, newest first. */
@Route("audit")
@RolesAllowed("AUDITOR")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    final Grid<AuditEntry> grid = new Grid<>();
    final TextField user = new TextField();
    final TextField subject = new TextField();
    final Select<AuditAction> action = new Select<>();
    private final AuditLog auditLog;

    public AuditView(AuditLog auditLog) {
        this.auditLog = auditLog;
        setSizeFull();
        user.setPlaceholder(getTranslation("audit.user"));
        user.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setPlaceholder(getTranslation("audit.subject"));
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        action.setPlaceholder(getTranslation("audit.action"));
        action.setEmptySelectionAllowed(true);
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "" : getTranslation("auditAction." + a.name()));
        grid.setId("audit-grid");
        grid.addColumn(e -> TIME.format(e.getAt())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::getUsername).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("auditAction." + e.getAction().name())).setHeader(getTranslation("audit.action"));
        grid.addColumn(e -> Objects.toString(e.getSubjectId(), "")).setHeader(getTranslation("audit.subject"))
                .setAutoWidth(true);
        grid.addColumn(e -> Objects.toString(e.getDetail(), "")).setHeader(getTranslation("audit.detail")).setFlexGrow(3);
        grid.setSizeFull();
        user.addValueChangeListener(e -> refresh());
        subject.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        add(new HorizontalLayout(user, subject, action), grid);
        refresh();
    }

    private void refresh() {
        AuditLog.AuditQuery query = new AuditLog.AuditQuery(null, blankToNull(subject.getValue()),
                blankToNull(user.getValue()), action.getValue());
        grid.setItems(q -> auditLog.search(query, q.getPage(), q.getPageSize()).stream());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
