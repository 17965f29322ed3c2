package org.dangan.ui.institution;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;

/** The user's part of the institution tree. */
@Route("institutions")
@PermitAll
public class InstitutionView extends VerticalLayout implements HasDynamicTitle {

    final TreeGrid<Institution> tree = new TreeGrid<>();

    public InstitutionView(Institutions institutions) {
        setSizeFull();
        InstitutionScope scope = institutions.currentScope();
        Map<Long, Institution> byId =
                scope.institutions().stream().collect(Collectors.toMap(Institution::getId, Function.identity()));
        tree.setId("institution-tree");
        tree.addHierarchyColumn(Institution::getName)
                .setHeader(getTranslation("institution.name"))
                .setFlexGrow(3);
        tree.addColumn(Institution::getCode).setHeader(getTranslation("institution.code"));
        tree.addColumn(i -> getTranslation("institutionType." + i.getType().name()))
                .setHeader(getTranslation("institution.type"));
        tree.addColumn(i -> getTranslation("institutionStatus." + i.getStatus().name()))
                .setHeader(getTranslation("institution.status"));
        List<Institution> roots = scope.institutions().stream()
                .filter(i -> !byId.containsKey(i.getParentId()))
                .toList();
        tree.setItems(
                roots,
                parent -> scope.institutions().stream()
                        .filter(i -> parent.getId().equals(i.getParentId()))
                        .toList());
        tree.expandRecursively(roots, 3);
        tree.setSizeFull();
        add(tree);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.institutions");
    }
}
