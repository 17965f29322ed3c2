package org.dangan.ui.registry;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Imports run here, two at a time at most, so a large file never holds a request thread. */
@Component
public class ImportExecutor implements Executor, DisposableBean {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dangan-import");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
