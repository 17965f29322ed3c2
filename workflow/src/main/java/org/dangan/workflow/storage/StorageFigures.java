package org.dangan.workflow.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stocktakes as counts for the assessment's custody indicator. System reads; the caller decides who may ask. */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class StorageFigures {

    private final NamedParameterJdbcTemplate jdbc;

    StorageFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An institution's stocktakes as they stand: when it last took one, and over each of its rooms'
     * latest stocktake, the boxes the ledger placed there ({@code expected}) and those not found.
     */
    public record Stocktaken(Instant lastTakenAt, long expected, long missing) {}

    public Map<Long, Stocktaken> stocktakes() {
        Map<Long, Stocktaken> byInstitution = new HashMap<>();
        // a room counted again replaces its earlier count: only each room's latest stocktake is open
        jdbc.getJdbcTemplate().query("""
                select s.institution_id, max(s.taken_at),
                       sum(case when i.outcome in ('FOUND', 'MISSING') then 1 else 0 end),
                       sum(case when i.outcome = 'MISSING' then 1 else 0 end)
                from stocktake s left join stocktake_item i on i.stocktake_id = s.id
                where s.id in (select max(id) from stocktake group by location_id)
                group by s.institution_id""", (RowCallbackHandler) rs -> byInstitution.put(
                rs.getLong(1), new Stocktaken(rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4))));
        return byInstitution;
    }
}
