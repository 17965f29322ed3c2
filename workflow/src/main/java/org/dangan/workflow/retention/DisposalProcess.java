package org.dangan.workflow.retention;

import java.time.Clock;
import org.dangan.workflow.registry.RegistryAdministration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disposal model's last step ({@code ${disposalProcess.dispose(disposalId)}}): each file not
 * kept at appraisal is checked once more (a legal hold placed since, a check-out, a change of
 * rule keep it) and then disposed of, a ledger entry each; all in one transaction.
 */
@Component("disposalProcess")
@Transactional
public class DisposalProcess {

    private final DisposalRepository disposals;
    private final Retention retention;
    private final RegistryAdministration registry;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    DisposalProcess(
            DisposalRepository disposals,
            Retention retention,
            RegistryAdministration registry,
            NamedParameterJdbcTemplate jdbc,
            Clock clock) {
        this.disposals = disposals;
        this.retention = retention;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void dispose(long disposalId) {
        Disposal disposal = disposals.findById(disposalId).orElseThrow();
        disposal.disposed(clock.instant());
        for (String file : jdbc.queryForList(
                "select file_number from disposal_file where disposal_id = :id"
                        + " and kept_because is null order by file_number",
                new MapSqlParameterSource("id", disposalId),
                String.class)) {
            Retention.FileRetention now = retention.unscoped(file);
            MapSqlParameterSource row = new MapSqlParameterSource("id", disposalId).addValue("file", file);
            if (!now.eligible()) {
                jdbc.update(
                        "update disposal_file set kept_because = :why where disposal_id = :id and file_number = :file",
                        row.addValue(
                                "why",
                                now.holds().isEmpty()
                                        ? "no longer eligible (" + now.state() + ")"
                                        : "legal hold: " + now.holds().get(0).reason()));
                continue;
            }
            registry.dispose(file, "disposal " + disposalId);
            jdbc.update(
                    "update disposal_file set disposed = true where disposal_id = :id and file_number = :file", row);
        }
    }
}
