package org.dangan.workflow.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dangan.jar rebuild-search-index}: rebuilds the index from the database, with a
 * progress line every twentieth of the way, and exits 0 when done, 1 when it failed. For the
 * embedded index the application must be stopped first (one writer per index).
 */
@Component
@ConditionalOnProperty(name = "dangan.command", havingValue = "rebuild-search-index")
class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private final SearchIndex index;
    private int exitCode = 1;

    RebuildCommand(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.println("search index: rebuilding from the database (" + index.status().backend() + ")");
        index.rebuild(line -> System.out.println(line));
        System.out.println("search index: done, " + index.status().pages() + " pages");
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
