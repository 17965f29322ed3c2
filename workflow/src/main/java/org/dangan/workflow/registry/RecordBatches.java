package org.dangan.workflow.registry;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the records of institutions in id order, a batch at a time, for work that must visit every
 * record once and be able to stop and go on (the campaign's rule checks). System work: the caller
 * decides who may start it.
 */
@Service
public class RecordBatches {

    private static final String SELECT = """
            select r.id, r.record_number, r.name, r.gender, r.birth_date, r.id_number, i.code, r.key_populations,
                   r.status, r.last_service_date, r.institution_id, n.code
            from health_record r join institution i on i.id = r.institution_id
            left join institution n on n.id = r.numbered_by""";

    private final NamedParameterJdbcTemplate jdbc;

    RecordBatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} records with an id above {@code afterId}, lowest id first. "+ 0" keeps
     * H2 on the primary key, in order, instead of the institution index and a sort of every row.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StoredRecord> after(Collection<Long> institutionIds, long afterId, int limit) {
        return jdbc.query(SELECT + " where (r.institution_id + 0) in (:ids) and r.id > :after order by r.id limit :limit",
                new MapSqlParameterSource("ids", institutionIds).addValue("after", afterId).addValue("limit", limit),
                RecordBatches::row);
    }

    /** One record by number, for re-checking it after a correction. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public java.util.Optional<StoredRecord> byNumber(String recordNumber) {
        return jdbc.query(SELECT + " where r.record_number = :number",
                new MapSqlParameterSource("number", recordNumber), RecordBatches::row).stream().findFirst();
    }

    /** The pages of one type the record's paper files register (DA/T 31 count check); null when none do. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Integer registeredPages(long recordId, DocumentType type) {
        return jdbc.queryForObject("""
                select sum(c.pages) from paper_file f join paper_file_content c on c.paper_file_id = f.id
                where f.record_id = :record and c.document_type = :type""", new MapSqlParameterSource("record",
                recordId).addValue("type", type.name()), Integer.class);
    }

    /** Records by id, for work that starts from something else that points at them (paper files). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public java.util.Map<Long, StoredRecord> byIds(Collection<Long> ids) {
        java.util.Map<Long, StoredRecord> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(SELECT + " where r.id in (:ids)", new MapSqlParameterSource("ids", ids),
                    (java.sql.ResultSet rs) -> {
                        StoredRecord r = row(rs, 0);
                        found.put(r.id(), r);
                    });
        }
        return found;
    }

    /**
     * Up to {@code limit} paper files of the institutions' records with an id above {@code afterId},
     * lowest id first; {@code contents} lists document type and pages, sorted, for hashing.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<StoredPaperFile> paperFilesAfter(Collection<Long> institutionIds, long afterId, int limit) {
        List<StoredPaperFile> files = jdbc.query("""
                select f.id, f.file_number, f.record_id, f.page_count, f.state, f.box_id
                from paper_file f join health_record r on r.id = f.record_id
                where (r.institution_id + 0) in (:ids) and f.id > :after order by f.id limit :limit""",
                new MapSqlParameterSource("ids", institutionIds).addValue("after", afterId).addValue("limit", limit),
                (rs, n) -> new StoredPaperFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        PaperFileState.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class), ""));
        if (files.isEmpty()) {
            return files;
        }
        java.util.Map<Long, java.util.TreeMap<String, Integer>> contents = new java.util.HashMap<>();
        jdbc.query("select paper_file_id, document_type, pages from paper_file_content where paper_file_id in (:ids)",
                new MapSqlParameterSource("ids", files.stream().map(StoredPaperFile::id).toList()),
                (java.sql.ResultSet rs) -> {
                    contents.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return files.stream().map(f -> new StoredPaperFile(f.id(), f.fileNumber(), f.recordId(), f.pageCount(),
                f.state(), f.boxId(), String.valueOf(contents.getOrDefault(f.id(), new java.util.TreeMap<>())))).toList();
    }

    private static StoredRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4) == null ? null : Gender.valueOf(rs.getString(4)), date(rs.getDate(5)),
                rs.getString(6), rs.getLong(11), rs.getString(7), KeyPopulation.fromColumn(rs.getString(8)),
                RecordStatus.valueOf(rs.getString(9)), date(rs.getDate(10)), rs.getString(12));
    }

    private static java.time.LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
