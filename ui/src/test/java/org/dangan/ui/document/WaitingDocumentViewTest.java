package org.dangan.ui.document;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.io.ByteArrayInputStream;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.document.Documents;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.NoOcrEngines;
import org.dangan.workflow.support.Scans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a node with the models of neither engine, a scan's page says it waits and need not be
 * submitted again. Its own application context is closed after it: while two process engines are
 * registered, /engine-rest of the other tests found this one (tasks of another engine, no guard).
 */
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class WaitingDocumentViewTest extends KaribuTest {

    @DynamicPropertySource
    static void noModelsForEitherEngine(DynamicPropertyRegistry properties) {
        NoOcrEngines.register(properties);
    }

    @Autowired
    Documents documents;

    @Test
    void a_queued_scan_says_it_waits_for_recognition_in_chinese() throws Exception {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        login(county.user("archivist-a"));
        long id = documents.submit(new ByteArrayInputStream(Scans.page(Scans.REPORT, 28)), "report.png",
                record.getRecordNumber(), DocumentType.AUX_EXAM_REPORT);

        UI.getCurrent().navigate(DocumentView.class, id);
        assertThat(_get(Span.class, spec -> spec.withId("document-state")).getText()).isEqualTo("排队中");
        assertThat(_get(Span.class, spec -> spec.withId("document-waiting")).getText())
                .isEqualTo("排队等待：本节点的文字识别引擎暂不可用，请联系系统管理员；恢复后自动继续识别，无需重新提交");
    }
}
