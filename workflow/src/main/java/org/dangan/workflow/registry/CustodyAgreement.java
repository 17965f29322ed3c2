package org.dangan.workflow.registry;

import java.sql.ResultSet;
import java.util.Map;
import org.dangan.workflow.storage.StorageAdministration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the register and the custody ledger tell the same story of every paper file: a file in
 * a box is where its last ledger entry put it, a file out has its last entry CHECKED_OUT, a file
 * disposed of DISPOSED, a file not yet boxed only RECEIVED, a file transferred with its record and
 * not yet boxed at the receiving institution last RECEIVED there. Both change in one transaction, so
 * a disagreement means something changed one behind the application's back.
 */
@Service
@Transactional(readOnly = true)
public class CustodyAgreement {

    public record Disagreement(String fileNumber, String state, String box, String lastEvent, String ledgerPlace) {}

    public record Result(long files, long disagreements, Disagreement first) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final StorageAdministration storage;

    CustodyAgreement(NamedParameterJdbcTemplate jdbc, StorageAdministration storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    public Result check() {
        long[] files = {0};
        long[] disagreements = {0};
        Disagreement[] first = {null};
        Map<Long, String> barcodes = storage.barcodes();
        jdbc.query("""
                select f.file_number, f.state, f.box_id, e.event, e.to_place from paper_file f
                left join custody_entry e on e.id = (select max(l.id) from custody_entry l
                    where l.subject_type = 'PAPER_FILE' and l.subject = f.file_number)
                order by f.file_number""", new MapSqlParameterSource(), (ResultSet rs) -> {
            files[0]++;
            String state = rs.getString(2);
            String box = rs.getObject(3) == null ? null : barcodes.get(rs.getLong(3));
            String event = rs.getString(4);
            String place = rs.getString(5);
            boolean agrees = switch (state) {
                case "CHECKED_OUT" -> "CHECKED_OUT".equals(event);
                case "DISPOSED" -> "DISPOSED".equals(event);
                case "RECEIVED", "TRANSFERRED" -> box == null && "RECEIVED".equals(event);
                default ->
                    box != null && box.equals(place) && !"CHECKED_OUT".equals(event) && !"DISPOSED".equals(event);
            };
            if (!agrees) {
                disagreements[0]++;
                if (first[0] == null) {
                    first[0] = new Disagreement(rs.getString(1), state, box, event, place);
                }
            }
        });
        return new Result(files[0], disagreements[0], first[0]);
    }
}
