package org.dangan.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;

@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(Institutions institutions) {
        DanganUser user = CurrentUser.require();
        var root = institutions.currentScope().root();
        add(new H2(getTranslation("home.welcome", user.displayName())),
                new Paragraph(getTranslation("home.institution", root.getName(), root.getCode())),
                new Paragraph(getTranslation("home.role." + user.role().name())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
