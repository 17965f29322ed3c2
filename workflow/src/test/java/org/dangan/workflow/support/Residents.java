package org.dangan.workflow.support;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.resident.ResidentCodes;
import org.dangan.workflow.resident.ResidentSettings;
import org.springframework.stereotype.Component;

/**
 * Residents for tests of the resident site (issue 19): a record with a phone of its own (so the
 * tests' SMS gateway tells its messages apart), the pilot opened to a test's county, and the code
 * the gateway got.
 */
@Component
public class Residents {

    /** A resident on file: the record, its ID number and its phone. */
    public record Resident(HealthRecord record, String idNumber, String phone) {}

    private final RegistryAdministration registry;
    private final ResidentSettings settings;
    private final ResidentCodes codes;

    public Residents(RegistryAdministration registry, ResidentSettings settings, ResidentCodes codes) {
        this.registry = registry;
        this.settings = settings;
        this.codes = codes;
    }

    /** Adds the institution to the pilot (counties are each test's own, so adding never disturbs another test). */
    public void openPilotTo(Institution institution) {
        Set<String> pilot = new HashSet<>(settings.pilotInstitutions());
        pilot.add(institution.getCode());
        settings.setPilotInstitutions(pilot);
    }

    /** An elderly woman born 1950 with a new phone, managed by {@code manager}, record number by serial. */
    public Resident register(Institution manager, int serial) {
        LocalDate birth = LocalDate.of(1950, 3, 7);
        String id = Fixtures.idNumber(manager.getCode().substring(0, 6), birth, Gender.FEMALE, serial);
        String phone = SmsGateway.newPhone();
        HealthRecord record = registry.register(new HealthRecord(
                        RecordNumber.of(manager.getCode() + "001" + "%05d".formatted(serial)),
                        "居民" + serial,
                        Gender.FEMALE,
                        birth,
                        id,
                        manager.getId())
                .contact(phone, "测试地址")
                .tagged(Set.of(KeyPopulation.ELDERLY))
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusDays(30)));
        return new Resident(record, id, phone);
    }

    /** The last code the gateway got for the resident's phone, once every code asked for is sent. */
    public String lastCode(Resident resident) {
        codes.settle();
        return SmsGateway.lastCodeTo(resident.phone())
                .orElseThrow(() -> new AssertionError("no code reached the resident's phone"));
    }
}
