package org.dangan.workflow.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangan.pdf.PrintedSheet;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.PdfFont;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign report: per institution its records, flagged records, open, fixed and waived
 * findings, sample size and error rate, and where it stands; as numbers for the dashboard and the
 * API, and as a printable PDF. Counts only: no personal data.
 */
@Service
@Transactional(readOnly = true)
public class CampaignReports {

    private final Campaigns campaigns;
    private final Institutions institutions;
    private final CheckerSignOffs signOffs;
    private final CampaignTally tally;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final PdfFont font;

    CampaignReports(
            Campaigns campaigns,
            Institutions institutions,
            CheckerSignOffs signOffs,
            CampaignTally tally,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            PdfFont font) {
        this.tally = tally;
        this.campaigns = campaigns;
        this.institutions = institutions;
        this.signOffs = signOffs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.font = font;
    }

    public record InstitutionProgress(
            long institutionId,
            String code,
            String name,
            InstitutionCheckState state,
            int round,
            long records,
            long flagged,
            long open,
            long fixed,
            long waived,
            int sampleSize,
            int sampleFailures,
            BigDecimal sampleErrorRate,
            String reworkReason) {}

    public record CampaignProgress(
            long id,
            String processInstanceId,
            CampaignState state,
            LocalDate deadline,
            boolean overdue,
            BigDecimal sampleRate,
            Long seed,
            String createdBy,
            long records,
            long recordsChecked,
            long flagged,
            long open,
            long fixed,
            long waived,
            int sampleSize,
            BigDecimal sampleErrorRate,
            long signedOff,
            String returnedReason,
            List<InstitutionProgress> institutions,
            boolean frozen) {}

    /**
     * The progress of a campaign the current user may see, as far as the user's institutions go: a
     * township reads its own row and totals over its own rows only (another township's counts and
     * rework reason are that township's business); the county and the city, whose scope holds every
     * institution of the campaign, read all of it.
     */
    /**
     * The seed decides which records the county samples: known before the last draw, it would let an
     * institution fix exactly those. It is told once no more draws can come (the city accepted), so
     * that anyone can draw the samples again and check them.
     */
    private static Long revealedSeed(Campaign campaign) {
        return campaign.getState() == CampaignState.SIGN_OFF || campaign.getState() == CampaignState.COMPLETED
                ? campaign.getSeed()
                : null;
    }

    public CampaignProgress progress(long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        InstitutionScope scope = institutions.currentScope();
        List<CampaignInstitution> parts = campaign.getInstitutions().stream()
                .filter(part -> readable(part.getInstitutionId(), scope))
                .toList();
        boolean whole = parts.size() == campaign.getInstitutions().size();
        // records, flagged, open, fixed, waived, checked, signed off: as accepted once the city accepted
        Map<Long, long[]> frozen = frozen(campaignId);
        Map<Long, long[]> counts = frozen.isEmpty() ? counted(campaign, parts) : frozen;
        boolean signedOffFrozen = !frozen.isEmpty() && campaign.getState() == CampaignState.COMPLETED;
        List<InstitutionProgress> rows = new ArrayList<>();
        long[] total = new long[7];
        int sampleSize = 0;
        int failures = 0;
        for (CampaignInstitution part : parts) {
            Institution i = institutions.require(part.getInstitutionId());
            long[] c = counts.get(part.getInstitutionId());
            for (int k = 0; k < 7; k++) {
                total[k] += c[k];
            }
            sampleSize += part.getSampleSize();
            failures += part.getSampleFailures();
            rows.add(new InstitutionProgress(
                    i.getId(),
                    i.getCode(),
                    i.getName(),
                    part.getState(),
                    part.getRound(),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    part.getSampleSize(),
                    part.getSampleFailures(),
                    part.sampleErrorRate(),
                    part.getReworkReason()));
        }
        BigDecimal errorRate = sampleSize == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(failures).divide(BigDecimal.valueOf(sampleSize), 4, RoundingMode.HALF_UP);
        return new CampaignProgress(
                campaign.getId(),
                campaign.getProcessInstanceId(),
                campaign.getState(),
                campaign.getDeadline(),
                campaign.isOverdue(),
                campaign.getSampleRate(),
                revealedSeed(campaign),
                campaign.getCreatedBy(),
                total[0],
                whole ? campaign.getRecordsChecked() : total[5],
                total[1],
                total[2],
                total[3],
                total[4],
                sampleSize,
                errorRate,
                signedOffFrozen
                        ? total[6]
                        : whole
                                ? signOffs.signedOff(campaignId)
                                : signOffs.signedOff(campaignId, members(parts).keySet()),
                campaign.getReturnedReason(),
                rows,
                !frozen.isEmpty());
    }

    /** Each member institution (the part itself and its clinics) to the campaign's part it belongs to. */
    private Map<Long, Long> members(List<CampaignInstitution> parts) {
        Map<Long, Long> ownerOf = new HashMap<>();
        for (CampaignInstitution part : parts) {
            institutions
                    .scopeOf(part.getInstitutionId())
                    .ids()
                    .forEach(member -> ownerOf.put(member, part.getInstitutionId()));
        }
        return ownerOf;
    }

    /**
     * The figures as the records stand today, per part of the campaign: from the rows kept as the
     * findings change, or (for a campaign not yet counted that way) from the records and findings.
     */
    private Map<Long, long[]> counted(Campaign campaign, List<CampaignInstitution> parts) {
        Map<Long, Long> ownerOf = members(parts);
        Map<Long, long[]> byMember =
                tally.figures(campaign, ownerOf.keySet()).orElseGet(() -> tally.recounted(campaign, ownerOf.keySet()));
        return byPart(parts, ownerOf, byMember);
    }

    /** The figures per part as the report reads them today, for every part of the campaign. */
    Map<Long, long[]> current(Campaign campaign) {
        return counted(campaign, campaign.getInstitutions());
    }

    /** The figures counted from the records and findings themselves, per part: what the kept rows must equal. */
    Map<Long, long[]> recounted(Campaign campaign) {
        Map<Long, Long> ownerOf = members(campaign.getInstitutions());
        return byPart(campaign.getInstitutions(), ownerOf, tally.recounted(campaign, ownerOf.keySet()));
    }

    private static Map<Long, long[]> byPart(
            List<CampaignInstitution> parts, Map<Long, Long> ownerOf, Map<Long, long[]> byMember) {
        Map<Long, long[]> counts = new HashMap<>();
        parts.forEach(part -> counts.put(part.getInstitutionId(), new long[7]));
        byMember.forEach((member, figures) -> {
            long[] c = counts.get(ownerOf.get(member));
            for (int k = 0; k < CampaignTally.SIZE; k++) {
                c[k] += figures[k];
            }
        });
        return counts;
    }

    private Map<Long, long[]> frozen(long campaignId) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.query("""
                select institution_id, records, flagged, open_findings, fixed, waived, records_checked, signed_off
                from campaign_frozen_figures where campaign_id = :campaign""", new MapSqlParameterSource("campaign", campaignId), (ResultSet rs) -> {
            long[] c = new long[7];
            for (int i = 0; i < 7; i++) {
                c[i] = rs.getLong(i + 2);
            }
            counts.put(rs.getLong(1), c);
        });
        return counts;
    }

    /**
     * Freezes the figures of every institution of the campaign as the city accepted them: from then
     * on the report shows these, whatever handovers and mergers later do to the records.
     */
    @Transactional
    public void freeze(Campaign campaign) {
        Map<Long, long[]> counts = counted(campaign, campaign.getInstitutions());
        MapSqlParameterSource ofCampaign = new MapSqlParameterSource("campaign", campaign.getId());
        jdbc.update("delete from campaign_frozen_figures where campaign_id = :campaign", ofCampaign);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(
                """
                insert into campaign_frozen_figures (campaign_id, institution_id, records, flagged, open_findings,
                fixed, waived, records_checked, signed_off, frozen_at)
                values (:campaign, :institution, :records, :flagged, :open, :fixed, :waived, :checked, 0, :at)""",
                counts.entrySet().stream()
                        .map(e -> (SqlParameterSource) new MapSqlParameterSource("campaign", campaign.getId())
                                .addValue("institution", e.getKey())
                                .addValue("records", e.getValue()[0])
                                .addValue("flagged", e.getValue()[1])
                                .addValue("open", e.getValue()[2])
                                .addValue("fixed", e.getValue()[3])
                                .addValue("waived", e.getValue()[4])
                                .addValue("checked", e.getValue()[5])
                                .addValue("at", now))
                        .toArray(SqlParameterSource[]::new));
    }

    /** At the campaign's close, the signed-off paper files of each institution join the frozen figures. */
    @Transactional
    public void freezeSignedOff(Campaign campaign) {
        for (CampaignInstitution part : campaign.getInstitutions()) {
            jdbc.update(
                    """
                    update campaign_frozen_figures set signed_off = :n where campaign_id = :campaign
                    and institution_id = :institution""",
                    new MapSqlParameterSource("campaign", campaign.getId())
                            .addValue("institution", part.getInstitutionId())
                            .addValue(
                                    "n",
                                    signOffs.signedOff(
                                            campaign.getId(),
                                            institutions
                                                    .scopeOf(part.getInstitutionId())
                                                    .ids())));
        }
    }

    /** A row the reader may see: an institution of the reader's scope, or the one the reader's institution lies in. */
    private boolean readable(long institutionId, InstitutionScope scope) {
        return scope.includes(institutionId)
                || institutions.require(institutionId).contains(scope.root());
    }

    /** The report as a printable PDF (A4), in Chinese with English. */
    public byte[] pdf(long campaignId) {
        CampaignProgress p = progress(campaignId);
        List<List<String>> rows = new ArrayList<>();
        for (InstitutionProgress i : p.institutions()) {
            rows.add(List.of(
                    i.name(),
                    Long.toString(i.records()),
                    Long.toString(i.flagged()),
                    Long.toString(i.fixed()),
                    Long.toString(i.waived()),
                    Long.toString(i.open()),
                    Integer.toString(i.sampleSize()),
                    percent(i.sampleErrorRate()),
                    font.name(i.state()) + " / 第 " + i.round() + " 轮"));
        }
        rows.add(List.of(
                "合计 Total",
                Long.toString(p.records()),
                Long.toString(p.flagged()),
                Long.toString(p.fixed()),
                Long.toString(p.waived()),
                Long.toString(p.open()),
                Integer.toString(p.sampleSize()),
                percent(p.sampleErrorRate()),
                font.name(p.state())));
        try (PrintedSheet sheet = font.sheet()) {
            return sheet.title("健康档案清理核查报告 Verification campaign report")
                    .line("核查活动 Campaign " + p.id() + "    状态 State: " + font.name(p.state())
                            + (p.overdue() ? "    已逾期 OVERDUE" : ""))
                    .line("截止日期 Deadline: " + p.deadline() + "    抽查比例 Sample rate: " + percent(p.sampleRate())
                            + (p.seed() == null ? "" : "    随机种子 Seed: " + p.seed()))
                    .line("已核查档案 Records checked: " + p.recordsChecked() + " / " + p.records()
                            + "    已签字档案袋 Paper files signed off: " + p.signedOff())
                    .line("报告日期 Reported: " + ChinaTime.today(clock))
                    .gap()
                    .table(
                            List.of(
                                    "机构 Institution",
                                    "档案 Records",
                                    "有问题 Flagged",
                                    "已纠正 Fixed",
                                    "已豁免 Waived",
                                    "未处理 Open",
                                    "抽查 Sample",
                                    "差错率 Error rate",
                                    "状态/轮次 State/round"),
                            new float[] {3.6f, 1.1f, 1.1f, 1.1f, 1.1f, 1.1f, 1f, 1.1f, 2f},
                            rows)
                    .toBytes();
        }
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(100))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }
}
