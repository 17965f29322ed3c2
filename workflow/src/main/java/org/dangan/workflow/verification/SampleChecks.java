package org.dangan.workflow.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordBatches;
import org.dangan.workflow.registry.RestrictedWords;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county sample check (县级按比例抽查): the draw of an institution's sample for the current
 * round, the checkers' verdicts per sampled record, and the outcome against the threshold.
 */
@Service
@Transactional
public class SampleChecks {

    private final CampaignRepository campaigns;
    private final Institutions institutions;
    private final RuleSettings settings;
    private final RecordBatches batches;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    SampleChecks(
            CampaignRepository campaigns,
            Institutions institutions,
            RuleSettings settings,
            RecordBatches batches,
            NamedParameterJdbcTemplate jdbc,
            AuditLog auditLog,
            Clock clock) {
        this.batches = batches;
        this.campaigns = campaigns;
        this.institutions = institutions;
        this.settings = settings;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public enum Verdict {
        PASS,
        FAIL
    }

    public record SampleItem(
            long id,
            String recordNumber,
            String stratum,
            Verdict verdict,
            String reason,
            String checkedBy,
            String name) {}

    /**
     * The seed of one institution's draw in one round, derived from the campaign's recorded seed,
     * the institution's code and the round, so anyone with those three draws the same sample again.
     */
    public static long drawSeed(long campaignSeed, String institutionCode, int round) {
        return campaignSeed * 31 + institutionCode.hashCode() * 17L + round;
    }

    /** Draws the institution's sample for its current round and stores it; answers its size. */
    public int draw(long campaignId, long institutionId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        CampaignInstitution part = campaign.institution(institutionId);
        Institution institution = institutions.require(institutionId);
        RuleSettings.Thresholds thresholds =
                settings.thresholds(institution.getType().name());
        Map<String, Long> idOf = new HashMap<>();
        List<SampleDraw.Member> population = new ArrayList<>();
        for (RecordBatches.TaggedRecord r :
                batches.tagged(institutions.scopeOf(institutionId).ids())) {
            idOf.put(r.recordNumber(), r.id());
            population.add(new SampleDraw.Member(r.recordNumber(), stratumOf(r.keyPopulations())));
        }
        List<String> sample = SampleDraw.draw(
                population,
                campaign.getSampleRate(),
                thresholds.minimumSample(),
                drawSeed(campaign.getSeed(), institution.getCode(), part.getRound()));
        Map<String, String> stratum = population.stream()
                .collect(Collectors.toMap(SampleDraw.Member::recordNumber, SampleDraw.Member::stratum));
        jdbc.batchUpdate(
                """
                insert into sample_item (campaign_id, institution_id, check_round, record_id, record_number, stratum)
                values (:campaign, :institution, :round, :record, :number, :stratum)""",
                sample.stream()
                        .map(n -> (SqlParameterSource) new MapSqlParameterSource("campaign", campaignId)
                                .addValue("institution", institutionId)
                                .addValue("round", part.getRound())
                                .addValue("record", idOf.get(n))
                                .addValue("number", n)
                                .addValue("stratum", stratum.get(n)))
                        .toArray(SqlParameterSource[]::new));
        campaign.sampleDrawn(institutionId, sample.size());
        return sample.size();
    }

    /**
     * The stratum of a record: its first visible key population in the glossary's order, or NONE.
     * The restricted tag is never a stratum: a stratum is shown to every checker, and one named by
     * the tag (or one that skipped the tag only for some readers) would tell who carries it.
     */
    static String stratumOf(String keyPopulations) {
        return stratumOf(KeyPopulation.fromColumn(keyPopulations));
    }

    private static String stratumOf(Set<KeyPopulation> keyPopulations) {
        return keyPopulations.stream()
                .filter(tag -> !tag.restricted())
                .sorted()
                .findFirst()
                .map(Enum::name)
                .orElse("NONE");
    }

    /** The current round's sample of an institution, for the checkers (of the campaign's county only). */
    @Transactional
    public List<SampleItem> items(long campaignId, long institutionId) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Campaign campaign = checkerCampaign(campaignId);
        int round = campaign.institution(institutionId).getRound();
        record Row(SampleItem item, Long recordId) {}
        List<Row> rows = jdbc.query(
                """
                select id, record_number, stratum, verdict, reason, checked_by, record_id from sample_item
                where campaign_id = :campaign and institution_id = :institution and check_round = :round
                order by record_number""",
                new MapSqlParameterSource("campaign", campaignId)
                        .addValue("institution", institutionId)
                        .addValue("round", round),
                (rs, n) -> new Row(
                        new SampleItem(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4) == null ? null : Verdict.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6),
                                null),
                        (Long) rs.getObject(7, Long.class)));
        Map<Long, String> names = batches.names(
                rows.stream().map(Row::recordId).filter(Objects::nonNull).toList());
        List<SampleItem> items = rows.stream()
                .map(r -> new SampleItem(
                        r.item().id(),
                        r.item().recordNumber(),
                        r.item().stratum(),
                        r.item().verdict(),
                        r.item().reason(),
                        r.item().checkedBy(),
                        r.recordId() == null ? null : names.get(r.recordId())))
                .toList();
        auditLog.record(
                AuditAction.RECORD_LIST,
                "CAMPAIGN",
                Long.toString(campaignId),
                institutionId,
                "sample round " + round + " rows=" + items.size());
        return items;
    }

    /** A checker's verdict on one sampled record of an institution in its sample check; FAIL needs a reason. */
    public void judge(long campaignId, String recordNumber, Verdict verdict, String reason) {
        RoleCheck.require(Role.ARCHIVIST, Role.SUPERVISOR);
        Campaign campaign = checkerCampaign(campaignId);
        String why = reason == null ? "" : reason.strip();
        if (verdict == null) {
            throw Refused.invalid("sample.verdictRequired");
        }
        if (verdict == Verdict.FAIL && (why.isEmpty() || why.length() > 200)) {
            throw Refused.invalid("sample.failReasonRequired", 200);
        }
        // the institution's archivists read it in their next round, with or without the permission
        RestrictedWords.refuseNamed(why);
        List<Map<String, Object>> item = jdbc.queryForList(
                """
                select s.id, s.institution_id, s.check_round from sample_item s
                where s.campaign_id = :campaign and s.record_number = :number order by s.check_round desc""", new MapSqlParameterSource("campaign", campaignId).addValue("number", recordNumber));
        CampaignInstitution part = item.isEmpty()
                ? null
                : campaign.institution(((Number) item.get(0).get("institution_id")).longValue());
        if (part == null || part.getRound() != ((Number) item.get(0).get("check_round")).intValue()) {
            throw Refused.invalid("sample.notInSample", recordNumber, Long.toString(campaignId));
        }
        if (part.getState() != InstitutionCheckState.SAMPLE_CHECK) {
            throw Refused.of("sample.closed", part.getState());
        }
        jdbc.update(
                """
                update sample_item set verdict = :verdict, reason = :reason, checked_by = :by, checked_at = :at
                where id = :id""",
                new MapSqlParameterSource("id", item.get(0).get("id"))
                        .addValue("verdict", verdict.name())
                        .addValue("reason", why.isEmpty() ? null : why)
                        .addValue("by", CurrentUser.require().getUsername())
                        .addValue("at", Timestamp.from(clock.instant())));
        auditLog.record(
                AuditAction.SAMPLE_JUDGED,
                "CAMPAIGN",
                Long.toString(campaignId),
                part.getInstitutionId(),
                verdict.name());
    }

    /**
     * Judges every sampled record of the institution's current round that has no verdict yet as
     * passed, after the checker looked at the failures: answers how many were judged.
     */
    public int passRest(long campaignId, long institutionId) {
        List<String> rest = items(campaignId, institutionId).stream()
                .filter(i -> i.verdict() == null)
                .map(SampleItem::recordNumber)
                .toList();
        rest.forEach(number -> judge(campaignId, number, Verdict.PASS, null));
        return rest.size();
    }

    /** How many sampled records of the institution's current round still lack a verdict. */
    @Transactional(readOnly = true)
    public int unjudged(long campaignId, long institutionId, int round) {
        Integer n = jdbc.queryForObject("""
                select count(*) from sample_item where campaign_id = :campaign and institution_id = :institution
                and check_round = :round and verdict is null""", params(campaignId, institutionId, round), Integer.class);
        return n == null ? 0 : n;
    }

    /** The failed records of the round and their reasons, as the institution reads them when sent back. */
    @Transactional(readOnly = true)
    public List<String> failures(long campaignId, long institutionId, int round) {
        return jdbc.query(
                """
                select record_number, reason from sample_item where campaign_id = :campaign
                and institution_id = :institution and check_round = :round and verdict = 'FAIL' order by record_number""", params(campaignId, institutionId, round), (rs, n) -> rs.getString(1) + " " + rs.getString(2));
    }

    /** Who judged the samples of the campaign: they may not accept it. */
    @Transactional(readOnly = true)
    public Set<String> checkers(long campaignId) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "select distinct checked_by from sample_item"
                        + " where campaign_id = :campaign and checked_by is not null",
                new MapSqlParameterSource("campaign", campaignId),
                String.class));
    }

    private static MapSqlParameterSource params(long campaignId, long institutionId, int round) {
        return new MapSqlParameterSource("campaign", campaignId)
                .addValue("institution", institutionId)
                .addValue("round", round);
    }

    /** County checkers are the archivists and supervisors of the campaign's county health bureau. */
    private Campaign checkerCampaign(long campaignId) {
        DanganUser user = CurrentUser.require();
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        if (campaign.getCountyId() == null
                || !campaign.getCountyId().equals(user.institutionId())
                || !(user.is(Role.ARCHIVIST) || user.is(Role.SUPERVISOR))) {
            throw Refused.forbidden("sample.checkersOnly", Long.toString(campaignId));
        }
        return campaign;
    }
}
