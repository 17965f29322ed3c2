package org.dangan.workflow.document;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A recognition job on a node without an engine waits instead of failing: it is put back for
 * {@link #WAIT} with its retries untouched and no incident, so the document stays queued and is
 * read once a node with an engine takes the job (another node of the cluster, or this one after
 * the missing part was installed and it restarted). Any other failure goes to Camunda's own
 * handling: retries with growing waits, then an incident.
 */
@Component
class RecognitionWaits extends AbstractProcessEnginePlugin {

    static final Duration WAIT = Duration.ofMinutes(10);

    /** Thrown by the job when this node has no engine for it; the reason is the operator's, for the log. */
    static final class NoEngine extends RuntimeException {

        NoEngine(String reason) {
            super("no OCR engine on this node, the document waits: " + reason, null, false, false);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory others = configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory()
                : new DefaultFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory(
                (jobId, failure) -> noEngine(failure) ? later(jobId) : others.getCommand(jobId, failure));
    }

    /** The engine may wrap what a delegate throws. */
    private static boolean noEngine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoEngine) {
                return true;
            }
        }
        return false;
    }

    private static Command<Object> later(String jobId) {
        return context -> {
            JobEntity job = context.getJobManager().findJobById(jobId);
            if (job != null) {
                job.unlock();
                job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + WAIT.toMillis()));
            }
            return null;
        };
    }
}
