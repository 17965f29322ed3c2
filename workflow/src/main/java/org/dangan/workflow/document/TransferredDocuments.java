package org.dangan.workflow.document;

import org.dangan.workflow.registry.ArchiveTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A scanned document belongs where its record is managed: a handed-over archive takes its documents along. */
@Component
class TransferredDocuments {

    private final NamedParameterJdbcTemplate jdbc;

    TransferredDocuments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ArchiveTransferred event) {
        jdbc.update("update scanned_document set institution_id = :to where institution_id = :from",
                new MapSqlParameterSource("from", event.fromInstitutionId()).addValue("to", event.toInstitutionId()));
    }
}
