package org.dangan.workflow.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dangan.workflow.assessment.Populations;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionType;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.KeyPopulation;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo data set, loaded once into an empty database under the {@code demo} profile: one
 * city, one county, townships A and B, a village clinic under A, a few thousand records with the
 * errors a verification campaign must find, paper files, a room with shelves and boxes, and one
 * user per role. Generated from a fixed seed, so every demo starts the same.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "dangan-demo";
    static final int RECORDS_A = 1800;
    static final int RECORDS_B = 1400;
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋",
        "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚",
        "桂英", "建国", "淑珍", "玉兰", "志强", "海燕", "红梅", "春花", "子涵", "浩然", "欣怡", "梓萱", "宇轩"
    };
    private static final String[] VILLAGES = {"东里寨村", "西柏棠村", "南楼村", "北化村", "屯里村"};

    static final String TOWNSHIP_A = "130123101";

    /**
     * Residents of township A who sign in on the resident site (issue 19) with the phones and ID
     * numbers the README lists, by their serial in A: fixed, where the generated ones change with the
     * day the demo is loaded. The first has the demo's restricted follow-up record (never shown to
     * them online), the other two examination reports.
     */
    record PilotResident(
            String name, Gender gender, LocalDate birth, String idNumber, String phone, Set<KeyPopulation> tags) {}

    static final Map<Integer, PilotResident> PILOT_RESIDENTS = Map.of(
            1,
            new PilotResident(
                    "赵海燕",
                    Gender.FEMALE,
                    LocalDate.of(1979, 11, 3),
                    "130123197911030464",
                    "13800138003",
                    Set.of(KeyPopulation.SEVERE_MENTAL_DISORDER)),
            3,
            new PilotResident(
                    "王秀英",
                    Gender.FEMALE,
                    LocalDate.of(1948, 5, 12),
                    "130123194805120227",
                    "13800138001",
                    Set.of(KeyPopulation.ELDERLY, KeyPopulation.HYPERTENSION)),
            4,
            new PilotResident(
                    "李建国",
                    Gender.MALE,
                    LocalDate.of(1956, 9, 30),
                    "13012319560930017X",
                    "13800138002",
                    Set.of(KeyPopulation.ELDERLY, KeyPopulation.TYPE2_DIABETES)));

    private final Institutions institutions;
    private final UserAccounts users;
    private final RegistryAdministration registry;
    private final StorageAdministration storage;
    private final BornDigital bornDigital;
    private final Populations populations;

    DemoData(
            Institutions institutions,
            UserAccounts users,
            RegistryAdministration registry,
            StorageAdministration storage,
            BornDigital bornDigital,
            Populations populations) {
        this.bornDigital = bornDigital;
        this.populations = populations;
        this.institutions = institutions;
        this.users = users;
        this.registry = registry;
        this.storage = storage;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (institutions.byCode("130000").isPresent()) {
            LOG.info("demo data already in the database, not loaded again");
            return;
        }
        long started = System.nanoTime();
        LOG.info("demo data: loading into an empty database (the demo accounts sign in once it is loaded)");
        Institution province = institutions.register("130000", "河北省卫生健康委员会", InstitutionType.PROVINCE, null);
        Institution city = institutions.register("130100", "石家庄市卫生健康委员会", InstitutionType.CITY, province.getId());
        Institution county = institutions.register("130123", "正定县卫生健康局", InstitutionType.COUNTY_BUREAU, city.getId());
        Institution a = institutions.register(TOWNSHIP_A, "诸福屯镇卫生院", InstitutionType.TOWNSHIP_CENTRE, county.getId());
        Institution b = institutions.register("130123102", "新城铺镇卫生院", InstitutionType.TOWNSHIP_CENTRE, county.getId());
        Institution village =
                institutions.register("130123101201", "东里寨村卫生室", InstitutionType.VILLAGE_CLINIC, a.getId());

        users(province, city, county, a, b);
        Random random = new Random(20191370L);
        List<Box> boxesA = storage(a, "诸福屯镇卫生院", 12, random);
        List<Box> boxesB = storage(b, "新城铺镇卫生院", 10, random);
        started = progress("institutions, users and storage", started);
        List<HealthRecord> recordsA = records(a, village, RECORDS_A, random);
        List<HealthRecord> recordsB = records(b, null, RECORDS_B, random);
        registry.registerAll(recordsA);
        registry.registerAll(recordsB);
        started = progress((recordsA.size() + recordsB.size()) + " records", started);
        List<RegistryAdministration.ArrivingFile> files = new ArrayList<>(paperFiles(recordsA, boxesA, random));
        files.addAll(paperFiles(recordsB, boxesB, random));
        registry.receiveAll(files);
        started = progress(files.size() + " paper files", started);
        List<BornDigital.Text> texts = new ArrayList<>(documents(a, recordsA, 14, random));
        texts.addAll(documents(b, recordsB, 10, random));
        int documents = bornDigital.archiveAll(texts, "demo").size();
        progress(documents + " archived documents", started);
        // the resident populations the county would enter, so the record rate has a denominator
        int year = LocalDate.now(ChinaTime.ZONE).getYear();
        populations.enterAs("demo", a.getId(), year, 1_900);
        populations.enterAs("demo", b.getId(), year, 1_500);
        LOG.info("demo data loaded: {} records, {} archived documents", recordsA.size() + recordsB.size(), documents);
    }

    /** A progress line for a step of the load, which takes some seconds on a busy machine. */
    private static long progress(String step, long since) {
        long now = System.nanoTime();
        LOG.info("demo data: {} in {} ms", step, (now - since) / 1_000_000);
        return now;
    }

    private void users(Institution province, Institution city, Institution county, Institution a, Institution b) {
        users.createDemoAccount("admin", PASSWORD, "系统管理员", Role.ADMIN, province.getId(), Set.of());
        users.createDemoAccount("city-supervisor", PASSWORD, "市级验收员", Role.SUPERVISOR, city.getId(), Set.of());
        users.createDemoAccount("county-supervisor", PASSWORD, "县级主管", Role.SUPERVISOR, county.getId(), Set.of());
        users.createDemoAccount(
                "county-checker", PASSWORD, "县级核查员", Role.ARCHIVIST, county.getId(), Set.of(Permission.FULL_ID_NUMBER));
        users.createDemoAccount("auditor", PASSWORD, "审计员", Role.AUDITOR, county.getId(), Set.of());
        users.createDemoAccount(
                "archivist-a",
                PASSWORD,
                "诸福屯档案员",
                Role.ARCHIVIST,
                a.getId(),
                Set.of(Permission.RESTRICTED_DOCUMENTS, Permission.FULL_ID_NUMBER));
        users.createDemoAccount("head-a", PASSWORD, "诸福屯院长", Role.SUPERVISOR, a.getId(), Set.of());
        users.createDemoAccount("searcher-a", PASSWORD, "诸福屯查询员", Role.SEARCHER, a.getId(), Set.of());
        users.createDemoAccount(
                "archivist-b", PASSWORD, "新城铺档案员", Role.ARCHIVIST, b.getId(), Set.of(Permission.FULL_ID_NUMBER));
        users.createDemoAccount("head-b", PASSWORD, "新城铺院长", Role.SUPERVISOR, b.getId(), Set.of());
        users.createDemoAccount("searcher-b", PASSWORD, "新城铺查询员", Role.SEARCHER, b.getId(), Set.of());
    }

    private List<Box> storage(Institution owner, String siteName, int boxCount, Random random) {
        StorageLocation site = storage.register(new StorageLocation(siteName, LocationType.SITE, null, owner.getId()));
        StorageLocation room = storage.register(new StorageLocation("档案室", LocationType.ROOM, site, owner.getId()));
        List<Box> boxes = new ArrayList<>();
        for (int shelf = 1; shelf <= 4; shelf++) {
            StorageLocation s =
                    storage.register(new StorageLocation(shelf + "号架", LocationType.SHELF, room, owner.getId()));
            for (int i = 0; i < boxCount / 4 + 1; i++) {
                boxes.add(storage.register(new Box(BoxBarcode.of(owner.getId() * 10_000L + boxes.size() + 1), 200, s)));
            }
        }
        return boxes;
    }

    /**
     * Records with the faults a campaign must find: about 1% wrong check digits, 1% tags that
     * contradict the age, 6% not served for over two years, 0.5% a second record for one person.
     */
    private List<HealthRecord> records(Institution township, Institution village, int count, Random random) {
        List<HealthRecord> created = new ArrayList<>();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        for (int serial = 1; serial <= count; serial++) {
            int villageIndex = random.nextInt(VILLAGES.length);
            boolean atClinic = village != null && villageIndex == 0;
            String villageCode = "%03d".formatted(201 + villageIndex);
            RecordNumber number = RecordNumber.of(township.getCode() + villageCode + "%05d".formatted(serial));
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            LocalDate birth = today.minusDays(random.nextInt(365 * 92));
            PilotResident pilot = township.getCode().equals(TOWNSHIP_A) ? PILOT_RESIDENTS.get(serial) : null;
            String idNumber = idNumber(birth, gender, random);
            int fault = random.nextInt(200);
            if (fault < 2) {
                idNumber = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
            }
            Set<KeyPopulation> tags = tagsFor(birth, today, random);
            if (fault >= 2 && fault < 4) {
                tags.add(birth.isBefore(today.minusYears(10)) ? KeyPopulation.CHILD_0_6 : KeyPopulation.ELDERLY);
            }
            LocalDate lastService = fault >= 4 && fault < 16
                    ? today.minusYears(2).minusDays(1 + random.nextInt(900))
                    : today.minusDays(random.nextInt(600));
            if (lastService.isBefore(birth)) {
                lastService = birth;
            }
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
            String address = "河北省石家庄市正定县" + township.getName().replace("卫生院", "") + VILLAGES[villageIndex]
                    + (1 + random.nextInt(200)) + "号";
            HealthRecord record = pilot == null
                    ? new HealthRecord(
                                    number,
                                    name,
                                    gender,
                                    birth,
                                    idNumber,
                                    atClinic ? village.getId() : township.getId())
                            .contact(phone, address)
                            .tagged(tags)
                            .servedOn(lastService)
                    // after every draw of the generator, so the rest of the demo stays as it was
                    : new HealthRecord(
                                    number,
                                    pilot.name(),
                                    pilot.gender(),
                                    pilot.birth(),
                                    pilot.idNumber(),
                                    atClinic ? village.getId() : township.getId())
                            .contact(pilot.phone(), address)
                            .tagged(pilot.tags())
                            .servedOn(today.minusDays(40));
            created.add(record);
            if (fault == 199 && serial < count) {
                // the same person registered a second time under the next serial
                serial++;
                created.add(new HealthRecord(
                                RecordNumber.of(township.getCode() + villageCode + "%05d".formatted(serial)),
                                name,
                                gender,
                                birth,
                                idNumber,
                                record.getInstitutionId())
                        .tagged(tags)
                        .servedOn(lastService));
            }
        }
        return created;
    }

    /**
     * Archived reports of the first records of a township, for the search screen: examination and
     * laboratory reports, and two restricted follow-up records of severe mental disorder.
     */
    private static List<BornDigital.Text> documents(
            Institution township, List<HealthRecord> records, int count, Random random) {
        List<BornDigital.Text> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HealthRecord r = records.get(i);
            LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
            int age = r.getBirthDate() == null
                    ? 60
                    : Period.between(r.getBirthDate(), date).getYears();
            if (i < 2) {
                documents.add(new BornDigital.Text(
                        r.getRecordNumber(),
                        DocumentType.SEVERE_MENTAL_DISORDER,
                        List.of(DemoReports.followUp(township.getName(), r.getName(), date, random))));
            } else {
                documents.add(new BornDigital.Text(
                        r.getRecordNumber(),
                        DocumentType.AUX_EXAM_REPORT,
                        List.of(DemoReports.report(
                                township.getName(),
                                r.getName(),
                                r.getGender() == Gender.FEMALE ? "女" : "男",
                                age,
                                date,
                                random))));
            }
        }
        return documents;
    }

    private static Set<KeyPopulation> tagsFor(LocalDate birth, LocalDate today, Random random) {
        Set<KeyPopulation> tags = EnumSet.noneOf(KeyPopulation.class);
        int age = birth.until(today).getYears();
        if (age >= 65) {
            tags.add(KeyPopulation.ELDERLY);
        }
        if (age <= 6) {
            tags.add(KeyPopulation.CHILD_0_6);
        }
        if (age >= 35 && random.nextInt(5) == 0) {
            tags.add(KeyPopulation.HYPERTENSION);
        }
        if (age >= 35 && random.nextInt(10) == 0) {
            tags.add(KeyPopulation.TYPE2_DIABETES);
        }
        if (age >= 15 && random.nextInt(100) == 0) {
            tags.add(KeyPopulation.SEVERE_MENTAL_DISORDER);
        }
        if (age >= 15 && random.nextInt(300) == 0) {
            tags.add(KeyPopulation.TUBERCULOSIS);
        }
        return tags;
    }

    private List<RegistryAdministration.ArrivingFile> paperFiles(
            List<HealthRecord> records, List<Box> boxes, Random random) {
        List<RegistryAdministration.ArrivingFile> files = new ArrayList<>();
        int i = 0;
        for (HealthRecord record : records) {
            Map<DocumentType, Integer> contents = new EnumMap<>(DocumentType.class);
            contents.put(DocumentType.BASIC_INFO, 2);
            contents.put(DocumentType.HEALTH_EXAM, 2 + 2 * random.nextInt(5));
            contents.put(DocumentType.FOLLOW_UP, random.nextInt(12));
            if (random.nextInt(3) == 0) {
                contents.put(DocumentType.AUX_EXAM_REPORT, 1 + random.nextInt(6));
            }
            if (record.getKeyPopulations().contains(KeyPopulation.SEVERE_MENTAL_DISORDER)) {
                contents.put(DocumentType.SEVERE_MENTAL_DISORDER, 3 + random.nextInt(10));
            }
            if (random.nextInt(2) == 0) {
                contents.put(DocumentType.CONSENT, 1);
            }
            // the last tenth has arrived but is not yet shelved
            BoxBarcode box = i < records.size() * 9 / 10
                    ? boxes.get(i * boxes.size() / records.size()).getBarcode()
                    : null;
            files.add(new RegistryAdministration.ArrivingFile(
                    record.getRecordNumber() + "-01", record.getRecordNumber(), contents, box));
            i++;
        }
        return files;
    }

    private static String idNumber(LocalDate birth, Gender gender, Random random) {
        int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = "130123" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }
}
