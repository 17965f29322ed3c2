package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditEntry;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.document.FileStore;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.registry.ResidentId;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a signed-in resident reads: their own record without the restricted tag, their archived
 * non-restricted reports, and who of the staff read the record; never another resident's.
 */
@DanganTest
class ResidentRecordApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArchivedDocuments archived;

    @Autowired
    FileStore files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Records records;

    @Autowired
    AsUser asUser;

    @Autowired
    RegistryAdministration registry;

    Fixtures.County county;
    HealthRecord mine;
    HealthRecord theirs;
    long report;
    long restricted;
    long theirReport;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        mine = fixtures.record(county.a(), 1);
        theirs = fixtures.record(county.a(), 2);
        jdbc.update(
                "update health_record set key_populations = 'ELDERLY,SEVERE_MENTAL_DISORDER' where id = ?",
                mine.getId());
        report = withPdf(archived.archive(mine, DocumentType.HEALTH_EXAM, "体检"));
        restricted = withPdf(archived.archive(mine, DocumentType.SEVERE_MENTAL_DISORDER, "随访"));
        theirReport = withPdf(archived.archive(theirs, DocumentType.HEALTH_EXAM, "体检"));
    }

    @AfterEach
    void tearDown() {
        AsUser.logout();
    }

    private long withPdf(long document) {
        String sha = files.put(
                new ByteArrayInputStream(("%PDF-1.4 report " + document).getBytes(StandardCharsets.US_ASCII)));
        jdbc.update("update scanned_document set pdf_sha256 = ? where id = ?", sha, document);
        return document;
    }

    static RequestPostProcessor resident(HealthRecord record) {
        ResidentPrincipal principal =
                new ResidentPrincipal(record.getId(), record.getRecordNumber(), record.getInstitutionId());
        return authentication(new UsernamePasswordAuthenticationToken(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
    }

    @Test
    void the_resident_reads_their_own_record_masked_as_staff_see_it_without_the_restricted_tag() throws Exception {
        String raw =
                jdbc.queryForObject("select id_number from health_record where id = ?", String.class, mine.getId());
        String body = mvc.perform(get("/api/resident/me").with(resident(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordNumber").value(mine.getRecordNumber()))
                .andExpect(jsonPath("$.name").value(mine.getName()))
                .andExpect(jsonPath("$.idNumber").value(ResidentId.mask(raw)))
                .andExpect(jsonPath("$.phone").value("138****0000"))
                .andExpect(jsonPath("$.gender").value("男"))
                .andExpect(jsonPath("$.institution").value(county.a().getName()))
                .andExpect(jsonPath("$.services", hasSize(1)))
                .andExpect(jsonPath("$.services[0].name").value("老年人"))
                .andExpect(jsonPath("$.services[0].lastServiceDate").isString())
                .andExpect(jsonPath("$.paperFiles[0]", containsString(county.a().getName())))
                .andExpect(jsonPath("$.note", containsString("卫生院")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("严重精神障碍", "精神", "SEVERE", raw);
    }

    @Test
    void the_paper_file_is_told_in_plain_words_where_it_is_kept() throws Exception {
        mvc.perform(get("/api/resident/me").with(resident(theirs)))
                .andExpect(jsonPath("$.paperFiles[0]").value(county.a().getName() + " 已接收，正在入库"));
        registry.store(
                theirs.getRecordNumber() + "-01", fixtures.box(county.a(), 3).getBarcode());
        mvc.perform(get("/api/resident/me").with(resident(theirs)))
                .andExpect(jsonPath("$.paperFiles[0]").value("保存在 " + county.a().getName() + " 档案室"));
    }

    @Test
    void the_reports_are_the_archived_unrestricted_ones_and_any_other_id_is_not_found() throws Exception {
        mvc.perform(get("/api/resident/documents").with(resident(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(report))
                .andExpect(jsonPath("$.items[0].type").value("健康体检表"))
                .andExpect(jsonPath("$.items[0].pages").value(1))
                .andExpect(jsonPath("$.items[0].scannedOn").isString());
        mvc.perform(get("/api/resident/documents/" + report + "/pdf").with(resident(mine)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("report-" + report + ".pdf")))
                .andExpect(content().string(containsString("%PDF-1.4 report " + report)));
        for (long other : new long[] {restricted, theirReport, 987_654_321L}) {
            mvc.perform(get("/api/resident/documents/" + other + "/pdf").with(resident(mine)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/resident/documents").with(resident(theirs)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(theirReport));
    }

    @Test
    void the_access_trail_shows_staff_reads_by_institution_and_role_newest_first_without_names() throws Exception {
        mvc.perform(get("/api/records/" + mine.getRecordNumber())
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents/" + report + "/pdf")
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        // the resident's own reads and reads of another record are not in their trail
        mvc.perform(get("/api/resident/me").with(resident(mine))).andExpect(status().isOk());
        mvc.perform(get("/api/records/" + theirs.getRecordNumber())
                        .with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        String body = mvc.perform(get("/api/resident/access").with(resident(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].institution").value(county.a().getName()))
                .andExpect(jsonPath("$.items[0].role").value("档案员"))
                .andExpect(jsonPath("$.items[0].at", endsWith("+08:00")))
                .andExpect(jsonPath("$.items[0].name").doesNotExist())
                .andExpect(jsonPath("$.items[*].role", not(hasItem("RESIDENT"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(county.user("archivist-a"), "resident:");
        mvc.perform(get("/api/resident/access").with(resident(theirs))).andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void every_read_is_audited_as_the_residents_and_staff_see_it_in_the_records_trail() throws Exception {
        mvc.perform(get("/api/resident/me").with(resident(mine))).andExpect(status().isOk());
        mvc.perform(get("/api/resident/documents").with(resident(mine))).andExpect(status().isOk());
        mvc.perform(get("/api/resident/documents/" + report + "/pdf").with(resident(mine)))
                .andExpect(status().isOk());
        List<AuditEntry> trail = auditLog.trailOf("RECORD", mine.getRecordNumber(), 50);
        assertThat(trail)
                .filteredOn(e -> e.getUsername().equals("resident:" + mine.getRecordNumber()))
                .extracting(AuditEntry::getAction)
                .containsExactly(
                        AuditAction.RESIDENT_DOCUMENT_READ,
                        AuditAction.RESIDENT_DOCUMENT_LIST,
                        AuditAction.RESIDENT_RECORD_READ);
        asUser.login(county.user("archivist-a"));
        assertThat(records.trail(mine.getRecordNumber()))
                .extracting(AuditEntry::getAction)
                .contains(AuditAction.RESIDENT_RECORD_READ, AuditAction.RESIDENT_DOCUMENT_READ);
    }

    /** Staff credentials never reach the resident's API (fully enforced by the resident's own chain). */
    @Test
    void staff_users_are_refused_on_the_residents_api() throws Exception {
        for (String path : List.of("/api/resident/me", "/api/resident/access", "/api/resident/documents")) {
            int status = mvc.perform(get(path).with(httpBasic(county.user("archivist-a"), Fixtures.PASSWORD)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(401, 403);
        }
        assertThat(mvc.perform(get("/api/resident/me"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(401, 403);
    }
}
