package org.dangan.workflow.document;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the document tests (of this module and the screens') do around a submitted scan: its id from
 * the answer, its jobs run by hand.
 */
public final class DocumentJobs {

    private DocumentJobs() {}

    /** The id of the document a {@code POST /api/documents} created. */
    static long idOf(MvcResult created) throws UnsupportedEncodingException {
        return ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** Runs the document's jobs as the job executor would, until none is left to run. */
    public static void recognise(ManagementService management, JdbcTemplate jdbc, long id) {
        String process =
                jdbc.queryForObject("select process_instance_id from scanned_document where id = ?", String.class, id);
        for (var jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list();
                !jobs.isEmpty();
                jobs = management
                        .createJobQuery()
                        .processInstanceId(process)
                        .executable()
                        .list()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }
}
