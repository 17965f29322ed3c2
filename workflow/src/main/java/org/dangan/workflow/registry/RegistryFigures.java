package org.dangan.workflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of records and paper files per managing institution, for the assessment's indicators:
 * numbers only, never a name or an id of a resident. System reads over every institution; the
 * caller decides who may ask and what of it to show.
 */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class RegistryFigures {

    /** Records a county manages and is assessed on: the living ones, paper retired or not. */
    public static final Set<RecordStatus> MANAGED = Set.of(RecordStatus.ACTIVE, RecordStatus.RETIRED_PAPER);

    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    RegistryFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Managed records of one institution with one set of key-population tags. */
    public record Managed(long institutionId, Set<KeyPopulation> keyPopulations, long records, long servedWithinYear) {}

    /**
     * Managed records per institution and tag set, and how many of them had a service on one of the
     * 365 days before {@code day} or on {@code day} itself. Grouping by the tag column keeps it one
     * pass over the table; there are few distinct tag sets.
     */
    public List<Managed> managed(LocalDate day) {
        return jdbc.query(
                """
                select institution_id, key_populations, count(*),
                       sum(case when last_service_date >= :since and last_service_date <= :day then 1 else 0 end)
                from health_record where status in ('ACTIVE', 'RETIRED_PAPER')
                group by institution_id, key_populations""",
                new MapSqlParameterSource("since", day.minusDays(365)).addValue("day", day),
                (rs, i) -> new Managed(
                        rs.getLong(1), KeyPopulation.knownOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
    }

    /** Paper files per institution of their record, by state and whether they lie in a box. */
    public record PaperCount(long institutionId, PaperFileState state, boolean boxed, long files) {}

    public List<PaperCount> paperFiles() {
        return jdbc.query(
                """
                select r.institution_id, f.state, case when f.box_id is null then 0 else 1 end, count(*)
                from paper_file f join health_record r on r.id = f.record_id
                group by r.institution_id, f.state, case when f.box_id is null then 0 else 1 end""",
                (rs, i) -> new PaperCount(
                        rs.getLong(1), PaperFileState.valueOf(rs.getString(2)), rs.getInt(3) == 1, rs.getLong(4)));
    }

    /** A managed record whose paper (not handed to another institution) holds pages of a type. */
    public record Holder(long recordId, long institutionId, DocumentType type) {}

    /** Each holder, one row at a time: at county scale there are hundreds of thousands. */
    public void forEachHolder(Collection<DocumentType> types, Consumer<Holder> each) {
        jdbc.query(
                """
                select distinct r.id, r.institution_id, c.document_type
                from paper_file_content c
                join paper_file f on f.id = c.paper_file_id
                join health_record r on r.id = f.record_id
                where c.document_type in (:types) and c.pages > 0 and f.state <> 'TRANSFERRED'
                  and r.status in ('ACTIVE', 'RETIRED_PAPER')""",
                new MapSqlParameterSource(
                        "types", types.stream().map(Enum::name).toList()),
                (RowCallbackHandler) rs ->
                        each.accept(new Holder(rs.getLong(1), rs.getLong(2), DocumentType.valueOf(rs.getString(3)))));
    }

    /** The managing institution of each managed record asked for; others are left out. */
    public Map<Long, Long> institutionsOfRecords(Collection<Long> recordIds) {
        return inChunks(
                recordIds,
                "select id, institution_id from health_record where id in (:ids)"
                        + " and status in ('ACTIVE', 'RETIRED_PAPER')");
    }

    /** Where a paper file belongs and how many pages the register says it has. */
    public record FileFacts(long institutionId, int pageCount) {}

    /** The facts of each paper file asked for; files handed to another institution are left out. */
    public Map<Long, FileFacts> paperFilesOf(Collection<Long> paperFileIds) {
        Map<Long, FileFacts> found = new HashMap<>();
        inChunks(paperFileIds, """
                select f.id, r.institution_id, f.page_count from paper_file f join health_record r on r.id = f.record_id
                where f.id in (:ids) and f.state <> 'TRANSFERRED'""", rs -> found.put(rs.getLong(1), new FileFacts(rs.getLong(2), rs.getInt(3))));
        return found;
    }

    private Map<Long, Long> inChunks(Collection<Long> ids, String sql) {
        Map<Long, Long> found = new HashMap<>();
        inChunks(ids, sql, rs -> found.put(rs.getLong(1), rs.getLong(2)));
        return found;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void inChunks(Collection<Long> ids, String sql, Row row) {
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.query(
                    sql,
                    new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from + CHUNK))),
                    (RowCallbackHandler) row::read);
        }
    }
}
