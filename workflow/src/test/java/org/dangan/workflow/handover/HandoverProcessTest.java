package org.dangan.workflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangan.workflow.support.Zips.unzip;
import static org.dangan.workflow.support.Zips.zip;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.dangan.workflow.custody.CustodyEvent;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.PrintedSheets;
import org.dangan.workflow.verification.Campaigns;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Township B merges into township A: the handover runs through its process over the REST API,
 * with a check that finds a box missing, a second check, the four-eyes approval, and the switch
 * of custody; or it is returned and nothing moves. The bag is validated by the Library of
 * Congress's BagIt implementation, and a tampered bag is refused.
 */
@DanganTest
class HandoverProcessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    BornDigital bornDigital;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    AsUser asUser;

    @Autowired
    UserAccounts users;

    Fixtures.County county;
    Box first;
    Box second;
    HealthRecord record;
    long document;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        // the bag carries restricted documents and whole ID numbers: taken by one who holds both over B
        users.create(
                county.user("keeper-b"),
                Fixtures.PASSWORD,
                "乙保管员",
                Role.ARCHIVIST,
                county.b().getId(),
                Set.of(Permission.FULL_ID_NUMBER, Permission.RESTRICTED_DOCUMENTS));
        first = fixtures.box(county.b(), 1);
        second = fixtures.box(county.b(), 2);
        for (int serial = 1; serial <= 3; serial++) {
            HealthRecord r = fixtures.record(county.b(), serial);
            String file = r.getRecordNumber() + "-02";
            registry.register(new PaperFile(file, r.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, serial)));
            registry.store(file, (serial == 1 ? first : second).getBarcode());
            record = serial == 1 ? r : record;
        }
        // a real searchable PDF in the file store, as the digitisation leaves it
        document = transactions.execute(t -> bornDigital.archive(
                record.getRecordNumber(),
                DocumentType.AUX_EXAM_REPORT,
                List.of(List.of("乙镇卫生院 血常规检验报告单", "白细胞计数 6.1")),
                "test"));
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    private long start(String user) throws Exception {
        String body = mvc.perform(post("/api/handovers")
                        .with(as(user))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                + county.a().getCode() + "\", \"reason\": \"乙镇卫生院并入甲镇卫生院\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void check(long id, String user, List<Box> boxes, int expected) throws Exception {
        String barcodes = String.join(
                "\", \"", boxes.stream().map(b -> b.getBarcode().value()).toList());
        mvc.perform(post("/api/handovers/" + id + "/check")
                        .with(as(user))
                        .contentType("application/json")
                        .content("{\"barcodes\": [\"" + barcodes + "\"]}"))
                .andExpect(status().is(expected));
    }

    private void decide(long id, String user, int expected) throws Exception {
        mvc.perform(post("/api/handovers/" + id + "/decision")
                        .with(as(user))
                        .contentType("application/json")
                        .content("{\"approved\": true}"))
                .andExpect(status().is(expected));
    }

    /** Over B's paper files (each record also has its -01 file of health record material, in no box). */
    private int count(String what) {
        return jdbc.queryForObject(
                "select " + what + " from paper_file f join health_record r on r.id = f.record_id"
                        + " where r.institution_id = ?",
                Integer.class,
                county.b().getId());
    }

    private String institutionOf(String table, String where, Object value) {
        return jdbc.queryForObject(
                "select i.code from " + table + " t join institution i on i.id = t.institution_id" + " where t." + where
                        + " = ?",
                String.class,
                value);
    }

    @Test
    void an_institution_under_verification_is_not_handed_over_until_the_campaign_ends() throws Exception {
        asUser.login(county.user("county-supervisor"));
        long campaign = campaigns
                .start(new Campaigns.StartRequest(
                        List.of(county.b().getCode()), LocalDate.now().plusMonths(1), null, null))
                .getId();
        mvc.perform(post("/api/handovers")
                        .with(as("county-supervisor"))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                + county.a().getCode() + "\", \"reason\": \"乙镇卫生院并入甲镇卫生院\"}")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.details.key").value("handover.campaignOpen"))
                .andExpect(jsonPath("$.message").value(county.b().getName() + "正在核查活动 #" + campaign + " 中：核查结束后再移交档案"));
    }

    @Test
    void no_campaign_starts_over_an_archive_on_its_way_to_another_institution() throws Exception {
        long id = start("county-supervisor");
        asUser.login(county.user("county-supervisor"));
        for (var side : List.of(county.b(), county.a())) {
            Assertions.assertThatThrownBy(() -> campaigns.start(new Campaigns.StartRequest(
                            List.of(side.getCode()), LocalDate.now().plusMonths(1), null, null)))
                    .isInstanceOfSatisfying(Refused.class, r -> {
                        assertThat(r.key()).isEqualTo("campaign.handoverUnderWay");
                        assertThat(r.arguments()).contains(side.getName(), Long.toString(id));
                    });
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from campaign_institution where institution_id in (?, ?)",
                        Integer.class,
                        county.a().getId(),
                        county.b().getId()))
                .isZero();
    }

    @Test
    void four_starts_at_once_for_one_institution_make_one_handover() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService four = Executors.newFixedThreadPool(4);
        List<Future<Integer>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                starts.add(four.submit(() -> {
                    go.await();
                    return mvc.perform(post("/api/handovers")
                                    .with(as("county-supervisor"))
                                    .contentType("application/json")
                                    .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                            + county.a().getCode() + "\", \"reason\": \"乙镇卫生院并入甲镇卫生院\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (var f : starts) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(answers).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            four.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from handover where from_institution_id = ?",
                        Integer.class,
                        county.b().getId()))
                .isOne();
    }

    @Test
    void a_checked_and_approved_handover_moves_the_whole_archive_in_one_step() throws Exception {
        long id = start("county-supervisor");
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-b")))
                .andExpect(jsonPath("$.state").value("CHECKING"))
                .andExpect(jsonPath("$.counts.records").value(3))
                .andExpect(jsonPath("$.counts.paperFiles").value(count("count(*)")))
                .andExpect(jsonPath("$.counts.boxes").value(2))
                .andExpect(jsonPath("$.counts.pages").value(count("sum(f.page_count)")))
                // the scans counted include restricted ones: not told to a reader who may not see them
                .andExpect(jsonPath("$.counts.documents").doesNotExist())
                .andExpect(jsonPath("$.inventorySha256").value(Matchers.matchesPattern("[0-9a-f]{64}")));
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.counts.documents").value(1));
        byte[] pdf = mvc.perform(get("/api/handovers/" + id + "/list.pdf").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // a record in its own right: PDF/A-2b, the files' states in Chinese
        assertThat(PrintedSheets.archival(pdf))
                .contains(
                        "档案移交清单",
                        first.getBarcode().value(),
                        second.getBarcode().value(),
                        record.getRecordNumber() + "-02",
                        "3 份健康档案",
                        count("sum(f.page_count)") + " 页",
                        "接收方经办人",
                        "现状与清点一致",
                        "已入库");

        // the receiving side finds a box missing; the giving side brings it; the second check finds none
        check(id, "archivist-b", List.of(first, second), 403);
        check(id, "archivist-a", List.of(first), 200);
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("DIFFERENCES"))
                .andExpect(jsonPath("$.differences[0].kind").value("MISSING"))
                .andExpect(jsonPath("$.differences[0].barcode")
                        .value(second.getBarcode().value()));
        decide(id, "head-b", 409);
        // the giving side resolves, not the county's checker who belongs to neither, nor the receiver
        for (String outsider : List.of("county-checker", "archivist-a")) {
            mvc.perform(post("/api/handovers/" + id + "/resolution")
                            .with(as(outsider))
                            .contentType("application/json")
                            .content("{\"resolution\": \"RECHECK\", \"note\": \"第2盒补交\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/handovers/" + id + "/resolution")
                        .with(as("archivist-b"))
                        .contentType("application/json")
                        .content("{\"resolution\": \"RECHECK\", \"note\": \"第2盒补交\"}"))
                .andExpect(status().isNoContent());
        check(id, "archivist-a", List.of(first, second), 200);

        // neither the initiator nor a checker approves
        decide(id, "county-supervisor", 409);
        decide(id, "head-a", 403);
        long locations = jdbc.queryForObject(
                "select count(*) from storage_location where institution_id = ?",
                Long.class,
                county.b().getId());
        decide(id, "head-b", 204);
        assertThat(jdbc.queryForObject(
                        "select detail from audit_entry where action = 'HANDOVER' and subject_id = ?"
                                + " and detail like 'transferred:%'",
                        String.class, Long.toString(id)))
                .isEqualTo("transferred: 3 records, 6 paper files, 2 boxes, " + locations
                        + " storage locations; 4 accounts disabled"); // archivist-b, searcher-b, head-b and keeper-b
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("TRANSFERRED"))
                .andExpect(jsonPath("$.approvedBy").value(county.user("head-b")));

        assertThat(institutionOf("health_record", "id", record.getId()))
                .isEqualTo(county.a().getCode());
        assertThat(institutionOf("box", "barcode", second.getBarcode().value()))
                .isEqualTo(county.a().getCode());
        assertThat(institutionOf("scanned_document", "id", document))
                .isEqualTo(county.a().getCode());
        assertThat(jdbc.queryForObject(
                        "select status from institution where id = ?",
                        String.class,
                        county.b().getId()))
                .isEqualTo("MERGED");
        assertThat(ledger.entriesOf(CustodySubject.BOX, first.getBarcode().value()).stream()
                        .map(e -> e.event())
                        .toList())
                .endsWith(CustodyEvent.TRANSFERRED, CustodyEvent.RECEIVED);
        assertThat(ledger.currentPlace(CustodySubject.BOX, first.getBarcode().value()))
                .contains("乙镇卫生院 / 档案室 / 1号架");
        assertThat(ledger.currentPlace(CustodySubject.PAPER_FILE, record.getRecordNumber() + "-02"))
                .contains(first.getBarcode().value());
        assertThat(ledger.verify().valid()).isTrue();

        // B's users are shut out; A's find B's records, in lists too, and its scans in the search
        mvc.perform(get("/api/records").with(as("archivist-b"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/records/" + record.getRecordNumber()).with(as("archivist-a")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/records").param("q", record.getRecordNumber()).with(as("archivist-a")))
                .andExpect(jsonPath("$.items[0].recordNumber").value(record.getRecordNumber()));
        index.drain();
        mvc.perform(get("/api/search")
                        .param("q", "白细胞计数")
                        .param("record", record.getRecordNumber())
                        .with(as("archivist-a")))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void a_handover_given_back_moves_nothing() throws Exception {
        long id = start("county-supervisor");
        check(id, "archivist-a", List.of(first), 200);
        mvc.perform(post("/api/handovers/" + id + "/resolution")
                        .with(as("archivist-b"))
                        .contentType("application/json")
                        .content("{\"resolution\": \"RETURN\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/handovers/" + id + "/resolution")
                        .with(as("archivist-b"))
                        .contentType("application/json")
                        .content("{\"resolution\": \"RETURN\", \"note\": \"第2盒水浸，先修复\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-b")))
                .andExpect(jsonPath("$.state").value("RETURNED"))
                .andExpect(jsonPath("$.returnedReason").value("第2盒水浸，先修复"));
        assertThat(institutionOf("health_record", "id", record.getId()))
                .isEqualTo(county.b().getCode());
        assertThat(jdbc.queryForObject(
                        "select status from institution where id = ?",
                        String.class,
                        county.b().getId()))
                .isEqualTo("ACTIVE");
        // a new handover may start once the last one is back
        start("county-supervisor");
    }

    @Test
    void only_the_county_or_an_administrator_starts_and_never_for_an_institution_with_clinics_below_it()
            throws Exception {
        mvc.perform(post("/api/handovers")
                        .with(as("head-b"))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                + county.a().getCode() + "\", \"reason\": \"并入\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/handovers")
                        .with(as("county-supervisor"))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.a().getCode() + "\", \"to\": \""
                                + county.b().getCode() + "\", \"reason\": \"并入\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.details.key").value("handover.activeBelow"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("个在用机构")));
        start("county-supervisor");
        mvc.perform(post("/api/handovers")
                        .with(as("county-supervisor"))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                + county.a().getCode() + "\", \"reason\": \"并入\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void the_bag_is_valid_to_the_library_of_congress_and_a_tampered_one_is_refused(@TempDir Path dir) throws Exception {
        long id = start("county-supervisor");
        byte[] zip = mvc.perform(get("/api/handovers/" + id + "/bag.zip")
                        .param("purpose", "移交接收")
                        .with(as("keeper-b")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        String top = ArchiveBag.folder(id) + "/";
        assertThat(entries)
                .containsKeys(
                        top + "bagit.txt",
                        top + "bag-info.txt",
                        top + "manifest-sha256.txt",
                        top + "tagmanifest-sha256.txt",
                        top + "data/metadata/records.json",
                        top + "data/ledger/custody.json",
                        top + "data/documents/" + document + "/searchable.pdf",
                        top + "data/documents/" + document + "/original.pdf");
        // the same column names from H2 and PostgreSQL
        assertThat(new String(entries.get(top + "data/metadata/records.json"), StandardCharsets.UTF_8))
                .contains("\"record_number\" : \"" + record.getRecordNumber() + "\"");
        entries.forEach((name, bytes) -> write(dir.resolve(name), bytes));
        Bag bag = new BagReader().read(dir.resolve(ArchiveBag.folder(id)));
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }

        mvc.perform(get("/api/handovers/" + id + "/bag.zip").with(as("searcher-a")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(zip))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalIdentifier").value("dangan-handover-" + id))
                .andExpect(jsonPath("$.payloadFiles")
                        .value(bag.getPayLoadManifests()
                                .iterator()
                                .next()
                                .getFileToChecksumMap()
                                .size()));

        // one character of a record changed in transit
        String records = top + "data/metadata/records.json";
        byte[] changed = entries.get(records).clone();
        changed[changed.length / 2] ^= 1;
        entries.put(records, changed);
        byte[] tampered = zip(entries);
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(tampered))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.checksum"))
                .andExpect(jsonPath("$.message")
                        .value(Matchers.containsString("data/metadata/records.json与清单manifest-sha256.txt不符")));
        write(dir.resolve(records), changed);
        try (BagVerifier verifier = new BagVerifier()) {
            Bag again = new BagReader().read(dir.resolve(ArchiveBag.folder(id)));
            assertThatThrownBy(() -> verifier.isValid(again, false))
                    .isInstanceOf(gov.loc.repository.bagit.exceptions.CorruptChecksumException.class);
        }
    }

    @Tag("slow") // 10,000 records in 200 boxes
    @Test
    void an_institution_of_ten_thousand_records_in_two_hundred_boxes_is_handed_over_whole() throws Exception {
        // B grows to 10,000 records with a paper file each, 50 files to a box
        List<Box> boxes = new ArrayList<>(List.of(first, second));
        for (int serial = 3; serial <= 200; serial++) {
            boxes.add(fixtures.box(county.b(), serial));
        }
        int existing = jdbc.queryForObject(
                "select count(*) from health_record where institution_id = ?",
                Integer.class,
                county.b().getId());
        List<Object[]> records = new ArrayList<>();
        for (int i = existing; i < 10_000; i++) {
            records.add(new Object[] {
                county.b().getCode() + "002" + "%05d".formatted(i),
                "居民" + i,
                county.b().getId()
            });
        }
        jdbc.batchUpdate(
                "insert into health_record (record_number, name, gender, birth_date, status, institution_id,"
                        + " version) values (?, ?, 'FEMALE', date '1960-01-01', 'ACTIVE', ?, 0)",
                records);
        List<Object[]> files = new ArrayList<>();
        List<CustodyLedger.NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String number = (String) records.get(i)[0];
            Box box = boxes.get(i / 50);
            files.add(new Object[] {number + "-02", number, box.getId()});
            entries.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    number + "-02",
                    CustodyEvent.RECEIVED,
                    null,
                    county.b().getCode(),
                    "test data"));
            entries.add(new CustodyLedger.NewEntry(
                    CustodySubject.PAPER_FILE,
                    number + "-02",
                    CustodyEvent.STORED,
                    null,
                    box.getBarcode().value(),
                    "test data"));
        }
        jdbc.batchUpdate(
                "insert into paper_file (file_number, record_id, page_count, state, box_id, version) values"
                        + " (?, (select id from health_record where record_number = ?), 4, 'STORED', ?, 0)",
                files);
        ledger.appendAll(county.b().getId(), entries);

        long id = start("county-supervisor");
        mvc.perform(get("/api/handovers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.counts.records").value(10_000))
                .andExpect(jsonPath("$.counts.boxes").value(200))
                .andExpect(jsonPath("$.counts.paperFiles").value(count("count(*)")));
        byte[] pdf = mvc.perform(get("/api/handovers/" + id + "/list.pdf").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "10000 份健康档案", "200 盒", boxes.get(199).getBarcode().value(), records.get(9_000)[0] + "-02");
        }
        check(id, "archivist-a", boxes, 200);
        decide(id, "head-b", 204);

        mvc.perform(get("/api/handovers/" + id).with(as("archivist-a")))
                .andExpect(jsonPath("$.state").value("TRANSFERRED"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where institution_id = ?",
                        Integer.class,
                        county.a().getId()))
                .isGreaterThanOrEqualTo(10_000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where institution_id = ?",
                        Integer.class,
                        county.b().getId()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from box where institution_id = ?",
                        Integer.class,
                        county.a().getId()))
                .isEqualTo(200);
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, records.get(records.size() - 1)[0] + "-02").stream()
                        .map(e -> e.event())
                        .toList())
                .containsExactly(
                        CustodyEvent.RECEIVED, CustodyEvent.STORED, CustodyEvent.TRANSFERRED, CustodyEvent.RECEIVED);
        assertThat(ledger.verify().valid()).isTrue();
        mvc.perform(get("/api/records")
                        .param("q", (String) records.get(5_000)[0])
                        .with(as("archivist-a")))
                .andExpect(jsonPath("$.items[0].recordNumber").value(records.get(5_000)[0]));
    }

    @Test
    void a_bag_from_another_system_is_taken_into_the_register_with_its_documents(@TempDir Path dir) throws Exception {
        long id = start("county-supervisor");
        byte[] zip = mvc.perform(get("/api/handovers/" + id + "/bag.zip")
                        .param("purpose", "移交接收")
                        .with(as("keeper-b")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // the same archive as another system sends it: numbered by a township this database has no records of
        Fixtures.County other = fixtures.county();
        String data = ArchiveBag.folder(id) + "/data/";
        Path payload = dir.resolve("incoming");
        for (Map.Entry<String, byte[]> e : unzip(zip).entrySet()) {
            if (e.getKey().startsWith(data)) {
                byte[] bytes = e.getValue();
                if (e.getKey().endsWith(".json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(county.b().getCode(), other.b().getCode())
                            .getBytes(StandardCharsets.UTF_8);
                }
                write(payload.resolve(e.getKey().substring(data.length())), bytes);
            }
        }
        gov.loc.repository.bagit.creator.BagCreator.bagInPlace(
                payload, List.of(gov.loc.repository.bagit.hash.StandardSupportedAlgorithms.SHA256), false);
        Map<String, byte[]> bag = new LinkedHashMap<>();
        try (var files = Files.walk(payload)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bag.put("incoming/" + payload.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        byte[] incoming = zip(bag);
        String number =
                record.getRecordNumber().replace(county.b().getCode(), other.b().getCode());
        RequestPostProcessor otherArchivist = httpBasic(other.user("archivist-a"), Fixtures.PASSWORD);

        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(otherArchivist)
                        .contentType("application/zip")
                        .content(incoming))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loadedRecords").value(3))
                .andExpect(jsonPath("$.loadedDocuments").value(1));
        assertThat(jdbc.queryForObject(
                        "select institution_id from health_record where record_number = ?", Long.class, number))
                .isEqualTo(other.a().getId());
        assertThat(jdbc.queryForObject(
                        "select state from paper_file where file_number = ?", String.class, number + "-02"))
                .isEqualTo("RECEIVED");
        assertThat(ledger.entriesOf(CustodySubject.PAPER_FILE, number + "-02"))
                .extracting(e -> e.event() + "@" + e.institutionId())
                .containsExactly(CustodyEvent.RECEIVED + "@" + other.a().getId());
        index.drain();
        mvc.perform(get("/api/search")
                        .param("q", "白细胞计数")
                        .param("record", number)
                        .with(otherArchivist))
                .andExpect(jsonPath("$.total").value(1));
        // the same archive twice is refused whole
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(otherArchivist)
                        .contentType("application/zip")
                        .content(incoming))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.details.key").value("bag.alreadyRegistered"));
        assertThat(ledger.verify().valid()).isTrue();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
