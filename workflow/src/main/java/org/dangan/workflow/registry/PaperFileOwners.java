package org.dangan.workflow.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose record a paper file belongs to, so screens show the resident's name beside the file's
 * number. The caller has already checked the user may see the files (they come from a check-out,
 * a handover... of the user's scope).
 */
@Service
@Transactional(readOnly = true)
public class PaperFileOwners {

    private final NamedParameterJdbcTemplate jdbc;

    PaperFileOwners(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** File number to the resident's name; files not found are missing from the answer. */
    public Map<String, String> names(Collection<String> fileNumbers) {
        Map<String, String> names = new HashMap<>();
        if (fileNumbers.isEmpty()) {
            return names;
        }
        jdbc.query("""
                select f.file_number, r.name from paper_file f join health_record r on r.id = f.record_id
                where f.file_number in (:files)""", new MapSqlParameterSource("files", fileNumbers),
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }
}
