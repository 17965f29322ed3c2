package org.dangan.workflow.search;

import org.dangan.workflow.platform.MaintenanceCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dangan.jar rebuild-search-index}: rebuilds the index from the database, with a
 * progress line every twentieth of the way, and exits 0 when done, 1 when it failed. For the
 * embedded index the application must be stopped first (one writer per index).
 */
@Component
@ConditionalOnProperty(name = "dangan.command", havingValue = "rebuild-search-index")
class RebuildCommand extends MaintenanceCommand {

    private final SearchIndex index;

    RebuildCommand(SearchIndex index) {
        this.index = index;
    }

    @Override
    protected int execute(ApplicationArguments args) {
        System.out.println(
                "search index: rebuilding from the database (" + index.status().backend() + ")");
        index.rebuild(line -> System.out.println(line));
        System.out.println("search index: done, " + index.status().pages() + " pages");
        return 0;
    }
}
