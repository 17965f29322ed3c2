package org.dangan.workflow.verification;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.dangan.workflow.platform.Refused;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which campaign each institution is in while it runs. The table's primary key is the institution,
 * so of two starts at once (a double click, two supervisors) the database lets one win; the other
 * waits for it and is refused, naming the campaign that won and the institution it holds.
 */
@Component
class OpenCampaigns {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate fresh;

    OpenCampaigns(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.fresh.setReadOnly(true);
    }

    /** The open campaign of each of the institutions that is in one. */
    Map<Long, Long> of(Collection<Long> institutionIds) {
        Map<Long, Long> open = new HashMap<>();
        if (!institutionIds.isEmpty()) {
            jdbc.query(
                    "select institution_id, campaign_id from campaign_open_institution where institution_id in (:ids)",
                    new MapSqlParameterSource("ids", institutionIds),
                    (ResultSet rs) -> {
                        open.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return open;
    }

    /** Takes the institutions for the campaign, or refuses when one of them is in another open campaign. */
    void claim(long campaignId, Collection<Long> institutionIds, LongFunction<String> nameOf) {
        try {
            jdbc.batchUpdate(
                    "insert into campaign_open_institution (institution_id, campaign_id) values (:i, :c)",
                    institutionIds.stream()
                            .map(i -> (SqlParameterSource) new MapSqlParameterSource("i", i).addValue("c", campaignId))
                            .toArray(SqlParameterSource[]::new));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // this transaction is spoilt (PostgreSQL); the winner has committed, so a new one sees it
            // and the name is read there too, by the same token
            Refused refused = fresh.execute(status -> of(institutionIds).entrySet().stream()
                    .min(Map.Entry.comparingByKey())
                    .map(taken -> Refused.of(
                            "campaign.alreadyOpen", taken.getValue().toString(), nameOf.apply(taken.getKey())))
                    .orElse(Refused.of("campaign.startedTwice")));
            throw refused;
        }
    }

    /** A completed campaign frees its institutions for the next one. */
    void release(long campaignId) {
        jdbc.update(
                "delete from campaign_open_institution where campaign_id = :c",
                new MapSqlParameterSource("c", campaignId));
    }
}
