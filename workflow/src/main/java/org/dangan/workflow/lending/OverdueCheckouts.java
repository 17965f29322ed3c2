package org.dangan.workflow.lending;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccount;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-outs of the user's institutions whose paper is still out after the day it was promised
 * back (China time), for the keepers' home pages: who has it, since when it is due, how many
 * files. No file numbers or residents, so not audited as a custody read.
 */
@Service
@Transactional(readOnly = true)
public class OverdueCheckouts {

    private static final Role[] KEEPERS = {Role.ARCHIVIST, Role.SUPERVISOR};

    private final NamedParameterJdbcTemplate jdbc;
    private final Institutions institutions;
    private final UserAccounts users;
    private final Clock clock;

    OverdueCheckouts(NamedParameterJdbcTemplate jdbc, Institutions institutions, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.users = users;
        this.clock = clock;
    }

    /** {@code borrower} is the requester's name as people know it; {@code daysOverdue} is at least one. */
    public record Overdue(long id, String institution, String borrower, LocalDate dueOn, long daysOverdue, int files) {}

    public boolean followedBy(DanganUser user) {
        return Arrays.stream(KEEPERS).anyMatch(user::is);
    }

    /** The overdue check-outs of the user's institutions, the longest overdue first. */
    public List<Overdue> list() {
        RoleCheck.require(KEEPERS);
        InstitutionScope scope = institutions.currentScope();
        if (scope.ids().isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return jdbc.query(
                """
                select c.id, c.institution_id, c.requested_by, c.due_on,
                       (select count(*) from paper_checkout_file f where f.checkout_id = c.id)
                from paper_checkout c where c.institution_id in (:ids) and c.state = 'OUT' and c.due_on < :today
                order by c.due_on, c.id""", new MapSqlParameterSource("ids", scope.ids()).addValue("today", Date.valueOf(today)), (rs, n) -> {
                    LocalDate due = rs.getDate(4).toLocalDate();
                    return new Overdue(
                            rs.getLong(1),
                            institutions.require(rs.getLong(2)).getName(),
                            users.find(rs.getString(3))
                                    .map(UserAccount::getDisplayName)
                                    .orElse(rs.getString(3)),
                            due,
                            ChronoUnit.DAYS.between(due, today),
                            rs.getInt(5));
                });
    }
}
