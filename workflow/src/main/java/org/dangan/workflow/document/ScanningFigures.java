package org.dangan.workflow.document;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How scanning goes in the user's institutions, for the home pages of those who scan and search:
 * pages recognised per day and the documents still in recognition. Counts only, so reading them
 * is not audited; restricted documents count only for readers who may see them, since a count of
 * one at a small clinic beside a list that hides it tells that such a patient exists.
 */
@Service
@Transactional(readOnly = true)
public class ScanningFigures {

    private static final Role[] READERS = {Role.ARCHIVIST, Role.SEARCHER};

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final Clock clock;

    ScanningFigures(NamedParameterJdbcTemplate jdbc, Institutions institutions, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** Archivists scan, searchers read what was scanned: both follow how far recognition has come. */
    public boolean followedBy(DanganUser user) {
        return Arrays.stream(READERS).anyMatch(user::is);
    }

    /**
     * Pages recognised per day over the last {@code days} days up to today (China time), every day
     * present, oldest first. A document counts on the day it was archived after recognition here;
     * documents that arrived already recognised (handovers, born digital) have no recognition of
     * ours and are left out.
     */
    public Map<LocalDate, Long> pagesPerDay(int days) {
        RoleCheck.require(READERS);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate first = today.minusDays(Math.max(1, Math.min(days, 366)) - 1L);
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return perDay;
        }
        jdbc.query(
                """
                select archived_at, page_count from scanned_document
                where institution_id in (:ids) and state = 'ARCHIVED' and process_instance_id is not null
                and archived_at >= :from and (restricted = false or :all = true)""",
                new MapSqlParameterSource("ids", scope.ids())
                        .addValue("all", CurrentUser.require().has(Permission.RESTRICTED_DOCUMENTS))
                        .addValue(
                                "from",
                                Timestamp.from(
                                        first.atStartOfDay(ChinaTime.ZONE).toInstant())),
                (ResultSet rs) -> {
                    // the day in China time, whatever the database's zone: grouped here, not in SQL
                    LocalDate day = rs.getTimestamp(1)
                            .toInstant()
                            .atZone(ChinaTime.ZONE)
                            .toLocalDate();
                    long pages = rs.getLong(2);
                    perDay.computeIfPresent(day, (d, n) -> n + pages);
                });
        return perDay;
    }

    /** Documents not yet archived, per state: waiting, being recognised, waiting for review, failed. */
    public Map<DocumentState, Long> backlog() {
        RoleCheck.require(READERS);
        Map<DocumentState, Long> counts = new EnumMap<>(DocumentState.class);
        for (DocumentState state :
                List.of(DocumentState.QUEUED, DocumentState.OCR_RUNNING, DocumentState.REVIEW, DocumentState.FAILED)) {
            counts.put(state, 0L);
        }
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return counts;
        }
        jdbc.query(
                """
                select state, count(*) from scanned_document where institution_id in (:ids)
                and state <> 'ARCHIVED' and (restricted = false or :all = true) group by state""",
                new MapSqlParameterSource("ids", scope.ids())
                        .addValue("all", CurrentUser.require().has(Permission.RESTRICTED_DOCUMENTS)),
                (ResultSet rs) -> {
                    // recognised is archived in the same step: until then it is still "being recognised"
                    DocumentState state = DocumentState.valueOf(rs.getString(1));
                    counts.merge(
                            state == DocumentState.RECOGNISED ? DocumentState.OCR_RUNNING : state,
                            rs.getLong(2),
                            Long::sum);
                });
        return counts;
    }
}
