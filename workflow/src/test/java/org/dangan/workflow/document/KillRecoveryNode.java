package org.dangan.workflow.document;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dangan.workflow.TestApplication;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.support.AsUser;
import org.dangan.workflow.support.Fixtures;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Dang'an node in a JVM of its own, for {@link KillRecoveryTest}: with "submit" it sets up a
 * county, submits the scan given and prints its id; with "resume" it only runs. Either way it
 * works its jobs until it is killed.
 */
public final class KillRecoveryNode {

    private KillRecoveryNode() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String home = args[1];
        String url = args[2];
        ConfigurableApplicationContext context = SpringApplication.run(
                TestApplication.class,
                "--dangan.home=" + home,
                "--spring.datasource.url=" + url,
                "--camunda.bpm.job-execution.enabled=true",
                "--dangan.node-name=kill-test-node",
                "--server.port=0",
                "--dangan.ocr.threads=2",
                "--logging.level.org.dangan.workflow.document.Recognition=info");
        if (mode.equals("submit")) {
            Fixtures fixtures = context.getBean(Fixtures.class);
            Fixtures.County county = fixtures.county();
            HealthRecord record = fixtures.record(county.a(), 1);
            context.getBean(AsUser.class).login(county.user("archivist-a"));
            try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
                long id = context.getBean(Documents.class)
                        .submit(in, "stack.pdf", record.getRecordNumber(), DocumentType.AUX_EXAM_REPORT);
                System.out.println("DOCUMENT " + id);
            }
            AsUser.logout();
        }
        System.out.println("NODE READY");
        Thread.currentThread().join();
    }
}
