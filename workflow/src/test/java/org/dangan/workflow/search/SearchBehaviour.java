package org.dangan.workflow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.dangan.workflow.document.DocumentArchived;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.RecordCorrection;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.support.ArchivedDocuments;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What search does, whatever the backend: the Lucene and the Elasticsearch test classes run these
 * same tests. Archived documents are written as the digitisation process leaves them
 * ({@link ArchivedDocuments}), then the outbox is drained into the index.
 */
abstract class SearchBehaviour {

    @Autowired
    Search search;

    @Autowired
    SearchIndex index;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AsUser asUser;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MockMvc mvc;

    @Autowired
    ArchivedDocuments archived;

    Fixtures.County county;
    HealthRecord wang;
    HealthRecord li;
    HealthRecord zhang;
    long ecg;
    long blood;
    long ultrasound;
    long followUp;

    @BeforeEach
    void archiveDocuments() {
        county = fixtures.county();
        wang = resident(county.a(), 1, "王秀英");
        li = resident(county.village(), 2, "李建国");
        zhang = resident(county.b(), 3, "张卫东");
        ecg = archive(
                wang, DocumentType.AUX_EXAM_REPORT, "心电图检查报告\n窦性心律 ST段改变\n诊断：高血压\n报告日期：2024年3月5日", "复查建议：低盐饮食，一月后复查");
        blood = archive(li, DocumentType.AUX_EXAM_REPORT, "血常规检验报告单\n白细胞计数 6.2\n诊断：高血压 2型糖尿病\n报告日期：2023年11月20日");
        ultrasound = archive(zhang, DocumentType.AUX_EXAM_REPORT, "腹部B超检查报告\n脂肪肝\n诊断：高血压\n报告日期：2024年1月8日");
        followUp =
                archive(wang, DocumentType.SEVERE_MENTAL_DISORDER, "严重精神障碍患者随访记录\n精神分裂症 服药规律\n合并高血压\n随访日期：2024年2月2日");
        index.drain();
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void a_chinese_term_finds_its_page_with_the_match_highlighted() {
        SearchResult found = as("searcher-a", "窦性心律");
        assertThat(found.total()).isOne();
        SearchResult.Hit hit = found.hits().get(0);
        assertThat(hit.documentId()).isEqualTo(ecg);
        assertThat(hit.page()).isOne();
        assertThat(hit.recordNumber()).isEqualTo(wang.getRecordNumber());
        assertThat(hit.documentType()).isEqualTo("AUX_EXAM_REPORT");
        assertThat(hit.institution()).isEqualTo(county.a().getCode());
        assertThat(hit.date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(hit.snippet()).contains("<em>");
        assertThat(hit.snippet().replaceAll("</?em>", "")).contains("窦性心律");
        // characters that only stand apart do not match a term
        assertThat(as("searcher-a", "心律失常").total()).isZero();
    }

    @Test
    void and_or_not_and_phrases_work_with_chinese_terms() {
        assertThat(documents(as("searcher-a", "高血压"))).containsExactlyInAnyOrder(ecg, blood);
        assertThat(documents(as("searcher-a", "高血压 AND NOT 糖尿病"))).containsExactly(ecg);
        assertThat(documents(as("searcher-a", "高血压 -糖尿病"))).containsExactly(ecg);
        assertThat(documents(as("searcher-a", "高血压 非 糖尿病"))).containsExactly(ecg);
        assertThat(documents(as("searcher-a", "窦性心律 OR 白细胞"))).containsExactlyInAnyOrder(ecg, blood);
        assertThat(documents(as("searcher-a", "(窦性心律 OR 糖尿病) AND 高血压"))).containsExactlyInAnyOrder(ecg, blood);
        assertThat(documents(as("searcher-a", "\"诊断：高血压 2型糖尿病\""))).containsExactly(blood);
        assertThat(documents(as("searcher-a", "高血压 糖尿病"))).containsExactly(blood);
        assertThat(documents(as("searcher-a", "NOT 高血压"))).containsExactly(ecg); // its second page
        assertThatThrownBy(() -> as("searcher-a", "\"高血压"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("search.query.phraseOpen"));
        assertThatThrownBy(() -> as("searcher-a", "高血压 AND"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("search.query.endsEarly"));
    }

    @Test
    void a_residents_name_or_record_number_finds_the_documents() {
        SearchResult byName = as("searcher-a", "王秀英");
        assertThat(byName.hits())
                .extracting(SearchResult.Hit::documentId, SearchResult.Hit::page)
                .containsExactlyInAnyOrder(Tuple.tuple(ecg, 1), Tuple.tuple(ecg, 2));
        // a page without a match in its text shows its opening
        assertThat(byName.hits()).allSatisfy(h -> assertThat(h.snippet()).isNotBlank());
        assertThat(documents(as("searcher-a", li.getRecordNumber()))).containsExactly(blood);
    }

    @Test
    void filters_narrow_and_facets_count_over_all_hits() {
        SearchResult all =
                search("county-supervisor", new Search.Query("高血压", null, null, null, null, null, null, 0, 1));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.hits()).hasSize(1);
        assertThat(all.facets().get("institution"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        county.a().getCode(),
                        1L,
                        county.village().getCode(),
                        1L,
                        county.b().getCode(),
                        1L));
        assertThat(all.facets().get("documentType")).containsExactlyEntriesOf(Map.of("AUX_EXAM_REPORT", 3L));
        assertThat(documents(search(
                        "county-supervisor",
                        new Search.Query("高血压", null, county.a().getCode(), null, null, null, null, 0, 10))))
                .containsExactlyInAnyOrder(ecg, blood); // the township and its village
        assertThat(documents(search(
                        "county-supervisor",
                        new Search.Query("高血压", null, county.b().getCode(), null, null, null, null, 0, 10))))
                .containsExactly(ultrasound);
        assertThat(search(
                                "county-supervisor",
                                new Search.Query("高血压", "SEVERE_MENTAL_DISORDER", null, null, null, null, null, 0, 10))
                        .total())
                .isZero();
        assertThat(documents(search(
                        "county-supervisor",
                        new Search.Query("高血压", null, null, null, LocalDate.of(2024, 1, 1), null, null, 0, 10))))
                .containsExactlyInAnyOrder(ecg, ultrasound);
        assertThat(documents(search(
                        "county-supervisor",
                        new Search.Query("高血压", null, null, null, null, LocalDate.of(2023, 12, 31), null, 0, 10))))
                .containsExactly(blood);
        assertThat(documents(search(
                        "county-supervisor",
                        new Search.Query(null, null, null, wang.getRecordNumber(), null, null, null, 0, 10))))
                .containsExactly(ecg);
        assertThatThrownBy(() -> search(
                        "searcher-a",
                        new Search.Query("高血压", null, county.b().getCode(), null, null, null, null, 0, 10)))
                .hasMessageContaining("institution");
    }

    @Test
    void snippets_mark_the_words_asked_for_when_filters_narrow_the_search() {
        // the highlighter is given the words alone, not the type, date and scope filters (issue 21)
        SearchResult found = search(
                "county-supervisor",
                new Search.Query(
                        "高血压 OR 窦性心律", "AUX_EXAM_REPORT", null, null, LocalDate.of(2024, 1, 1), null, null, 0, 10));
        assertThat(documents(found)).containsExactlyInAnyOrder(ecg, ultrasound);
        assertThat(found.hits())
                .allSatisfy(
                        h -> assertThat(h.snippet().replace("</em><em>", "")).contains("<em>高血压</em>"));
        SearchResult.Hit onEcg = found.hits().stream()
                .filter(h -> h.documentId() == ecg)
                .findFirst()
                .orElseThrow();
        assertThat(onEcg.snippet().replace("</em><em>", "")).contains("<em>窦性心律</em>");
        // a word that is excluded is not what the snippet marks; a name matches outside the text
        assertThat(as("searcher-a", "高血压 AND NOT 糖尿病").hits().get(0).snippet()).contains("<em>");
        assertThat(as("searcher-a", "王秀英").hits())
                .allSatisfy(h -> assertThat(h.snippet()).doesNotContain("<em>"));
    }

    @Test
    void another_townships_documents_and_restricted_ones_are_never_seen_not_even_counted() {
        SearchResult other = as("searcher-a", "脂肪肝");
        assertThat(other.total()).isZero();
        assertThat(other.hits()).isEmpty();
        assertThat(other.facets().get("institution")).isEmpty();
        SearchResult b = as("archivist-b", "高血压");
        assertThat(documents(b)).containsExactly(ultrasound);
        assertThat(b.facets().get("institution")).containsOnlyKeys(county.b().getCode());
        // restricted: not for a searcher without the permission, not even as a count
        SearchResult hidden = as("searcher-a", "精神分裂症");
        assertThat(hidden.total()).isZero();
        assertThat(hidden.facets().get("documentType")).isEmpty();
        assertThat(as("searcher-a", "").facets().get("documentType")).doesNotContainKey("SEVERE_MENTAL_DISORDER");
        SearchResult granted = as("archivist-a", "精神分裂症");
        assertThat(documents(granted)).containsExactly(followUp);
        // found, but its text is read in the viewer with a stated purpose: the hit shows none of it,
        // and the search's audit entry names the restricted document it listed
        assertThat(granted.hits().get(0).snippet()).isNull();
        assertThat(jdbc.queryForObject(
                        "select detail from audit_entry where action = 'SEARCH' order by id desc limit 1",
                        String.class))
                .endsWith("restricted documents listed: " + followUp);
        assertThat(as("archivist-a", "高血压").total())
                .isEqualTo(as("searcher-a", "高血压").total() + 1);
        // the auditor and an administrator have no search
        assertThatThrownBy(() -> as("auditor", "高血压"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("role.required"));
    }

    @Test
    void hits_sort_by_date_or_record_and_page() {
        List<SearchResult.Hit> byDate = search(
                        "county-supervisor", new Search.Query("", null, null, null, null, null, "date", 0, 10))
                .hits();
        assertThat(byDate).extracting(SearchResult.Hit::documentId).containsExactly(ecg, ecg, ultrasound, blood);
        assertThat(byDate).extracting(SearchResult.Hit::page).containsExactly(1, 2, 1, 1);
        SearchResult second =
                search("county-supervisor", new Search.Query("", null, null, null, null, null, "date", 1, 2));
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.hits()).extracting(SearchResult.Hit::documentId).containsExactly(ultrasound, blood);
        List<String> byRecord = search(
                        "county-supervisor", new Search.Query("", null, null, null, null, null, "record", 0, 10))
                .hits()
                .stream()
                .map(SearchResult.Hit::recordNumber)
                .toList();
        assertThat(byRecord).isSorted().hasSize(4);
        assertThatThrownBy(() ->
                        search("county-supervisor", new Search.Query("", null, null, null, null, null, "size", 0, 10)))
                .hasMessageContaining("sort");
    }

    @Test
    void a_document_archived_again_replaces_its_pages_in_the_index() {
        transactions.executeWithoutResult(t -> {
            jdbc.update("delete from document_page where document_id = ? and page_number = 2", ecg);
            jdbc.update("update document_page set page_text = ? where document_id = ?", "动态心电图报告\n房性早搏", ecg);
            events.publishEvent(new DocumentArchived(ecg));
        });
        index.drain();
        assertThat(as("searcher-a", "低盐饮食").total()).isZero();
        assertThat(as("searcher-a", "窦性心律").total()).isZero();
        assertThat(documents(as("searcher-a", "房性早搏"))).containsExactly(ecg);
    }

    @Autowired
    Records records;

    @Test
    void a_corrected_name_is_searched_by_its_new_value_once_the_outbox_is_drained() {
        asUser.login(county.user("archivist-a"));
        records.correct(wang.getRecordNumber(), new RecordCorrection("王秀芳", null, null, null, null, null, null, null));
        assertThat(index.status().waiting()).isPositive();
        index.drain();
        assertThat(documents(as("searcher-a", "王秀芳"))).containsExactly(ecg);
        assertThat(as("searcher-a", "王秀英").total()).isZero();
    }

    @Test
    void a_rebuild_from_the_database_answers_as_the_index_did() {
        SearchResult before =
                search("county-supervisor", new Search.Query("高血压", null, null, null, null, null, "record", 0, 10));
        index.rebuild();
        SearchResult after =
                search("county-supervisor", new Search.Query("高血压", null, null, null, null, null, "record", 0, 10));
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.hits())
                .extracting(SearchResult.Hit::documentId)
                .containsExactlyElementsOf(
                        before.hits().stream().map(SearchResult.Hit::documentId).toList());
        assertThat(after.facets()).isEqualTo(before.facets());
        assertThat(index.status().rebuilding()).isFalse();
    }

    @Test
    void the_rest_contract_answers_total_hits_and_facets() throws Exception {
        mvc.perform(get("/api/search")
                        .param("q", "窦性心律")
                        .param("size", "5")
                        .with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].documentId").value(ecg))
                .andExpect(jsonPath("$.hits[0].page").value(1))
                .andExpect(jsonPath("$.hits[0].recordNumber").value(wang.getRecordNumber()))
                .andExpect(jsonPath("$.hits[0].documentType").value("AUX_EXAM_REPORT"))
                .andExpect(jsonPath("$.hits[0].snippet").isString())
                .andExpect(jsonPath("$.facets.documentType.AUX_EXAM_REPORT").value(1));
        mvc.perform(get("/api/search")
                        .param("q", "高血压")
                        .param("from", "2024-01-01")
                        .param("to", "2024-12-31")
                        .param("type", "AUX_EXAM_REPORT")
                        .param("institution", county.a().getCode())
                        .with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/search").param("q", "(高血压").with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("search.query.parenthesis"));
        mvc.perform(get("/api/search").param("q", "高血压").with(httpBasic(county.user("auditor"), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/search/status").with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        // the unreadable query is audited as refused, the others with their hit counts; none with its words
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'SEARCH' and username = ? order by id",
                        String.class,
                        county.user("searcher-a")))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d).doesNotContain("高血压").doesNotContain("窦性心律"))
                .satisfiesExactly(
                        d -> assertThat(d).endsWith("1 hits"),
                        d -> assertThat(d).endsWith("1 hits"),
                        d -> assertThat(d).endsWith("refused: search.query.parenthesis"));
    }

    @Test
    void a_query_nested_too_deep_with_too_many_terms_or_too_long_is_refused_audited_and_searching_goes_on()
            throws Exception {
        String deep = "(".repeat(QueryParser.MAX_DEPTH + 1) + "高血压" + ")".repeat(QueryParser.MAX_DEPTH + 1);
        String wide = IntStream.rangeClosed(1, QueryParser.MAX_TERMS + 1)
                .mapToObj(i -> "王秀英" + i)
                .collect(Collectors.joining(" OR "));
        refusedOverTheApi(deep, "search.query.tooDeep", QueryParser.MAX_DEPTH);
        refusedOverTheApi(wide, "search.query.tooManyTerms", QueryParser.MAX_TERMS);
        // one word of 10,000 characters: a single term to the parser, over Lucene's limit as one token
        refusedOverTheApi("报".repeat(10_000), "search.query.tooLong", Search.MAX_QUERY_LENGTH);
        mvc.perform(get("/api/search").param("q", "窦性心律").with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));

        List<String> audited = jdbc.queryForList(
                "select detail from audit_entry where action = 'SEARCH'" + " and username = ? order by id",
                String.class,
                county.user("searcher-a"));
        assertThat(audited).hasSize(4);
        assertThat(audited.get(0))
                .contains("refused")
                .contains("search.query.tooDeep")
                .contains("query of " + deep.length() + " characters");
        assertThat(audited.get(1)).contains("refused").contains("search.query.tooManyTerms");
        assertThat(audited.get(2)).contains("refused").contains("search.query.tooLong");
        assertThat(audited.get(3)).doesNotContain("refused").endsWith("1 hits");
        assertThat(audited).noneMatch(d -> d.contains("高血压") || d.contains("王秀英") || d.contains("报"));
    }

    private void refusedOverTheApi(String q, String key, int limit) throws Exception {
        mvc.perform(get("/api/search")
                        .param("q", q)
                        .header("Accept-Language", "en")
                        .with(httpBasic(county.user("searcher-a"), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value(key))
                .andExpect(
                        jsonPath("$.message").value(Matchers.containsString(String.format(Locale.ROOT, "%,d", limit))));
    }

    private SearchResult as(String user, String q) {
        return search(user, new Search.Query(q, null, null, null, null, null, null, 0, 20));
    }

    private SearchResult search(String user, Search.Query query) {
        asUser.login(county.user(user));
        return search.search(query);
    }

    private static List<Long> documents(SearchResult result) {
        return result.hits().stream()
                .map(SearchResult.Hit::documentId)
                .distinct()
                .toList();
    }

    private HealthRecord resident(Institution at, int serial, String name) {
        HealthRecord record = fixtures.record(at, serial);
        jdbc.update("update health_record set name = ? where id = ?", name, record.getId());
        return record;
    }

    private long archive(HealthRecord record, DocumentType type, String... pages) {
        return archived.archive(record, type, pages);
    }
}
