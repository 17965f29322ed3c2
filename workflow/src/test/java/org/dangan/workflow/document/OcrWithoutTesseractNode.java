package org.dangan.workflow.document;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.security.Role;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.dangan.workflow.support.Scans;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Dang'an node for {@link OcrWithoutTesseractTest}, in a JVM whose libtesseract cannot be
 * loaded, set to read every type with Tesseract: sets up a county with an admin, submits a scan,
 * prints its port and the document's id, and runs its jobs until it is stopped.
 */
public final class OcrWithoutTesseractNode {

    private OcrWithoutTesseractNode() {}

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(
                TestApplication.class,
                "--dangan.home=" + args[0],
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=true",
                "--dangan.node-name=no-tesseract-node",
                "--dangan.ocr.engine=tesseract",
                "--logging.level.org.dangan.workflow.document.OcrAvailability=info");
        Fixtures fixtures = context.getBean(Fixtures.class);
        Fixtures.County county = fixtures.county();
        context.getBean(UserAccounts.class)
                .create(
                        county.user("admin"),
                        Fixtures.PASSWORD,
                        "管理员",
                        Role.ADMIN,
                        county.county().getId(),
                        Set.of());
        HealthRecord record = fixtures.record(county.a(), 1);
        context.getBean(AsUser.class).login(county.user("archivist-a"));
        long id = context.getBean(Documents.class)
                .submit(
                        new ByteArrayInputStream(Scans.page(Scans.REPORT, 28)),
                        "report.png",
                        record.getRecordNumber(),
                        DocumentType.AUX_EXAM_REPORT);
        AsUser.logout();
        System.out.println("NODE READY port " + context.getEnvironment().getProperty("local.server.port") + " users "
                + county.prefix() + " document " + id);
        Thread.currentThread().join();
    }
}
