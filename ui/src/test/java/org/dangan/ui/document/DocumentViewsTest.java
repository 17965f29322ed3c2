package org.dangan.ui.document;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouterLink;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.dangan.ui.audit.AuditView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.ui.support.ResidentField;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.document.DocumentJobs;
import org.dangan.workflow.document.Documents.DocumentSummary;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.Records;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Scans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scan screens: upload, the list with its states, the viewer with page image and text, restricted documents. */
class DocumentViewsTest extends KaribuTest {

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.County county;
    HealthRecord record;

    @BeforeEach
    void world() {
        county = fixtures.county();
        record = fixtures.record(county.a(), 1);
    }

    private static byte[] scan() throws Exception {
        BufferedImage image = new BufferedImage(2000, 600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2000, 600);
        g.setColor(Color.BLACK);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, 58));
        g.drawString("心电图检查报告单", 200, 200);
        g.drawString("窦性心律 未见明显异常", 200, 350);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private long upload(DocumentType type) throws Exception {
        return upload(type, scan());
    }

    @SuppressWarnings("unchecked")
    private long upload(DocumentType type, byte[] content) throws Exception {
        login(county.user("archivist-a"));
        UI.getCurrent().navigate(DocumentsView.class);
        _get(ResidentField.class, spec -> spec.withId("document-record"))
                .setValue(new Records.Resident(record.getRecordNumber(), record.getName()));
        _get(Select.class, spec -> spec.withId("document-type")).setValue(type);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("document-upload")), "ecg.png", "image/png", content);
        Grid<DocumentSummary> grid = _get(Grid.class, spec -> spec.withId("document-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        long id = _get(grid, 0).id();
        DocumentJobs.recognise(management, jdbc, id);
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_uploaded_scan_is_listed_recognised_and_shown_page_beside_text() throws Exception {
        long id = upload(DocumentType.AUX_EXAM_REPORT);
        DocumentsView view = _get(DocumentsView.class);
        view.follow();
        assertThat(_get(_get(Grid.class, spec -> spec.withId("document-grid")), 0))
                .extracting(d -> ((DocumentSummary) d).state().name())
                .isEqualTo("ARCHIVED");

        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_get(Span.class, spec -> spec.withId("document-state")).getText())
                .isEqualTo("已归档");
        assertThat(_get(TextArea.class, spec -> spec.withId("page-text-1")).getValue())
                .contains("心电图检查报告单");
        assertThat(_get(TextArea.class, spec -> spec.withId("page-text-1")).isReadOnly())
                .isTrue();
        assertThat(_find(Image.class)).hasSize(1);
        RouterLink toRecord = _get(RouterLink.class, spec -> spec.withId("document-record"));
        assertThat(toRecord.getHref()).isEqualTo("record/" + record.getRecordNumber());
        assertThat(toRecord.getText()).isEqualTo("查看此人的健康档案");

        // a searcher of the township reads the scan, without a way to the record page they may not open
        newSession();
        login(county.user("searcher-a"));
        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_find(H2.class, spec -> spec.withId("document-heading"))).hasSize(1);
        assertThat(_find(RouterLink.class, spec -> spec.withId("document-record")))
                .isEmpty();

        // another township's archivist finds nothing
        newSession();
        login(county.user("archivist-b"));
        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_find(Span.class, spec -> spec.withId("document-not-found"))).hasSize(1);
    }

    @Test
    void a_restricted_scan_opens_only_with_a_stated_purpose_and_only_for_the_permitted() throws Exception {
        long id = upload(DocumentType.SEVERE_MENTAL_DISORDER);
        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_find(H2.class, spec -> spec.withId("document-heading"))).isEmpty();
        _get(TextField.class, spec -> spec.withId("document-purpose")).setValue("季度随访评估");
        _click(_get(Button.class, spec -> spec.withId("document-open")));
        assertThat(_get(H2.class, spec -> spec.withId("document-heading")).getText())
                .contains(record.getRecordNumber());
        assertThat(jdbc.queryForList(
                        "select detail from audit_entry where action = 'DOCUMENT_READ' and subject_id = ?",
                        String.class,
                        Long.toString(id)))
                .first()
                .isEqualTo("purpose: 季度随访评估");

        newSession();
        login(county.user("head-a"));
        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_find(Span.class, spec -> spec.withId("document-not-found"))).hasSize(1);
    }

    @Test
    void a_poor_scan_is_reviewed_in_its_panel_opened_from_the_scan_and_then_archived() throws Exception {
        long id = upload(DocumentType.AUX_EXAM_REPORT, Scans.fuzzy());
        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_get(Span.class, spec -> spec.withId("document-state")).getText())
                .isEqualTo("待校对");
        assertThat(_get(H2.class, spec -> spec.withId("document-heading")).getText())
                .contains(record.getName() + " · " + record.getRecordNumber());
        assertThat(_get(Span.class, spec -> spec.withId("document-confidence")).getText())
                .matches("识别可信度 \\d+%（.+）");

        _click(_get(Button.class, spec -> spec.withId("open-review")));
        assertThat(_get(H2.class, spec -> spec.withId("review-heading")).getText())
                .contains(record.getName());
        TextArea text = _get(TextArea.class, spec -> spec.withId("page-text-1"));
        assertThat(text.isReadOnly()).isFalse();
        text.setValue("血常规检验报告单 校对后");
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("save-page-1")));
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("finish-review")));
        // the page saved on its own counts as corrected too
        NotificationsKt.expectNotifications("已完成扫描件 #" + id + " 的校对（改正 1 页），已归档");

        assertThat(jdbc.queryForObject("select state from scanned_document where id = ?", String.class, id))
                .isEqualTo("ARCHIVED");
        assertThat(jdbc.queryForObject(
                        "select page_text from document_page where document_id = ? and page_number = 1",
                        String.class,
                        id))
                .isEqualTo("血常规检验报告单 校对后");
        // back on the scan, now archived
        assertThat(_get(Span.class, spec -> spec.withId("document-state")).getText())
                .isEqualTo("已归档");
        assertThat(_find(Button.class, spec -> spec.withId("open-review"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_auditor_reads_document_reads_as_sentences_without_the_stated_purpose() throws Exception {
        long id = upload(DocumentType.SEVERE_MENTAL_DISORDER);
        UI.getCurrent().navigate(DocumentView.class, id);
        _get(TextField.class, spec -> spec.withId("document-purpose")).setValue("季度随访评估");
        _click(_get(Button.class, spec -> spec.withId("document-open")));

        newSession();
        login(county.user("auditor"));
        UI.getCurrent().navigate(AuditView.class);
        _get(TextField.class, spec -> spec.withId("audit-subject")).setValue(Long.toString(id));
        _get(Select.class, spec -> spec.withId("audit-action")).setValue(AuditAction.DOCUMENT_READ);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        List<String> rows = new ArrayList<>();
        int reads = _size(grid); // each fetch of the grid is itself audited, as a read of the log
        for (int i = 0; i < reads; i++) {
            rows.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
        }
        assertThat(rows).anyMatch(r -> r.contains("查看了扫描件 #" + id + "（已说明查阅目的）"));
        assertThat(rows).anyMatch(r -> r.contains("查看了扫描件 #" + id + "（第 1 页，已说明查阅目的）"));
        assertThat(String.join("\n", rows))
                .doesNotContain("季度随访评估")
                .doesNotContain("purpose")
                .doesNotContain("page ");
    }
}
