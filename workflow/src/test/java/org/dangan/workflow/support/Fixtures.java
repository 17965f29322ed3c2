package org.dangan.workflow.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.registry.ResidentId;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.storage.BoxBarcode;
import org.dangan.workflow.storage.LocationType;
import org.dangan.workflow.storage.StorageAdministration;
import org.dangan.workflow.storage.StorageLocation;
import org.springframework.stereotype.Component;

/**
 * Builds small, independent worlds for tests: a county with two townships and their users, under
 * a county code of its own, so tests sharing one PostgreSQL database never see each other's data.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-password-2026";

    private final Institutions institutions;
    private final UserAccounts users;
    private final RegistryAdministration registry;
    private final StorageAdministration storage;

    public Fixtures(
            Institutions institutions,
            UserAccounts users,
            RegistryAdministration registry,
            StorageAdministration storage) {
        this.institutions = institutions;
        this.users = users;
        this.registry = registry;
        this.storage = storage;
    }

    private final Map<Long, StorageLocation> shelves = new ConcurrentHashMap<>();

    public County county() {
        String code;
        do {
            code = Integer.toString(ThreadLocalRandom.current().nextInt(110_000, 660_000));
        } while (code.endsWith("00") || institutions.byCode(code).isPresent());
        String cityCode = code.substring(0, 4) + "00";
        Institution city = institutions
                .byCode(cityCode)
                .orElseGet(() -> institutions.register(cityCode, "测试市" + cityCode, InstitutionType.CITY, null));
        Institution county = institutions.register(code, "测试县" + code, InstitutionType.COUNTY_BUREAU, city.getId());
        Institution a = institutions.register(code + "101", "甲镇卫生院", InstitutionType.TOWNSHIP_CENTRE, county.getId());
        Institution b = institutions.register(code + "102", "乙镇卫生院", InstitutionType.TOWNSHIP_CENTRE, county.getId());
        Institution village =
                institutions.register(code + "101201", "甲村卫生室", InstitutionType.VILLAGE_CLINIC, a.getId());
        String p = "t" + code + "-";
        users.create(
                p + "archivist-a",
                PASSWORD,
                "甲档案员",
                Role.ARCHIVIST,
                a.getId(),
                Set.of(Permission.FULL_ID_NUMBER, Permission.RESTRICTED_DOCUMENTS));
        users.create(p + "archivist-b", PASSWORD, "乙档案员", Role.ARCHIVIST, b.getId(), Set.of());
        users.create(p + "searcher-a", PASSWORD, "甲查询员", Role.SEARCHER, a.getId(), Set.of());
        users.create(p + "searcher-b", PASSWORD, "乙查询员", Role.SEARCHER, b.getId(), Set.of());
        users.create(p + "county-supervisor", PASSWORD, "县主管", Role.SUPERVISOR, county.getId(), Set.of());
        users.create(p + "auditor", PASSWORD, "审计员", Role.AUDITOR, county.getId(), Set.of());
        users.create(p + "county-checker", PASSWORD, "县核查员", Role.ARCHIVIST, county.getId(), Set.of());
        // merges move restricted content too: a county archivist who may see it
        users.create(
                p + "county-keeper",
                PASSWORD,
                "县档案员",
                Role.ARCHIVIST,
                county.getId(),
                Set.of(Permission.RESTRICTED_DOCUMENTS));
        users.create(p + "head-a", PASSWORD, "甲院长", Role.SUPERVISOR, a.getId(), Set.of());
        users.create(p + "head-b", PASSWORD, "乙院长", Role.SUPERVISOR, b.getId(), Set.of());
        users.create(p + "city-supervisor", PASSWORD, "市验收员", Role.SUPERVISOR, city.getId(), Set.of());
        for (Institution township : List.of(a, b)) {
            StorageLocation site = storage.register(
                    new StorageLocation(township.getName(), LocationType.SITE, null, township.getId()));
            StorageLocation room =
                    storage.register(new StorageLocation("档案室", LocationType.ROOM, site, township.getId()));
            shelves.put(
                    township.getId(),
                    storage.register(new StorageLocation("1号架", LocationType.SHELF, room, township.getId())));
        }
        return new County(county, a, b, village, p);
    }

    /** A box on the township's shelf (档案室 / 1号架 of the site named after it), barcode from the serial. */
    public Box box(Institution township, int serial) {
        StorageLocation shelf = shelves.get(township.getId());
        if (shelf == null) {
            throw new IllegalArgumentException(township.getCode() + " has no shelf: boxes go to townships of county()");
        }
        return storage.register(new Box(BoxBarcode.of(township.getId() * 100_000L + serial), 50, shelf));
    }

    public HealthRecord record(Institution manager, int serial) {
        return record(manager, "001", serial, LocalDate.of(1950, 3, 7), Gender.MALE);
    }

    public HealthRecord record(Institution township, String village, int serial, LocalDate birth, Gender gender) {
        String prefix = township.getCode().length() == 12 ? township.getCode() : township.getCode() + village;
        RecordNumber number = RecordNumber.of(prefix + "%05d".formatted(serial));
        HealthRecord record = new HealthRecord(
                        number,
                        "测试" + serial,
                        gender,
                        birth,
                        idNumber(township.getCode().substring(0, 6), birth, gender, serial),
                        township.getId())
                .contact("13800000000", "测试地址" + serial)
                .servedOn(LocalDate.now(ChinaTime.ZONE).minusDays(30));
        HealthRecord saved = registry.register(record);
        Map<DocumentType, Integer> contents = new EnumMap<>(DocumentType.class);
        contents.put(DocumentType.BASIC_INFO, 2);
        contents.put(DocumentType.HEALTH_EXAM, 4);
        registry.register(new PaperFile(number.value() + "-01", saved.getId(), contents));
        return saved;
    }

    public static String idNumber(String division, LocalDate birth, Gender gender, int serial) {
        int sequence = (serial % 500) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = division + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /**
     * A county (in a city) with townships A and B, each with a shelf, a village clinic under A, and
     * users named {@code prefix + role}: archivist-a/-b, head-a/-b, searcher-a/-b, county-supervisor,
     * county-checker, auditor, city-supervisor.
     */
    public record County(Institution county, Institution a, Institution b, Institution village, String prefix) {
        public String user(String name) {
            return prefix + name;
        }
    }
}
