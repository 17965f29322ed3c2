package org.dangan.ui.search;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dangan.ui.support.Polling;
import org.dangan.workflow.search.SearchIndex;

/** The search index for administrators: what it holds, what waits in the outbox, and a rebuild with its progress. */
@Route("search-index")
@RolesAllowed("ADMIN")
public class SearchIndexView extends VerticalLayout implements HasDynamicTitle {

    private final SearchIndex index;
    private final Span backend = new Span();
    private final Span pages = new Span();
    private final Span waiting = new Span();
    private final Span progressText = new Span();
    final ProgressBar progress = new ProgressBar();
    final Button rebuild;

    public SearchIndexView(SearchIndex index) {
        this.index = index;
        backend.setId("search-index-backend");
        pages.setId("search-index-pages");
        waiting.setId("search-index-waiting");
        progress.setId("search-index-progress");
        progressText.setId("search-index-progress-text");
        rebuild = new Button(getTranslation("searchIndex.rebuild"), e -> {
            index.requestRebuild();
            refresh();
        });
        rebuild.setId("search-index-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout();
        form.addFormItem(backend, getTranslation("searchIndex.backend"));
        form.addFormItem(pages, getTranslation("searchIndex.pages"));
        form.addFormItem(waiting, getTranslation("searchIndex.waiting"));
        add(new H2(getTranslation("searchIndex.title")), form, rebuild, progress, progressText);
        Polling.refreshWhileAttached(this, this::refresh);
        refresh();
    }

    void refresh() {
        SearchIndex.Status status = index.status();
        // the product's own name stays in the tooltip, for the administrator who set it up
        backend.setText(getTranslation("searchIndex.kind." + status.backend().split(" ")[0]));
        backend.setTitle(status.backend());
        pages.setText(Long.toString(status.pages()));
        waiting.setText(Long.toString(status.waiting()));
        progress.setVisible(status.rebuilding());
        progressText.setVisible(status.rebuilding());
        rebuild.setEnabled(!status.rebuilding());
        if (status.rebuilding()) {
            progress.setValue(status.rebuildTotal() == 0 ? 0 : (double) status.rebuildDone() / status.rebuildTotal());
            progressText.setText(getTranslation("searchIndex.progress", status.rebuildDone(), status.rebuildTotal()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.searchIndex");
    }
}
