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
                   r.status, r.last_service_date, r.institution_id
            from health_record r join institution i on i.id = r.institution_id""";

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

    private static StoredRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4) == null ? null : Gender.valueOf(rs.getString(4)), date(rs.getDate(5)),
                rs.getString(6), rs.getLong(11), rs.getString(7), KeyPopulation.fromColumn(rs.getString(8)),
                RecordStatus.valueOf(rs.getString(9)), date(rs.getDate(10)));
    }

    private static java.time.LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
