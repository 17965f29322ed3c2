package org.dangan.workflow.verification;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RecordsTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's report figures kept per institution of the records, so the dashboard reads a few
 * rows instead of counting every record and finding on each refresh. Each change is an increment
 * ({@code n = n + ?}) in the transaction that changes the findings or the rule checks' cursor: two
 * jobs or clerks at once add up, and a job that fails takes its increments back with its findings.
 *
 * <p>A row holds, for the records of one institution: those with an id up to the campaign's
 * {@code tallied_up_to} (records added later are counted apart, from the primary key), those the
 * rule checks have passed, those with a finding, and the findings open, fixed and waived.
 *
 * <p>Who may see which row is the report's business ({@link CampaignReports}); this class counts.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CampaignTally {

    /** Indexes of a figures array, as the report has always ordered them. */
    static final int RECORDS = 0;

    static final int FLAGGED = 1;
    static final int OPEN = 2;
    static final int FIXED = 3;
    static final int WAIVED = 4;
    static final int CHECKED = 5;
    static final int SIZE = 6;

    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final RecordBatches batches;
    private final CampaignRepository campaigns;
    private final Institutions institutions;

    @PersistenceContext
    private EntityManager entityManager;

    CampaignTally(
            NamedParameterJdbcTemplate jdbc,
            RecordBatches batches,
            CampaignRepository campaigns,
            Institutions institutions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.campaigns = campaigns;
        this.institutions = institutions;
    }

    /** A change to the figures of one institution: what a transaction adds (or takes). */
    static final class Delta {
        final long[] n = new long[SIZE];

        Delta add(int index, long by) {
            n[index] += by;
            return this;
        }

        boolean isEmpty() {
            for (long v : n) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Counts the campaign's institutions once, before its first batch is checked: every record so
     * far, nothing checked, no findings. Called with the campaign's row locked by the batch.
     */
    void open(Campaign campaign, Set<Long> institutionIds) {
        long upTo = batches.lastId();
        jdbc.update(
                "update verification_campaign set tallied_up_to = :upTo where id = :campaign",
                new MapSqlParameterSource("campaign", campaign.getId()).addValue("upTo", upTo));
        insertCounted(campaign.getId(), upTo, campaign.getCheckedUpTo(), institutionIds);
    }

    /** Whether the campaign is counted here (campaigns from before, or not yet checked, are not). */
    boolean kept(long campaignId) {
        return talliedUpTo(campaignId).isPresent();
    }

    /**
     * Holds the campaign's row until the transaction ends. The rule checks and the records' moves
     * take it first, so a batch and a transfer of its records count one after the other.
     */
    void lock(long campaignId) {
        jdbc.query(
                "select id from verification_campaign where id = :campaign for update",
                new MapSqlParameterSource("campaign", campaignId),
                (rs, n) -> rs.getLong(1));
    }

    /**
     * Makes sure each institution has its row before findings are written: a row made here counts
     * what is already there, and the change the caller is about to make is then added once.
     */
    void ensureRows(Campaign campaign, Collection<Long> institutionIds) {
        Set<Long> missing = new HashSet<>(institutionIds);
        missing.removeAll(rowsOf(campaign.getId()));
        if (!missing.isEmpty()) {
            long upTo = talliedUpTo(campaign.getId()).orElseThrow();
            insertCounted(campaign.getId(), upTo, campaign.getCheckedUpTo(), missing);
        }
    }

    /** Adds the changes, institution by institution in id order (so two writers never wait on each other in a circle). */
    void add(long campaignId, Map<Long, Delta> changes) {
        for (Map.Entry<Long, Delta> e : new TreeMap<>(changes).entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            long[] n = e.getValue().n;
            jdbc.update(
                    """
                    update campaign_tally set records = records + :records, flagged = flagged + :flagged,
                    open_findings = open_findings + :open, fixed = fixed + :fixed, waived = waived + :waived,
                    records_checked = records_checked + :checked
                    where campaign_id = :campaign and institution_id = :institution""",
                    new MapSqlParameterSource("campaign", campaignId)
                            .addValue("institution", e.getKey())
                            .addValue("records", n[RECORDS])
                            .addValue("flagged", n[FLAGGED])
                            .addValue("open", n[OPEN])
                            .addValue("fixed", n[FIXED])
                            .addValue("waived", n[WAIVED])
                            .addValue("checked", n[CHECKED]));
        }
    }

    /** Open findings of one institution's records that were resolved (fixed or waived). */
    void resolved(long campaignId, long institutionId, int statusIndex, int count) {
        if (count > 0) {
            add(campaignId, Map.of(institutionId, new Delta().add(OPEN, -count).add(statusIndex, count)));
        }
    }

    /**
     * The figures of the campaign per institution of the records (those asked for), as the report
     * counts them; empty when the campaign is not counted here. Reads the rows and the records
     * added since they were counted. An institution that came under the campaign's parts without
     * a row (a clinic moved under a township) is counted from its records and findings instead.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<Map<Long, long[]>> figures(Campaign campaign, Collection<Long> institutionIds) {
        Optional<Long> upTo = talliedUpTo(campaign.getId());
        if (upTo.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, long[]> figures = new HashMap<>();
        Set<Long> withoutRow = new HashSet<>(institutionIds);
        jdbc.query("""
                select institution_id, records, flagged, open_findings, fixed, waived, records_checked
                from campaign_tally where campaign_id = :campaign""", new MapSqlParameterSource("campaign", campaign.getId()), (ResultSet rs) -> {
            long id = rs.getLong(1);
            if (withoutRow.remove(id)) {
                long[] f = new long[SIZE];
                for (int i = 0; i < SIZE; i++) {
                    f[i] = rs.getLong(i + 2);
                }
                figures.put(id, f);
            }
        });
        batches.countsAfter(figures.keySet(), upTo.get()).forEach((id, n) -> figures.get(id)[RECORDS] += n);
        if (!withoutRow.isEmpty()) {
            figures.putAll(recounted(campaign, withoutRow));
        }
        return Optional.of(figures);
    }

    /**
     * The figures counted from the records and findings themselves, per institution of the
     * records: what the report read on every refresh before the rows were kept, and what they must
     * equal. For checks and repairs; it costs a read of the campaign's findings and records.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Map<Long, long[]> recounted(Campaign campaign, Collection<Long> institutionIds) {
        Map<Long, long[]> figures = new HashMap<>();
        institutionIds.forEach(id -> figures.put(id, new long[SIZE]));
        for (RecordBatches.RecordCount n : batches.counts(institutionIds, campaign.getCheckedUpTo())) {
            figures.get(n.institutionId())[RECORDS] += n.records();
            figures.get(n.institutionId())[CHECKED] += n.upTo();
        }
        if (!institutionIds.isEmpty()) {
            findingsByInstitution(campaign.getId(), institutionIds).forEach((id, f) -> {
                for (int i = FLAGGED; i <= WAIVED; i++) {
                    figures.get(id)[i] += f[i];
                }
            });
        }
        return figures;
    }

    /**
     * Counts the campaign's rows again from its records and findings, for whoever changed findings
     * other than through this module (a repair, a test that writes rows as they would be left).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recount(long campaignId) {
        lock(campaignId);
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        jdbc.update(
                "delete from campaign_tally where campaign_id = :campaign",
                new MapSqlParameterSource("campaign", campaignId));
        open(campaign, RuleChecks.scopeOf(campaign, institutions));
    }

    /**
     * Records that moved to another institution take their figures along in every campaign still
     * counted here (not those frozen at the city's acceptance), so the rows stay what a count of
     * the records and findings by their institution gives. The campaign's row is held first, so a
     * batch being checked counts before or after the move, never across it; the findings of the
     * moved records are held too, so a waiver under way is counted where its record ends up.
     */
    @EventListener
    public void on(RecordsTransferred event) {
        if (event.recordIds().isEmpty()) {
            return;
        }
        List<long[]> open = jdbc.query(
                """
                select c.id, c.tallied_up_to, c.checked_up_to from verification_campaign c
                where c.tallied_up_to is not null and exists (select 1 from campaign_tally t
                where t.campaign_id = c.id and t.institution_id in (:institutions))
                and not exists (select 1 from campaign_frozen_figures z where z.campaign_id = c.id)
                order by c.id""",
                new MapSqlParameterSource("institutions", List.of(event.fromInstitutionId(), event.toInstitutionId())),
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        if (open.isEmpty()) {
            return;
        }
        // the move itself may still be in the persistence context; the rows count from the database
        entityManager.flush();
        for (long[] c : open) {
            moved(c[0], c[1], c[2], event);
        }
    }

    private void moved(long campaignId, long talliedUpTo, long checkedUpTo, RecordsTransferred event) {
        lock(campaignId);
        Delta moving = new Delta();
        for (long id : event.recordIds()) {
            moving.add(RECORDS, id <= talliedUpTo ? 1 : 0).add(CHECKED, id <= checkedUpTo ? 1 : 0);
        }
        List<Long> ids = event.recordIds();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            Map<Long, long[]> byRecord = new HashMap<>();
            jdbc.query(
                    """
                    select record_id, status from finding where campaign_id = :campaign and record_id in (:records)
                    for update""",
                    new MapSqlParameterSource("campaign", campaignId)
                            .addValue("records", ids.subList(i, Math.min(ids.size(), i + CHUNK))),
                    (ResultSet rs) -> {
                        long[] f = byRecord.computeIfAbsent(rs.getLong(1), k -> new long[SIZE]);
                        f[statusIndex(rs.getString(2))]++;
                    });
            moving.add(FLAGGED, byRecord.size());
            byRecord.values().forEach(f -> {
                for (int k = OPEN; k <= WAIVED; k++) {
                    moving.add(k, f[k]);
                }
            });
        }
        Set<Long> existing = rowsOf(campaignId);
        Map<Long, Delta> changes = new HashMap<>();
        if (existing.contains(event.fromInstitutionId())) {
            Delta taken = new Delta();
            for (int k = 0; k < SIZE; k++) {
                taken.add(k, -moving.n[k]);
            }
            changes.put(event.fromInstitutionId(), taken);
        }
        if (existing.contains(event.toInstitutionId())) {
            changes.put(event.toInstitutionId(), moving);
        } else {
            // a new row counts the records where they are now, the moved ones among them
            insertCounted(campaignId, talliedUpTo, checkedUpTo, Set.of(event.toInstitutionId()));
        }
        add(campaignId, changes);
    }

    static int statusIndex(String status) {
        return switch (FindingStatus.valueOf(status)) {
            case OPEN -> OPEN;
            case FIXED -> FIXED;
            case WAIVED -> WAIVED;
        };
    }

    private Optional<Long> talliedUpTo(long campaignId) {
        List<Long> upTo = jdbc.query(
                "select tallied_up_to from verification_campaign where id = :campaign and tallied_up_to is not null",
                new MapSqlParameterSource("campaign", campaignId),
                (rs, n) -> rs.getLong(1));
        return upTo.stream().findFirst();
    }

    private Set<Long> rowsOf(long campaignId) {
        return new HashSet<>(jdbc.queryForList(
                "select institution_id from campaign_tally where campaign_id = :campaign",
                new MapSqlParameterSource("campaign", campaignId),
                Long.class));
    }

    /** Rows for the institutions, counted from the records and findings as they stand. */
    private void insertCounted(long campaignId, long talliedUpTo, long checkedUpTo, Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return;
        }
        Map<Long, long[]> rows = new HashMap<>();
        institutionIds.forEach(id -> rows.put(id, new long[SIZE]));
        for (RecordBatches.RecordCount n : batches.counts(institutionIds, talliedUpTo)) {
            rows.get(n.institutionId())[RECORDS] = n.upTo();
        }
        if (checkedUpTo > 0) {
            for (RecordBatches.RecordCount n : batches.counts(institutionIds, checkedUpTo)) {
                rows.get(n.institutionId())[CHECKED] = n.upTo();
            }
        }
        findingsByInstitution(campaignId, institutionIds).forEach((id, f) -> {
            long[] row = rows.get(id);
            if (row != null) {
                System.arraycopy(f, FLAGGED, row, FLAGGED, WAIVED - FLAGGED + 1);
            }
        });
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        rows.forEach((id, n) -> inserts.add(new MapSqlParameterSource("campaign", campaignId)
                .addValue("institution", id)
                .addValue("records", n[RECORDS])
                .addValue("checked", n[CHECKED])
                .addValue("flagged", n[FLAGGED])
                .addValue("open", n[OPEN])
                .addValue("fixed", n[FIXED])
                .addValue("waived", n[WAIVED])));
        jdbc.batchUpdate("""
                insert into campaign_tally (campaign_id, institution_id, records, records_checked, flagged,
                open_findings, fixed, waived)
                values (:campaign, :institution, :records, :checked, :flagged, :open, :fixed, :waived)""", inserts.toArray(MapSqlParameterSource[]::new));
    }

    /** The campaign's findings counted by the institution their record belongs to now (of those given). */
    private Map<Long, long[]> findingsByInstitution(long campaignId, Collection<Long> institutionIds) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.query(
                """
                select r.institution_id, count(distinct f.record_id),
                       sum(case when f.status = 'OPEN' then 1 else 0 end),
                       sum(case when f.status = 'FIXED' then 1 else 0 end),
                       sum(case when f.status = 'WAIVED' then 1 else 0 end)
                from finding f join health_record r on r.id = f.record_id
                where f.campaign_id = :campaign and r.institution_id in (:institutions)
                group by r.institution_id""",
                new MapSqlParameterSource("campaign", campaignId).addValue("institutions", institutionIds),
                (ResultSet rs) -> {
                    long[] c = new long[SIZE];
                    for (int i = FLAGGED; i <= WAIVED; i++) {
                        c[i] = rs.getLong(i + 1);
                    }
                    counts.put(rs.getLong(1), c);
                });
        return counts;
    }
}
