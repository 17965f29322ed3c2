package org.dangan.workflow.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine wraps what a listener or delegate throws; a caller completing a task needs the
 * domain's own refusal (four eyes, wrong person, missing reason) to answer with.
 */
final class EngineErrors {

    private EngineErrors() {}

    /** The domain exception inside, or the engine's own when there is none. */
    public static RuntimeException domainCause(ProcessEngineException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause instanceof ProcessEngineException) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException domain && !(cause instanceof ProcessEngineException) ? domain : e;
    }
}
