package org.dangan.workflow.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds records that seem to be one person, among the records of given institutions, for the
 * verification campaign to propose as merge candidates. Set-based queries: one pass per kind of
 * duplicate, not one query per record.
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
        groups.addAll(grouped(DuplicateGroup.Reason.SAME_ID_NUMBER, """
                select r.id_number as k, r.record_number from health_record r
                where r.institution_id in (:ids) and r.id_number in (
                    select d.id_number from health_record d
                    where d.institution_id in (:ids) and d.id_number is not null
                    group by d.id_number having count(*) > 1)
                order by r.id_number, r.record_number""", params, true));
        groups.addAll(grouped(DuplicateGroup.Reason.SAME_NAME_BIRTH_VILLAGE, """
                select r.name || '|' || cast(r.birth_date as varchar(10)) || '|' || substring(r.record_number from 1 for 12) as k,
                       r.record_number
                from health_record r
                join (select d.name, d.birth_date, substring(d.record_number from 1 for 12) as village
                      from health_record d
                      where d.institution_id in (:ids) and d.birth_date is not null
                      group by d.name, d.birth_date, substring(d.record_number from 1 for 12)
                      having count(*) > 1) g
                  on g.name = r.name and g.birth_date = r.birth_date
                 and g.village = substring(r.record_number from 1 for 12)
                where r.institution_id in (:ids)
                order by k, r.record_number""", params, false));
        return groups;
    }

    private List<DuplicateGroup> grouped(DuplicateGroup.Reason reason, String sql, MapSqlParameterSource params,
                                         boolean maskKey) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            byKey.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>()).add(rs.getString("record_number"));
        });
        List<DuplicateGroup> groups = new ArrayList<>();
        byKey.forEach((key, numbers) -> groups.add(new DuplicateGroup(reason, maskKey ? ResidentId.mask(key) : key,
                numbers)));
        return groups;
    }
}
