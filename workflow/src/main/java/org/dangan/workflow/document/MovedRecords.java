package org.dangan.workflow.document;

import java.util.List;
import org.dangan.workflow.registry.RecordsMerged;
import org.dangan.workflow.registry.RecordsTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scanned document belongs where its record is managed: records that move take their documents
 * along, whether transferred to another institution or merged into a survivor of another township.
 * Who may read a scan is decided by the document's own institution, so a merged duplicate's scans
 * that kept theirs stayed readable by the duplicate's township and hidden from the survivor's.
 */
@Component
class MovedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    MovedRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordsTransferred event) {
        List<Long> ids = event.recordIds();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.update(
                    "update scanned_document set institution_id = :to where record_id in (:records)",
                    new MapSqlParameterSource("to", event.toInstitutionId())
                            .addValue("records", ids.subList(i, Math.min(ids.size(), i + 1000))));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordsMerged event) {
        jdbc.update(
                """
                update scanned_document set record_id = :survivor, record_number = :number, institution_id = :institution
                where record_id = :duplicate""",
                new MapSqlParameterSource("survivor", event.survivorId())
                        .addValue("number", event.survivorNumber())
                        .addValue("institution", event.survivorInstitutionId())
                        .addValue("duplicate", event.duplicateId()));
    }
}
