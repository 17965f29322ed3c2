package org.dangan.workflow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.custody.CustodySubject;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.PrintedSheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Scanning boxes: a bulk move to a scanned shelf, and a stocktake reconciled against the ledger. */
@DanganTest
class StocktakeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StorageAdministration storage;

    @Autowired
    CustodyLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    Box one;
    Box two;
    Box three;
    StorageLocation store;
    StorageLocation storeShelf;
    long room;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        one = fixtures.box(county.a(), 1);
        two = fixtures.box(county.a(), 2);
        three = fixtures.box(county.a(), 3);
        room = jdbc.queryForObject(
                "select parent_id from storage_location where id = ?", Long.class, one.getLocationId());
        StorageLocation site = storage.location(
                        jdbc.queryForObject("select parent_id from storage_location where id = ?", Long.class, room))
                .orElseThrow();
        store = storage.register(
                new StorageLocation("库房", LocationType.ROOM, site, county.a().getId()));
        storeShelf = storage.register(
                new StorageLocation("A排", LocationType.SHELF, store, county.a().getId()));
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void scanned_boxes_move_to_the_scanned_shelf_with_ledger_entries_all_or_none() throws Exception {
        mvc.perform(post("/api/boxes/moves")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"location\": " + storeShelf.getId() + ", \"barcodes\": [\""
                                + one.getBarcode().value() + "\", \"NOPE\"]}"))
                .andExpect(status().isBadRequest());
        assertThat(ledger.currentPlace(CustodySubject.BOX, one.getBarcode().value()))
                .contains("甲镇卫生院 / 档案室 / 1号架");
        mvc.perform(post("/api/boxes/moves")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"location\": " + storeShelf.getId() + ", \"barcodes\": [\""
                                + one.getBarcode().value() + "\", \""
                                + two.getBarcode().value() + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moved").value(2));
        assertThat(ledger.currentPlace(CustodySubject.BOX, one.getBarcode().value()))
                .contains("甲镇卫生院 / 库房 / A排");
        assertThat(jdbc.queryForObject(
                        "select location_id from box where barcode = ?",
                        Long.class,
                        two.getBarcode().value()))
                .isEqualTo(storeShelf.getId());
        // in the order scanned, each after the last box standing there
        assertThat(jdbc.queryForList(
                        "select barcode from box where location_id = ? order by position",
                        String.class,
                        storeShelf.getId()))
                .containsExactly(one.getBarcode().value(), two.getBarcode().value());
        assertThat(jdbc.queryForList(
                        "select position from box where location_id = ? order by position",
                        Integer.class,
                        storeShelf.getId()))
                .containsExactly(1, 2);
        mvc.perform(post("/api/boxes/moves")
                        .with(as("archivist-b"))
                        .contentType("application/json")
                        .content("{\"location\": " + storeShelf.getId() + ", \"barcodes\": [\""
                                + three.getBarcode().value() + "\"]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_stocktake_names_what_is_found_missing_misplaced_and_unknown_and_corrects_the_ledger() throws Exception {
        // box three was carried to the store room without telling anyone: the ledger still has it in the records room
        String body = mvc.perform(post("/api/stocktakes")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"room\": " + store.getId() + ", \"barcodes\": [\""
                                + three.getBarcode().value() + "\", \"B99999999\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expected").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> outcomes = JsonPath.read(body, "$.items[*].outcome");
        assertThat(outcomes).containsExactlyInAnyOrder("MISPLACED", "UNEXPECTED");
        assertThat(ledger.currentPlace(CustodySubject.BOX, three.getBarcode().value()))
                .contains("甲镇卫生院 / 库房 / A排");
        assertThat(ledger.entriesOf(CustodySubject.BOX, three.getBarcode().value()))
                .last()
                .satisfies(e -> assertThat(e.reason()).startsWith("stocktake "));

        body = mvc.perform(post("/api/stocktakes")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"room\": " + room + ", \"barcodes\": [\""
                                + one.getBarcode().value() + "\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expected").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(body, "$.items[?(@.outcome == 'FOUND')].barcode"))
                .containsExactly(one.getBarcode().value());
        assertThat((List<String>) JsonPath.read(body, "$.items[?(@.outcome == 'MISSING')].barcode"))
                .containsExactly(two.getBarcode().value());
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        byte[] pdf = mvc.perform(get("/api/stocktakes/" + id + "/report.pdf").with(as("archivist-a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // a record in its own right: PDF/A-2b, outcomes in Chinese
        assertThat(PrintedSheets.archival(pdf))
                .contains(
                        "盘点报告",
                        "甲档案员",
                        one.getBarcode().value(),
                        "在位",
                        two.getBarcode().value(),
                        "缺失")
                .doesNotContain(county.user("archivist-a"));
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void empty_reads_are_not_boxes_and_an_endless_scan_is_refused() throws Exception {
        // a scanner's empty reads come as null or blank: they move nothing and are not counted
        mvc.perform(post("/api/boxes/moves")
                        .with(as("archivist-a"))
                        .contentType("application/json")
                        .content("{\"location\": " + storeShelf.getId() + ", \"barcodes\": [null, \"  \", \""
                                + one.getBarcode().value() + "\", \""
                                + one.getBarcode().value() + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moved").value(1));
        for (String path : List.of("/api/boxes/moves", "/api/stocktakes")) {
            String target = path.endsWith("moves") ? "\"location\": " + storeShelf.getId() : "\"room\": " + room;
            mvc.perform(post(path)
                            .with(as("archivist-a"))
                            .contentType("application/json")
                            .content("{" + target + ", \"barcodes\": [null, \"\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("stocktake.scanRequired"));
            String many = "\"B1\",".repeat(Stocktakes.MAX_SCANS) + "\"B2\"";
            mvc.perform(post(path)
                            .with(as("archivist-a"))
                            .contentType("application/json")
                            .content("{" + target + ", \"barcodes\": [" + many + "]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("stocktake.tooManyScans"));
        }
        assertThat(ledger.currentPlace(CustodySubject.BOX, two.getBarcode().value()))
                .contains("甲镇卫生院 / 档案室 / 1号架");
    }

    @Test
    void a_barcode_no_scanner_reads_is_refused_naming_its_place_in_the_scan() throws Exception {
        int stocktakes = jdbc.queryForObject("select count(*) from stocktake", Integer.class);
        for (String hostile : List.of("\\u202eAB", "A B", "X".repeat(41), "\\uD83D\\uDCE6")) {
            mvc.perform(post("/api/stocktakes")
                            .with(as("archivist-a"))
                            .contentType("application/json")
                            .content("{\"room\": " + room + ", \"barcodes\": [\""
                                    + one.getBarcode().value() + "\", \"" + hostile + "\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("stocktake.unreadableBarcode"))
                    .andExpect(jsonPath("$.message").value(containsString("第 2 个条码")));
        }
        assertThat(jdbc.queryForObject("select count(*) from stocktake", Integer.class))
                .isEqualTo(stocktakes);
    }

    @Test
    void many_scans_of_one_box_at_once_make_one_move_in_the_ledger() throws Exception {
        String barcode = one.getBarcode().value();
        int before = ledger.entriesOf(CustodySubject.BOX, barcode).size();
        int scans = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(scans);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < scans; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/boxes/moves")
                                    .with(as("archivist-a"))
                                    .contentType("application/json")
                                    .content("{\"location\": " + storeShelf.getId() + ", \"barcodes\": [\"" + barcode
                                            + "\"]}"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.entriesOf(CustodySubject.BOX, barcode)).hasSize(before + 1);
        assertThat(ledger.currentPlace(CustodySubject.BOX, barcode)).contains("甲镇卫生院 / 库房 / A排");
        assertThat(ledger.verify().valid()).isTrue();
    }
}
