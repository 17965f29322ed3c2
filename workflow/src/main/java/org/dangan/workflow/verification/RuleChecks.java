package org.dangan.workflow.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private final CampaignTally tally;

    RuleChecks(
            CampaignRepository campaigns,
            RecordBatches batches,
            RecordDuplicates duplicates,
            Institutions institutions,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager,
            CampaignTally tally) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.tally = tally;
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
        // held first: a transfer of records counts its findings before or after this batch, not across it
        tally.lock(campaignId);
        Campaign campaign = campaigns
                .findById(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
        if (campaign.getState() != CampaignState.RULE_CHECKS) {
            return 0;
        }
        Set<Long> scope = scopeOf(campaign, institutions);
        if (!tally.kept(campaignId)) {
            tally.open(campaign, scope);
        }
        List<StoredRecord> batch = batches.after(scope, campaign.getCheckedUpTo(), batchSize);
        if (batch.isEmpty()) {
            insertDuplicateFindings(campaign, scope);
            campaign.ruleChecksDone();
            campaigns.saveAndFlush(campaign);
            return 0;
        }
        tally.ensureRows(
                campaign, batch.stream().map(StoredRecord::institutionId).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(clock);
        List<SqlParameterSource> rows = new ArrayList<>();
        Map<Long, CampaignTally.Delta> counted = new HashMap<>();
        for (StoredRecord r : batch) {
            List<Finding> found = rules.check(RecordFacts.of(r), today);
            counted.computeIfAbsent(r.institutionId(), k -> new CampaignTally.Delta())
                    .add(CampaignTally.CHECKED, 1)
                    .add(CampaignTally.FLAGGED, found.isEmpty() ? 0 : 1)
                    .add(CampaignTally.OPEN, found.size());
            for (Finding f : found) {
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
        tally.add(campaignId, counted);
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
        Map<Long, Integer> perRecord = new HashMap<>();
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
                perRecord.merge(g.recordIds().get(i), 1, Integer::sum);
            }
        }
        Map<Long, CampaignTally.Delta> counted = duplicatesCounted(campaign.getId(), perRecord);
        tally.ensureRows(campaign, counted.keySet());
        insert(rows);
        tally.add(campaign.getId(), counted);
    }

    /**
     * What the duplicate findings add per institution: each finding is open, and a record is newly
     * flagged only when its own checks found nothing. Read before the findings are written.
     */
    private Map<Long, CampaignTally.Delta> duplicatesCounted(long campaignId, Map<Long, Integer> perRecord) {
        Map<Long, CampaignTally.Delta> counted = new HashMap<>();
        List<Long> ids = List.copyOf(perRecord.keySet());
        // PostgreSQL takes at most 32,767 parameters in one statement
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            Set<Long> flagged = new HashSet<>(jdbc.queryForList(
                    "select distinct record_id from finding where campaign_id = :campaign and record_id in (:records)",
                    new MapSqlParameterSource("campaign", campaignId).addValue("records", chunk),
                    Long.class));
            batches.byIds(chunk)
                    .values()
                    .forEach(r -> counted.computeIfAbsent(r.institutionId(), k -> new CampaignTally.Delta())
                            .add(CampaignTally.OPEN, perRecord.get(r.id()))
                            .add(CampaignTally.FLAGGED, flagged.contains(r.id()) ? 0 : 1));
        }
        return counted;
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
