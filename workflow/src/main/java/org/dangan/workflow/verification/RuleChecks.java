package org.dangan.workflow.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.DuplicateGroup;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordDuplicates;
import org.dangan.workflow.registry.StoredRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a campaign's rule checks a batch at a time. Each batch is one transaction that writes its
 * findings and moves the campaign's cursor together, so a crash loses at most the batch in hand,
 * which the next call checks again from the committed cursor: nothing is checked twice and no
 * finding is lost. A unique key on (campaign, record, rule) guards the same promise in the
 * database. When no record is left, the duplicates among all the campaign's records are added and
 * the campaign moves on to the self-check.
 */
@Service
public class RuleChecks {

    private final CampaignRepository campaigns;
    private final RecordBatches batches;
    private final RecordDuplicates duplicates;
    private final Institutions institutions;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RuleChecks(
            CampaignRepository campaigns,
            RecordBatches batches,
            RecordDuplicates duplicates,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.campaigns = campaigns;
        this.batches = batches;
        this.duplicates = duplicates;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks the next batch; answers how many records it checked, 0 once the campaign's checks are done. */
    public int checkNextBatch(long campaignId, int batchSize, RuleBook rules) {
        // explicit, so the batch is one transaction also when runToEnd calls it from inside this class
        Integer checked = transactions.execute(status -> checkBatch(campaignId, batchSize, rules));
        return checked == null ? 0 : checked;
    }

    private int checkBatch(long campaignId, int batchSize, RuleBook rules) {
        Campaign campaign = campaigns
                .findById(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
        if (campaign.getState() != CampaignState.RULE_CHECKS) {
            return 0;
        }
        Set<Long> scope = scopeOf(campaign, institutions);
        List<StoredRecord> batch = batches.after(scope, campaign.getCheckedUpTo(), batchSize);
        if (batch.isEmpty()) {
            insertDuplicateFindings(campaign, scope);
            campaign.ruleChecksDone();
            campaigns.saveAndFlush(campaign);
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<SqlParameterSource> rows = new ArrayList<>();
        for (StoredRecord r : batch) {
            for (Finding f : rules.check(RecordFacts.of(r), today)) {
                rows.add(row(
                        campaign,
                        r.id(),
                        r.recordNumber(),
                        f.rule(),
                        f.severity(),
                        f.args().stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        }
        insert(rows);
        campaign.checked(batch.get(batch.size() - 1).id(), batch.size());
        campaigns.saveAndFlush(campaign);
        return batch.size();
    }

    /** Runs the checks to the end, reporting progress after each batch. */
    public long runToEnd(long campaignId, int batchSize, RuleBook rules, LongConsumer progress) {
        long total = 0;
        for (int n = checkNextBatch(campaignId, batchSize, rules);
                n > 0;
                n = checkNextBatch(campaignId, batchSize, rules)) {
            total += n;
            progress.accept(total);
        }
        return total;
    }

    private void insertDuplicateFindings(Campaign campaign, Set<Long> scope) {
        List<DuplicateGroup> groups = duplicates.among(scope);
        if (groups.isEmpty()) {
            return;
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        for (DuplicateGroup g : groups) {
            Rule rule = g.reason() == DuplicateGroup.Reason.SAME_ID_NUMBER
                    ? Rule.DUPLICATE_ID_NUMBER
                    : Rule.DUPLICATE_NAME_BIRTH_VILLAGE;
            for (int i = 0; i < g.recordNumbers().size(); i++) {
                String number = g.recordNumbers().get(i);
                String others = g.recordNumbers().stream()
                        .filter(o -> !o.equals(number))
                        .collect(Collectors.joining(", "));
                rows.add(row(campaign, g.recordIds().get(i), number, rule, rule.defaultSeverity(), others));
            }
        }
        insert(rows);
    }

    /** The ids of the campaign's institutions and everything under them (village clinics). */
    static Set<Long> scopeOf(Campaign campaign, Institutions institutions) {
        Set<Long> scope = new HashSet<>();
        campaign.getInstitutionIds()
                .forEach(id -> scope.addAll(institutions.scopeOf(id).ids()));
        return scope;
    }

    private static SqlParameterSource row(
            Campaign campaign, long recordId, String recordNumber, Rule rule, Severity severity, String detail) {
        return new MapSqlParameterSource()
                .addValue("campaign", campaign.getId())
                .addValue("record", recordId)
                .addValue("number", recordNumber)
                .addValue("rule", rule.name())
                .addValue("severity", severity.name())
                .addValue("detail", detail.length() > 200 ? detail.substring(0, 200) : detail);
    }

    private void insert(List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into finding (campaign_id, record_id, record_number, rule, severity, detail, status)
                    values (:campaign, :record, :number, :rule, :severity, :detail, 'OPEN')""", rows.toArray(SqlParameterSource[]::new));
        }
    }
}
