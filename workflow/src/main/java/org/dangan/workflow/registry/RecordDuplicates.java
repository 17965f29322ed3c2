package org.dangan.workflow.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds records that seem to be one person, among the records of given institutions, for the
 * verification campaign to propose as merge candidates. One sorted pass per kind of duplicate,
 * grouping neighbours as the rows stream by: a GROUP BY ... HAVING subquery made H2 evaluate the
 * subquery again for every row (over a minute at 100,000 records).
 */
@Service
@Transactional(readOnly = true)
public class RecordDuplicates {

    private final NamedParameterJdbcTemplate jdbc;

    RecordDuplicates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DuplicateGroup> among(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", institutionIds);
        List<DuplicateGroup> groups = new ArrayList<>();
        groups.addAll(runs(DuplicateGroup.Reason.SAME_ID_NUMBER, """
                select r.id_number as k, r.record_number, r.id from health_record r
                where r.institution_id in (:ids) and r.id_number is not null
                order by r.id_number, r.record_number""", params));
        // same village = same first 12 digits of the record number, so ordering by the record
        // number after name and birth date keeps one village's namesakes together
        groups.addAll(runs(DuplicateGroup.Reason.SAME_NAME_BIRTH_VILLAGE, """
                select r.name || '|' || cast(r.birth_date as varchar(10)) || '|' || substring(r.record_number from 1 for 12) as k,
                       r.record_number, r.id
                from health_record r
                where r.institution_id in (:ids) and r.birth_date is not null
                order by r.name, r.birth_date, r.record_number""", params));
        return groups;
    }

    private List<DuplicateGroup> runs(DuplicateGroup.Reason reason, String sql, MapSqlParameterSource params) {
        List<DuplicateGroup> groups = new ArrayList<>();
        List<String> run = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String[] runKey = {null};
        jdbc.query(sql, params, rs -> {
            String key = rs.getString("k");
            if (!Objects.equals(key, runKey[0])) {
                close(reason, runKey[0], run, ids, groups);
                runKey[0] = key;
            }
            run.add(rs.getString("record_number"));
            ids.add(rs.getLong("id"));
        });
        close(reason, runKey[0], run, ids, groups);
        return groups;
    }

    private static void close(
            DuplicateGroup.Reason reason, String key, List<String> run, List<Long> ids, List<DuplicateGroup> groups) {
        if (run.size() > 1) {
            groups.add(new DuplicateGroup(
                    reason, reason == DuplicateGroup.Reason.SAME_ID_NUMBER ? ResidentId.mask(key) : key, run, ids));
        }
        run.clear();
        ids.clear();
    }
}
