package org.dangan.workflow.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangan.workflow.support.Zips.unzip;
import static org.dangan.workflow.support.Zips.zip;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a hostile tester did with handover bags (issue 15): downloaded a township's whole archive,
 * restricted documents and whole ID numbers included, without the permissions for either; loaded
 * a hand-made bag into another township's records, with a restricted document marked unrestricted
 * and a document path climbing out of the bag; and ran the node out of memory with a small zip
 * whose manifest unpacks to one endless line. Each attack is replayed here, and after each
 * refusal the node must still answer.
 */
@DanganTest
class BagAttackTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAccounts users;

    @Autowired
    BornDigital bornDigital;

    @Autowired
    FileStore files;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord recordOfB;
    HealthRecord recordOfA;
    long handover;
    Fixtures.County scratch;
    int scratchRecords;

    @BeforeEach
    void setUp() throws Exception {
        county = fixtures.county();
        // holds both permissions over the giving township: the one account here that may take its bag
        users.create(
                county.user("keeper-b"),
                Fixtures.PASSWORD,
                "乙保管员",
                Role.ARCHIVIST,
                county.b().getId(),
                Set.of(Permission.FULL_ID_NUMBER, Permission.RESTRICTED_DOCUMENTS));
        for (int serial = 1; serial <= 3; serial++) {
            HealthRecord r = fixtures.record(county.b(), serial);
            recordOfB = serial == 1 ? r : recordOfB;
        }
        recordOfA = fixtures.record(county.a(), 1);
        transactions.executeWithoutResult(t -> {
            bornDigital.archive(
                    recordOfB.getRecordNumber(),
                    DocumentType.AUX_EXAM_REPORT,
                    List.of(List.of("乙镇卫生院 血常规检验报告单")),
                    "test");
            bornDigital.archive(
                    recordOfB.getRecordNumber(),
                    DocumentType.SEVERE_MENTAL_DISORDER,
                    List.of(List.of("严重精神障碍患者随访服务记录表")),
                    "test");
        });
        String body = mvc.perform(post("/api/handovers")
                        .with(as("county-supervisor"))
                        .contentType("application/json")
                        .content("{\"from\": \"" + county.b().getCode() + "\", \"to\": \""
                                + county.a().getCode() + "\", \"reason\": \"乙镇卫生院并入甲镇卫生院\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        handover = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    // item 1: the bag is the whole archive, restricted documents and whole ID numbers included

    @Test
    void a_bag_is_refused_naming_the_permissions_to_whoever_may_only_follow_the_handover() throws Exception {
        // archivist-a holds both permissions, but over the receiving township, not the giving one
        for (String user : List.of("head-b", "head-a", "archivist-b", "county-checker", "archivist-a")) {
            mvc.perform(get("/api/handovers/" + handover + "/bag.zip")
                            .param("purpose", "移交")
                            .with(as(user))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.details.key").value("bag.download.permissions"))
                    .andExpect(jsonPath("$.message")
                            .value(Matchers.allOf(
                                    Matchers.containsString("FULL_ID_NUMBER"),
                                    Matchers.containsString("RESTRICTED_DOCUMENTS"))));
        }
        assertThat(exports()).isZero();
    }

    @Test
    void a_bag_is_taken_only_with_a_stated_purpose() throws Exception {
        mvc.perform(get("/api/handovers/" + handover + "/bag.zip").with(as("keeper-b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.download.purpose"));
        assertThat(exports()).isZero();
    }

    @Test
    void the_download_is_audited_with_its_purpose_and_what_the_bag_carries() throws Exception {
        Map<String, byte[]> entries = unzip(download());
        String documents = ArchiveBag.folder(handover) + "/data/metadata/documents.json";
        assertThat(new String(entries.get(documents), StandardCharsets.UTF_8)).contains("SEVERE_MENTAL_DISORDER");
        String detail = jdbc.queryForObject(
                "select detail from audit_entry where action = 'BAG_EXPORTED'" + " and subject_id = ?",
                String.class,
                Long.toString(handover));
        assertThat(detail).contains("purpose: 移交接收", "records 3", "documents 2", "restricted documents 1");
    }

    // item 2: a hand-made bag loaded with ?load=true

    @Test
    void a_bag_naming_a_record_of_another_township_loads_nothing() throws Exception {
        Map<String, byte[]> bag = documentBag(recordOfA.getRecordNumber(), "7", List.of(), "甲镇伪造页面");
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(bag)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.record.notYours"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from scanned_document where record_number = ?",
                        Integer.class,
                        recordOfA.getRecordNumber()))
                .isZero();
        index.drain();
        mvc.perform(get("/api/search").param("q", "甲镇伪造页面").with(as("searcher-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        stillServing();
    }

    @Test
    void a_document_is_restricted_by_its_type_whatever_the_bag_says_and_its_arrival_is_audited() throws Exception {
        Fixtures.County other = fixtures.county();
        String number = other.b().getCode() + "001" + "00042";
        Map<String, byte[]> bag = documentBag(number, "7", newRecord(number), "乙镇精神障碍随访");
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(bag)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loadedDocuments").value(1));
        Map<String, Object> row = jdbc.queryForMap(
                "select id, restricted, institution_id from scanned_document" + " where record_number = ?", number);
        assertThat(row.get("restricted")).isEqualTo(true);
        assertThat(((Number) row.get("institution_id")).longValue())
                .isEqualTo(county.b().getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'BAG_RECEIVED'"
                                + " and subject_type = 'DOCUMENT' and subject_id = ? and institution_id = ?",
                        Integer.class,
                        row.get("id").toString(),
                        county.b().getId()))
                .isEqualTo(1);
        index.drain();
        mvc.perform(get("/api/search").param("q", "乙镇精神障碍随访").with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void a_document_path_that_climbs_out_of_the_bag_is_refused_naming_it(@TempDir Path outside) throws Exception {
        Fixtures.County other = fixtures.county();
        String number = other.b().getCode() + "001" + "00043";
        byte[] pdf = pdf("袋外文件");
        Files.write(outside.resolve("original.pdf"), pdf);
        Files.write(outside.resolve("searchable.pdf"), pdf);
        String climb = "../".repeat(40) + outside.toAbsolutePath().toString().substring(1);
        // documents.json names the climbing id; the bag's one document folder (7) is there, so the climb starts inside
        Map<String, byte[]> bag = documentBag(number, "7", newRecord(number), "袋内文件");
        String documents = "bag/data/metadata/documents.json";
        bag.put(
                documents,
                new String(bag.get(documents), StandardCharsets.UTF_8)
                        .replace("\"id\": \"7\"", "\"id\": \"" + climb + "\"")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(manifested(bag))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.path.outside"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString(climb)));
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where record_number = ?", Integer.class, number))
                .isZero();
        stillServing();
    }

    @Test
    void a_bag_holding_a_paper_file_of_a_record_it_does_not_bring_loads_nothing() throws Exception {
        Fixtures.County other = fixtures.county();
        String number = other.b().getCode() + "001" + "00044";
        Map<String, byte[]> bag = documentBag(number, "7", newRecord(number), "乙镇检验报告");
        bag.put(
                "bag/data/metadata/paper-files.json",
                ("[{\"file_number\": \"" + recordOfA.getRecordNumber()
                                + "-09\", \"record_number\": \"" + recordOfA.getRecordNumber()
                                + "\", \"page_count\": 3,"
                                + " \"state\": \"STORED\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(manifested(bag))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.paperFile.foreignRecord"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from paper_file where file_number = ?",
                        Integer.class,
                        recordOfA.getRecordNumber() + "-09"))
                .isZero();
    }

    @Test
    void a_bag_record_with_an_unknown_key_population_is_refused_naming_record_and_field() throws Exception {
        String number = fixtures.county().b().getCode() + "001" + "00045";
        refusedNamingRecordAndField(number, "key_populations", "BOGUS");
        stillServing();
    }

    @Test
    void a_bag_record_with_a_malformed_id_number_gender_status_or_birth_date_is_refused() throws Exception {
        String number = fixtures.county().b().getCode() + "001" + "00046";
        refusedNamingRecordAndField(number, "id_number", "12345");
        refusedNamingRecordAndField(number, "gender", "X");
        refusedNamingRecordAndField(number, "status", "LOST");
        refusedNamingRecordAndField(number, "birth_date", "2999-01-01");
    }

    @Test
    void a_bag_paper_file_with_a_wrong_page_count_or_number_or_a_number_named_twice_is_refused() throws Exception {
        String number = fixtures.county().b().getCode() + "001" + "00047";
        String file = "{\"file_number\": \"" + number + "-01\", \"record_number\": \"" + number + "\", ";
        for (String files : List.of(
                file + "\"page_count\": -50}",
                file + "\"page_count\": \"7\"}",
                file + "\"page_count\": 99999999999}",
                "{\"file_number\": \"" + "X".repeat(5000) + "\", \"record_number\": \"" + number
                        + "\", \"page_count\": 3}")) {
            refusedWithPaperFiles(number, newRecord(number), files, "bag.paperFile.invalid");
        }
        refusedWithPaperFiles(
                number,
                newRecord(number),
                "[" + file + "\"page_count\": 3}, " + file + "\"page_count\": 4}]",
                "bag.duplicate");
        List<Map<String, String>> twice = new ArrayList<>(newRecord(number));
        twice.addAll(newRecord(number));
        refusedWithPaperFiles(number, twice, "[]", "bag.duplicate");
        stillServing();
    }

    private void refusedWithPaperFiles(String number, List<Map<String, String>> records, String files, String key)
            throws Exception {
        Map<String, byte[]> bag = new LinkedHashMap<>(documentBag(number, "8", records, "乙镇纸质档案"));
        bag.keySet().removeIf(name -> !name.startsWith("bag/data/"));
        bag.put(
                "bag/data/metadata/paper-files.json",
                (files.startsWith("[") ? files : "[" + files + "]").getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(manifested(bag))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value(key));
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where record_number = ?", Integer.class, number))
                .isZero();
    }

    /** Loads a bag whose one record has {@code field} set to {@code value}; it must refuse and store nothing. */
    private void refusedNamingRecordAndField(String number, String field, String value) throws Exception {
        Map<String, String> record = new HashMap<>(newRecord(number).get(0));
        record.put(field, value);
        mvc.perform(post("/api/bags")
                        .param("load", "true")
                        .with(as("archivist-b"))
                        .contentType("application/zip")
                        .content(zip(documentBag(number, "7", List.of(record), "乙镇错误字段"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.record.invalid"))
                .andExpect(jsonPath("$.message")
                        .value(Matchers.allOf(Matchers.containsString(number), Matchers.containsString(field))));
        assertThat(jdbc.queryForObject(
                        "select count(*) from health_record where record_number = ?", Integer.class, number))
                .isZero();
    }

    // item 3: bounded bags

    @Test
    void a_manifest_that_unpacks_to_one_endless_line_is_refused_and_the_node_keeps_serving() throws Exception {
        byte[] bomb = bagWith(out -> {
            out.putNextEntry(new ZipEntry("bag/manifest-sha256.txt"));
            out.write(("0".repeat(64) + "  data/").getBytes(StandardCharsets.US_ASCII));
            byte[] endless = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int mib = 0; mib < 16; mib++) {
                out.write(endless);
            }
        });
        assertThat(bomb.length).isLessThan(1 << 17);
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(bomb))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.tagFile.lineTooLong"));
        stillServing();
    }

    @Test
    void a_manifest_of_more_lines_than_a_bag_may_hold_files_is_refused() throws Exception {
        byte[] bag = bagWith(out -> {
            out.putNextEntry(new ZipEntry("bag/manifest-sha256.txt"));
            for (int line = 0; line < 500_001; line++) {
                out.write((HexFormat.of().formatHex(new byte[32]) + "  data/" + line + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        });
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(bag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.tagFile.tooManyLines"));
        stillServing();
    }

    @Test
    void a_zip_of_more_entries_than_a_bag_may_hold_is_refused_before_it_is_unpacked() throws Exception {
        // with bagit.txt, one entry more than a bag may hold
        byte[] bag = bagWith(out -> {
            for (int entry = 0; entry < 500_000; entry++) {
                out.putNextEntry(new ZipEntry("bag/data/" + entry));
            }
        });
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(bag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.zip.tooManyEntries"));
        stillServing();
    }

    @Test
    void a_zip_entry_that_climbs_out_of_the_bag_is_refused_naming_it() throws Exception {
        Map<String, byte[]> bag = manifested(new LinkedHashMap<>(Map.of("bag/data/a.txt", new byte[] {1})));
        bag.put("bag/../../escaped.txt", new byte[] {2});
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(zip(bag)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("bag.path.outside"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("bag/../../escaped.txt")));
        stillServing();
    }

    @Test
    void bags_are_received_by_archivists_and_administrators_only() throws Exception {
        byte[] bag = zip(manifested(new LinkedHashMap<>(Map.of("bag/data/a.txt", new byte[] {1}))));
        for (String user : List.of("head-a", "county-supervisor", "searcher-a", "auditor")) {
            mvc.perform(post("/api/bags")
                            .with(as(user))
                            .contentType("application/zip")
                            .content(bag))
                    .andExpect(status().isForbidden())
                    // the API's URL rule refuses before the body is read; IncomingBags refuses the same again
                    .andExpect(jsonPath("$.details.key").value("error.forbidden"));
        }
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType("application/zip")
                        .content(bag))
                .andExpect(status().isCreated());
    }

    /** Health UP and the record list answering: the refusal cost the node nothing. */
    private void stillServing() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/records").with(as("archivist-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3));
    }

    private int exports() {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'BAG_EXPORTED' and subject_id = ?",
                Integer.class,
                Long.toString(handover));
    }

    private byte[] download() throws Exception {
        ResultActions result = mvc.perform(get("/api/handovers/" + handover + "/bag.zip")
                .param("purpose", "移交接收")
                .with(as("keeper-b")));
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /**
     * A bag as a hostile tester makes it by hand: one severe-mental-disorder document marked
     * unrestricted, of the given record, under the given id, with a real searchable PDF saying {@code text}.
     */
    private Map<String, byte[]> documentBag(
            String recordNumber, String id, List<Map<String, String>> records, String text) throws Exception {
        byte[] pdf = pdf(text);
        String sha = sha256(pdf);
        Map<String, byte[]> bag = new LinkedHashMap<>();
        bag.put("bag/data/metadata/records.json", json(records));
        bag.put("bag/data/metadata/paper-files.json", "[]".getBytes(StandardCharsets.UTF_8));
        bag.put(
                "bag/data/metadata/documents.json",
                ("[{\"id\": \"" + id + "\", \"record_number\": \"" + recordNumber
                                + "\", \"document_type\": \"SEVERE_MENTAL_DISORDER\", \"restricted\": false, \"original_name\": \"x.pdf\","
                                + " \"original_sha256\": \"" + sha + "\", \"pdf_sha256\": \"" + sha
                                + "\", \"page_count\": 1,"
                                + " \"state\": \"ARCHIVED\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        bag.put("bag/data/documents/" + id + "/original.pdf", pdf);
        bag.put("bag/data/documents/" + id + "/searchable.pdf", pdf);
        return manifested(bag);
    }

    /** A searchable PDF saying {@code text}, typeset as the demo's documents are, in a county of its own. */
    private byte[] pdf(String text) throws IOException {
        if (scratch == null) {
            scratch = fixtures.county();
        }
        HealthRecord record = fixtures.record(scratch.b(), ++scratchRecords);
        long id = transactions.execute(t -> bornDigital.archive(
                record.getRecordNumber(), DocumentType.AUX_EXAM_REPORT, List.of(List.of(text)), "test"));
        String sha = jdbc.queryForObject("select pdf_sha256 from scanned_document where id = ?", String.class, id);
        try (InputStream in = files.open(sha)) {
            return in.readAllBytes();
        }
    }

    /** One record the bag brings, numbered by a township this database has no records of. */
    private static List<Map<String, String>> newRecord(String number) {
        return List.of(Map.of(
                "record_number",
                number,
                "name",
                "测试",
                "gender",
                "MALE",
                "birth_date",
                "1950-03-07",
                "status",
                "ACTIVE",
                "key_populations",
                ""));
    }

    private static byte[] json(List<Map<String, String>> rows) throws IOException {
        return new ObjectMapper().writeValueAsBytes(rows);
    }

    /** Adds bagit.txt and the manifests, so the bag verifies and only its content is hostile. */
    private static Map<String, byte[]> manifested(Map<String, byte[]> payload) {
        Map<String, byte[]> bag = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder();
        payload.forEach((name, bytes) -> {
            if (name.startsWith("bag/data/")) {
                bag.put(name, bytes);
                manifest.append(sha256(bytes))
                        .append("  ")
                        .append(name.substring("bag/".length()))
                        .append('\n');
            }
        });
        bag.put(
                "bag/bagit.txt",
                "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
        bag.put(
                "bag/bag-info.txt",
                "Source-Organization: 测试系统 (999999)\nExternal-Identifier: hostile\n".getBytes(StandardCharsets.UTF_8));
        bag.put("bag/manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        return bag;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ArchiveBag.sha256().digest(bytes));
    }

    @FunctionalInterface
    private interface Entries {
        void write(ZipOutputStream out) throws IOException;
    }

    /** A zipped bag of bagit.txt and what {@code rest} writes, streamed (the hostile parts are large unpacked). */
    private static byte[] bagWith(Entries rest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("bag/bagit.txt"));
            out.write("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
            rest.write(out);
        }
        return bytes.toByteArray();
    }
}
