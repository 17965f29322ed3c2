package org.dangan.ui.support;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyPressEvent;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import org.dangan.workflow.custody.CustodyLedger;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFile;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.storage.Box;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Screens of paper custody: two stored paper files of one township record whose retention ran out. */
public abstract class PaperFilesTest extends KaribuTest {

    @Autowired
    protected RegistryAdministration registry;

    @Autowired
    protected CustodyLedger ledger;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Fixtures.County county;
    protected Box box;
    protected String first;
    protected String second;

    @BeforeEach
    void storeTwoFiles() {
        county = fixtures.county();
        box = fixtures.box(county.a(), 21);
        HealthRecord record = fixtures.record(county.a(), 1);
        // an outpatient report whose 15 years ran out long ago
        jdbc.update(
                "update health_record set last_service_date = ? where id = ?",
                LocalDate.of(2001, 5, 1),
                record.getId());
        first = record.getRecordNumber() + "-02";
        second = record.getRecordNumber() + "-03";
        for (String file : new String[] {first, second}) {
            registry.register(new PaperFile(file, record.getId(), Map.of(DocumentType.AUX_EXAM_REPORT, 2)));
            registry.store(file, box.getBarcode());
        }
    }

    protected void as(String user) {
        newSession();
        login(county.user(user));
    }

    /** What a hand scanner does: types the code, then Enter. */
    protected static void scan(TextField field, String code) {
        field.setValue(code);
        ComponentUtil.fireEvent(
                field, new KeyPressEvent(field, Key.ENTER.getKeys().get(0)));
    }

    protected String state(String file) {
        return jdbc.queryForObject("select state from paper_file where file_number = ?", String.class, file);
    }
}
