package org.dangan.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.ocr.SearchablePdf;
import org.dangan.ocr.TextBox;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.platform.PdfFont;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.search.ElasticsearchNode;
import org.dangan.workflow.search.Search;
import org.dangan.workflow.search.SearchIndex;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of a cluster, as Camunda 7 scales: two applications on one database and one file
 * store, both job executors sharing the work, search on Elasticsearch. 200 documents are
 * submitted, half through each node; every one is processed exactly once and found from either
 * node. Then one node is stopped in the middle of work and the other finishes it.
 */
@DanganTest
@Tag("slow") // two more applications and an Elasticsearch node, 200 documents recognised: minutes
class TwoNodesTest {

    @Autowired
    DataSourceProperties testDatabase;

    @Autowired
    PdfFont font;

    @TempDir
    Path home;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void two_nodes_share_the_work_exactly_once_and_one_finishes_what_the_other_left() throws Exception {
        String url = ScratchDatabase.emptied(testDatabase);
        String index = "dangan-cluster-" + System.nanoTime();
        ConfigurableApplicationContext a = node("node-a", url, index);
        // the first node creates the index; the second finds it there
        a.getBean(SearchIndex.class).backgroundRebuild().get(2, TimeUnit.MINUTES);
        ConfigurableApplicationContext b = node("node-b", url, index);
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);

        Fixtures.County county = a.getBean(Fixtures.class).county();
        List<HealthRecord> records = new ArrayList<>();
        for (int serial = 1; serial <= 10; serial++) {
            records.add(a.getBean(Fixtures.class).record(county.a(), serial));
        }
        String archivist = county.user("archivist-a");

        List<Long> first = submit(List.of(a, b), archivist, records, 0, 100);
        awaitArchived(jdbc, first);
        assertExactlyOnce(jdbc, first);
        assertThat(ranOn(jdbc, first)).containsExactlyInAnyOrder("node-a", "node-b");
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            awaitFound(node, archivist, 100);
        }

        // the second hundred waits until all are submitted, then both nodes fall on it at once
        ManagementService management = b.getBean(ManagementService.class);
        management.suspendJobDefinitionByProcessDefinitionKey(Documents.PROCESS_KEY, true);
        List<Long> second = submit(List.of(a, b), archivist, records, 100, 100);
        management.activateJobDefinitionByProcessDefinitionKey(Documents.PROCESS_KEY, true);
        // stopped while it holds work: jobs it has locked (or is running) are left to the other node
        AtomicReference<List<String>> heldByA = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    heldByA.set(jdbc.queryForList(
                            "select process_instance_id_ from act_ru_job where lock_owner_ = 'node-a'", String.class));
                    return !heldByA.get().isEmpty();
                });
        JdbcTemplate bJdbc = b.getBean(JdbcTemplate.class);
        a.close();
        nodes.remove(a);

        awaitArchived(bJdbc, second);
        assertExactlyOnce(bJdbc, second);
        assertThat(bJdbc.queryForObject("select count(*) from scanned_document where state = 'ARCHIVED'", Long.class))
                .isEqualTo(200);
        // what node A held when it stopped was finished: by node B, or by A on its way down
        assertThat(bJdbc.queryForList(
                        "select proc_inst_id_ from act_hi_procinst where end_time_ is not null", String.class))
                .containsAll(heldByA.get());
        assertThat(ranOn(bJdbc, second)).contains("node-b");
        awaitFound(b, archivist, 200);
    }

    private ConfigurableApplicationContext node(String name, String url, String index) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(TestApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--dangan.home=" + home,
                        "--server.port=0",
                        "--dangan.cluster=true",
                        "--dangan.node-name=" + name,
                        "--dangan.search.backend=elasticsearch",
                        "--dangan.search.elasticsearch.url=" + ElasticsearchNode.url(),
                        "--dangan.search.elasticsearch.index=" + index,
                        "--dangan.search.outbox-delay=PT1S",
                        "--dangan.search.outbox-poll=PT1S",
                        "--camunda.bpm.job-execution.enabled=true",
                        // two workers a node: three JVM-sized applications and Elasticsearch share one test JVM's heap
                        "--camunda.bpm.job-execution.core-pool-size=2",
                        "--camunda.bpm.job-execution.max-pool-size=2",
                        // a stopped node's locks expire soon here; in production it is 30 minutes (a long scan is one
                        // job)
                        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                        // an idle node's acquisition backs off up to a minute (Camunda's default), and jobs
                        // activated on the other node do not wake it: the test waits a minute for its first lock
                        "--camunda.bpm.job-execution.max-wait=2000");
        nodes.add(node);
        return node;
    }

    /** {@code count} documents from {@code from} on, alternately through each node, each a one-page PDF with a text layer. */
    private List<Long> submit(
            List<ConfigurableApplicationContext> via, String user, List<HealthRecord> records, int from, int count)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ConfigurableApplicationContext node = via.get(i % via.size());
            node.getBean(AsUser.class).login(user);
            try {
                ids.add(node.getBean(Documents.class)
                        .submit(
                                new ByteArrayInputStream(report("两节点 第" + i + "份 血常规检验报告单 白细胞计数 正常范围")),
                                "report-" + i + ".pdf",
                                records.get(i % records.size()).getRecordNumber(),
                                DocumentType.AUX_EXAM_REPORT));
            } finally {
                AsUser.logout();
            }
        }
        return ids;
    }

    private static void awaitArchived(JdbcTemplate jdbc, List<Long> ids) {
        try {
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from scanned_document where state = 'ARCHIVED' and id between ? and ?",
                                    Long.class,
                                    ids.get(0),
                                    ids.get(ids.size() - 1))
                            == ids.size());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "documents " + ids.get(0) + ".." + ids.get(ids.size() - 1) + " not all archived: states "
                            + jdbc.queryForList("select state, count(*) n from scanned_document group by state")
                            + ", jobs "
                            + jdbc.queryForList("select lock_owner_, retries_, exception_msg_ from act_ru_job"),
                    e);
        }
    }

    /** One page each, recognised once and archived once (history holds only committed work). */
    private static void assertExactlyOnce(JdbcTemplate jdbc, List<Long> ids) {
        for (Long id : ids) {
            Map<String, Object> d =
                    jdbc.queryForMap("select state, process_instance_id from scanned_document where id = ?", id);
            assertThat(d.get("state")).isEqualTo("ARCHIVED");
            assertThat(jdbc.queryForObject("select count(*) from document_page where document_id = ?", Long.class, id))
                    .as("pages of document %d", id)
                    .isOne();
            String process = (String) d.get("process_instance_id");
            assertThat(jdbc.queryForList(
                            "select act_id_ from act_hi_actinst where proc_inst_id_ = ? and end_time_ is not null"
                                    + " and act_id_ in ('recognise', 'archive') order by act_id_",
                            String.class,
                            process))
                    .as("recognised and archived once: document %d", id)
                    .containsExactly("archive", "recognise");
        }
    }

    /** The nodes whose job executors completed jobs of these documents' processes. */
    private static List<String> ranOn(JdbcTemplate jdbc, List<Long> ids) {
        return jdbc.queryForList("""
                select distinct l.hostname_ from act_hi_job_log l join scanned_document d on d.process_instance_id = l.process_instance_id_
                where l.job_state_ = 2 and d.id between ? and ?""", String.class, ids.get(0), ids.get(ids.size() - 1));
    }

    /** Every page found by its words, through this node (the outbox drained into the shared index). */
    private static void awaitFound(ConfigurableApplicationContext node, String user, long expected) {
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> pages(node, user, "两节点") == expected);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "found " + pages(node, user, "两节点") + " pages, not " + expected + "; outbox holds "
                            + node.getBean(JdbcTemplate.class)
                                    .queryForObject("select count(*) from search_outbox", Long.class),
                    e);
        }
    }

    private static long pages(ConfigurableApplicationContext node, String user, String q) {
        node.getBean(AsUser.class).login(user);
        try {
            return node.getBean(Search.class)
                    .search(new Search.Query(q, null, null, null, null, null, null, 0, 1))
                    .total();
        } finally {
            AsUser.logout();
        }
    }

    private byte[] report(String line) throws Exception {
        int width = 1240;
        int height = 400;
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(Font.createFonts(font.path().toFile())[0].deriveFont(30f));
        g.drawString(line, 100, 200);
        int textWidth = g.getFontMetrics().stringWidth(line);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(page, "jpeg", jpeg);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (SearchablePdf out = new SearchablePdf(font.path())) {
            out.addPage(
                    jpeg.toByteArray(), width, height, 150, List.of(new TextBox(line, 100, 170, textWidth, 40, 100)));
            out.save(pdf, "report");
        }
        return pdf.toByteArray();
    }
}
