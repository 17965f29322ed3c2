package org.dangan.workflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dangan.workflow.storage.BoxContents;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells storage what stands in its boxes, from the paper files and their records. */
@Component
@Transactional(readOnly = true)
class PaperFilesInBoxes implements BoxContents {

    private static final String FILES = """
            select f.file_number, r.record_number, r.name, f.page_count, f.state, r.institution_id from paper_file f
            join health_record r on r.id = f.record_id""";

    private final NamedParameterJdbcTemplate jdbc;

    PaperFilesInBoxes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Integer> fileCounts(Collection<Long> boxIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!boxIds.isEmpty()) {
            jdbc.query(
                    "select box_id, count(*) from paper_file where box_id in (:ids) group by box_id",
                    new MapSqlParameterSource("ids", boxIds),
                    (RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        }
        return counts;
    }

    @Override
    public List<File> filesIn(long boxId) {
        return jdbc.query(
                FILES + " where f.box_id = :box order by f.file_number",
                new MapSqlParameterSource("box", boxId),
                (rs, n) -> file(rs));
    }

    @Override
    public Optional<File> file(String fileNumber) {
        return jdbc
                .query(
                        FILES + " where f.file_number = :file",
                        new MapSqlParameterSource("file", fileNumber),
                        (rs, n) -> file(rs))
                .stream()
                .findFirst();
    }

    private static File file(ResultSet rs) throws SQLException {
        return new File(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                PaperFileState.valueOf(rs.getString(5)),
                rs.getLong(6));
    }
}
