package org.dangan.workflow.platform;

import java.util.concurrent.CompletableFuture;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the engine's REST API (a Jersey servlet) once the node is ready, on a thread of its own.
 * Left to the first request, Jersey's start fell on that request and on every one arriving beside
 * it: 2.2 s on an idle node, and 22 s for the first eight task completions of the load test, on a
 * machine busy with fifty other clients (issue 21). Starting it with the web server instead
 * (load-on-startup) would add that second to every start, which the login page waits for.
 */
@Component
public class EngineRestStart {

    static final String MAPPING = "/engine-rest/*";

    private static final Logger log = LoggerFactory.getLogger(EngineRestStart.class);

    private final CompletableFuture<Boolean> started = new CompletableFuture<>();

    @EventListener
    void startWhenReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof ServletWebServerApplicationContext context)
                || !(context.getWebServer() instanceof TomcatWebServer tomcat)) {
            started.complete(false);
            return;
        }
        Thread thread = new Thread(() -> start(tomcat), "engine-rest-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Completes with true once the engine's REST servlet is loaded and initialised; false if this
     * server has none (no web server, or nothing mapped at {@link #MAPPING}).
     */
    public CompletableFuture<Boolean> started() {
        return started;
    }

    private void start(TomcatWebServer tomcat) {
        try {
            for (Container child : tomcat.getTomcat().getHost().findChildren()) {
                if (child instanceof Context context && context.findServletMapping(MAPPING) != null) {
                    // the same call as load-on-startup; a request arriving meanwhile waits on the
                    // wrapper's lock and finds the servlet ready, never a second one
                    ((Wrapper) context.findChild(context.findServletMapping(MAPPING))).load();
                    started.complete(true);
                    return;
                }
            }
            started.complete(false);
        } catch (Exception | LinkageError e) {
            // the first request then starts it, as before; nothing is lost but its time
            log.warn("the engine's REST API was not started ahead of its first request: {}", e.toString());
            started.completeExceptionally(e);
        }
    }
}
