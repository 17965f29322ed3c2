package org.dangan.workflow.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the campaigns found, as counts for the assessment's indicators: which records the latest
 * rule check of their institution still blocks, and the latest paper check of each file. System
 * reads; the caller decides who may ask.
 */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class VerificationFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final RuleSettings settings;

    VerificationFigures(NamedParameterJdbcTemplate jdbc, RuleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The latest campaign that took in each institution: its rule check is the one that counts. */
    public Map<Long, Long> latestCampaigns() {
        Map<Long, Long> latest = new HashMap<>();
        jdbc.query(
                "select institution_id, max(campaign_id) from campaign_institution group by institution_id",
                (RowCallbackHandler) rs -> latest.put(rs.getLong(1), rs.getLong(2)));
        return latest;
    }

    /** A record with an open finding that blocks the sign-off, in one campaign. */
    public record Blocked(long campaignId, long recordId) {}

    /** Open findings of the rules the DMN table says block the sign-off, as it says today. */
    public List<Blocked> openBlocking() {
        List<String> blocking = Arrays.stream(Rule.values())
                .filter(settings::blocksSignOff)
                .map(Enum::name)
                .toList();
        List<Blocked> blocked = new ArrayList<>();
        if (blocking.isEmpty()) {
            return blocked;
        }
        jdbc.query(
                "select distinct campaign_id, record_id from finding where status = 'OPEN' and rule in (:rules)",
                new MapSqlParameterSource("rules", blocking),
                (RowCallbackHandler) rs -> blocked.add(new Blocked(rs.getLong(1), rs.getLong(2))));
        return blocked;
    }

    /** The latest paper check of one file: what was found, to compare with the register. */
    public record LatestPaperCheck(long paperFileId, int pagesFound, boolean signaturesPresent, boolean contentAgrees) {

        public boolean agreesWith(int registeredPages) {
            return pagesFound == registeredPages && signaturesPresent && contentAgrees;
        }
    }

    /** Each checked file's latest check: rows come in file and campaign order, so the last of a file wins. */
    public List<LatestPaperCheck> latestPaperChecks() {
        List<LatestPaperCheck> latest = new ArrayList<>();
        jdbc.query("""
                select paper_file_id, pages_found, signatures_present, content_agrees from paper_consistency
                order by paper_file_id, campaign_id""", (RowCallbackHandler) rs -> {
            LatestPaperCheck check =
                    new LatestPaperCheck(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4));
            if (!latest.isEmpty() && latest.get(latest.size() - 1).paperFileId() == check.paperFileId()) {
                latest.set(latest.size() - 1, check);
            } else {
                latest.add(check);
            }
        });
        return latest;
    }
}
