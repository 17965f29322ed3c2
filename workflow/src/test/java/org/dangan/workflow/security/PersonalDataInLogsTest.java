package org.dangan.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dangan.workflow.document.BornDigital;
import org.dangan.workflow.platform.ChinaTime;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.Gender;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RecordNumber;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A working session (import with a bad line, lists, a record read, a search, a scan archived, a
 * civil-registration file, failed logins typed with an ID number) with Dang'an's own logging at
 * DEBUG and everything else at INFO: the log holds none of the residents' ID numbers or names.
 */
@DanganTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.root=info", "logging.level.org.dangan=debug"})
@Tag("slow") // a Spring context of its own (debug logging): a whole application start
class PersonalDataInLogsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryAdministration registry;

    @Autowired
    BornDigital bornDigital;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SearchIndex index;

    @Test
    void a_full_session_leaves_no_id_number_and_no_name_in_the_log(CapturedOutput output) throws Exception {
        Fixtures.County county = fixtures.county();
        RequestPostProcessor archivist = httpBasic(county.user("archivist-a"), Fixtures.PASSWORD);
        List<String> names = List.of("欧阳明月", "司马青山", "上官晓雪");
        List<String> ids = new ArrayList<>();
        List<HealthRecord> records = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            LocalDate birth = LocalDate.of(1961 + i, 4, 9);
            String id = Fixtures.idNumber(county.a().getCode().substring(0, 6), birth, Gender.FEMALE, 300 + i);
            ids.add(id);
            records.add(registry.register(new HealthRecord(
                            RecordNumber.of(county.a().getCode() + "001" + "%05d".formatted(700 + i)),
                            names.get(i),
                            Gender.FEMALE,
                            birth,
                            id,
                            county.a().getId())
                    .servedOn(LocalDate.now(ChinaTime.ZONE).minusDays(3))));
        }

        String csv = "档案编号,姓名,性别,出生日期,身份证号\r\n" + county.a().getCode() + "00100800,慕容秋水,女,1970-01-01,"
                + ids.get(0).substring(0, 17) + "X\r\n";
        mvc.perform(multipart("/api/imports/records")
                .file(new MockMultipartFile("file", "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(archivist));
        mvc.perform(get("/api/records").param("q", names.get(0)).with(archivist))
                .andExpect(status().isOk());
        mvc.perform(get("/api/records/" + records.get(1).getRecordNumber()).with(archivist))
                .andExpect(status().isOk());
        transactions.execute(t -> bornDigital.archive(
                records.get(2).getRecordNumber(),
                DocumentType.AUX_EXAM_REPORT,
                List.of(List.of("姓名 " + names.get(2) + " 身份证号 " + ids.get(2), "血常规 正常")),
                "test"));
        index.drain();
        mvc.perform(get("/api/search").param("q", names.get(2)).with(archivist)).andExpect(status().isOk());
        mvc.perform(post("/api/civil-registration")
                .with(archivist)
                .contentType("text/csv")
                .content("idNumber,event,date\n" + ids.get(1) + ",DECEASED,2026-01-05\n" + ids.get(0)
                        + ",BOGUS,2026-01-05\n"));
        mvc.perform(post("/api/civil-registration")
                .with(archivist)
                .contentType("text/csv")
                .content("idNumber,event,date\n" + ids.get(1) + ",DECEASED,2026-01-05\n"));
        // someone types an ID number or a name into the user name field
        mvc.perform(get("/api/records").with(httpBasic(ids.get(0), "wrong-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/records").with(httpBasic(names.get(0), "wrong-password")))
                .andExpect(status().isUnauthorized());

        String log = output.getAll();
        assertThat(log).as("the log was captured at all").contains("DEBUG");
        for (String id : ids) {
            assertThat(log).doesNotContain(id).doesNotContain(id.substring(0, 17));
        }
        for (String name : names) {
            assertThat(log).doesNotContain(name);
        }
        assertThat(log).doesNotContain("慕容秋水");
    }
}
