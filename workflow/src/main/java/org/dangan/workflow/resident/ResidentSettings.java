package org.dangan.workflow.resident;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may use the resident site, read on every request so that the county can close it (and a
 * test can flip it) without a restart: the county switch {@code dangan.resident.enabled}, the pilot
 * institutions {@code dangan.resident.pilot.institutions} (codes; a record counts when its managing
 * institution or one above it is listed) and the pilot key populations
 * {@code dangan.resident.pilot.key-populations} (names; empty means every resident of those
 * institutions).
 */
@Component
public class ResidentSettings {

    /** Deceased, moved out and merged-away records have no resident to sign in. */
    private static final Set<RecordStatus> LIVING = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.RETIRED_PAPER);

    private final Institutions institutions;
    private final boolean trustForwardedFor;
    private volatile boolean enabled;
    private volatile Set<String> pilotInstitutions;
    private volatile Set<KeyPopulation> pilotKeyPopulations;

    ResidentSettings(
            Institutions institutions,
            @Value("${dangan.resident.enabled:false}") boolean enabled,
            @Value("${dangan.resident.pilot.institutions:}") List<String> pilotInstitutions,
            @Value("${dangan.resident.pilot.key-populations:}") List<String> pilotKeyPopulations,
            @Value("${dangan.resident.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.institutions = institutions;
        this.trustForwardedFor = trustForwardedFor;
        setEnabled(enabled);
        setPilotInstitutions(pilotInstitutions);
        setPilotKeyPopulations(pilotKeyPopulations.stream()
                .filter(s -> !s.isBlank())
                .map(s -> {
                    try {
                        return KeyPopulation.valueOf(s.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("dangan.resident.pilot.key-populations: " + s + " is none of "
                                + List.of(KeyPopulation.values()));
                    }
                })
                .toList());
    }

    public boolean enabled() {
        return enabled;
    }

    /** The county switch: off, every address under /api/resident answers 404 and no code is sent. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<String> pilotInstitutions() {
        return pilotInstitutions;
    }

    public void setPilotInstitutions(Collection<String> codes) {
        this.pilotInstitutions =
                codes.stream().map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public Set<KeyPopulation> pilotKeyPopulations() {
        return pilotKeyPopulations;
    }

    public void setPilotKeyPopulations(Collection<KeyPopulation> populations) {
        this.pilotKeyPopulations = Set.copyOf(populations);
    }

    /**
     * Whether a record's resident may sign in: the site is on, the record is a living one, its
     * managing institution or one above it is in the pilot, and (when the pilot names key
     * populations) it belongs to one of them.
     */
    public boolean admits(long institutionId, RecordStatus status, Set<KeyPopulation> keyPopulations) {
        if (!enabled || !LIVING.contains(status)) {
            return false;
        }
        Set<KeyPopulation> populations = pilotKeyPopulations;
        if (!populations.isEmpty() && keyPopulations.stream().noneMatch(populations::contains)) {
            return false;
        }
        Set<String> codes = pilotInstitutions;
        Institution institution = institutions.require(institutionId);
        if (codes.contains(institution.getCode())) {
            return true;
        }
        for (String ancestor : institution.getPath().split("/")) {
            if (!ancestor.isEmpty()
                    && codes.contains(
                            institutions.require(Long.parseLong(ancestor)).getCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address limits count against: the connection's, unless {@code dangan.resident.trust-forwarded-for}
     * says a proxy of ours stands in front, whose address is then the last in X-Forwarded-For (what
     * the client itself sends before it proves nothing).
     */
    public String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }
}
