package org.dangan.workflow.document;

import org.dangan.workflow.registry.RecordsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged duplicate's scans belong to the survivor: its record number and, since who may read a
 * scan is decided by the document's own institution, the survivor's institution too. Keeping the
 * duplicate's institution would leave the scan readable by the duplicate's township and hidden from
 * the survivor's.
 */
@Component
class MergedDocuments {

    private final NamedParameterJdbcTemplate jdbc;

    MergedDocuments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordsMerged event) {
        jdbc.update("""
                update scanned_document set record_id = :survivor, record_number = :number, institution_id = :institution
                where record_id = :duplicate""", new MapSqlParameterSource("survivor", event.survivorId())
                .addValue("number", event.survivorNumber()).addValue("institution", event.survivorInstitutionId())
                .addValue("duplicate", event.duplicateId()));
    }
}
