package org.dangan.workflow.lending;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Check-outs as counts for the assessment's custody indicators. System reads; the caller decides who may ask. */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class LendingFigures {

    private final NamedParameterJdbcTemplate jdbc;

    LendingFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Check-outs still out after their return day, per institution that lent them. */
    public Map<Long, Long> overdue(LocalDate day) {
        Map<Long, Long> overdue = new HashMap<>();
        jdbc.query("""
                select institution_id, count(*) from paper_checkout where state = 'OUT' and due_on < :day
                group by institution_id""", new MapSqlParameterSource("day", day), (RowCallbackHandler)
                rs -> overdue.put(rs.getLong(1), rs.getLong(2)));
        return overdue;
    }
}
