package org.dangan.workflow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import org.dangan.workflow.platform.InvalidIdentifierException;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.registry.PaperFileState;
import org.dangan.workflow.registry.RegistryAdministration;
import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DanganTest
class StorageTest {

    @Autowired
    RegistryAdministration registry;

    @Autowired
    StorageAdministration storage;

    @Autowired
    Fixtures fixtures;

    Fixtures.County county;
    StorageLocation shelf;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
        StorageLocation site = storage.register(
                new StorageLocation("甲镇卫生院", LocationType.SITE, null, county.a().getId()));
        StorageLocation room = storage.register(
                new StorageLocation("档案室", LocationType.ROOM, site, county.a().getId()));
        shelf = storage.register(
                new StorageLocation("1号架", LocationType.SHELF, room, county.a().getId()));
    }

    private Box box(int capacity) {
        return storage.register(
                new Box(BoxBarcode.of(ThreadLocalRandom.current().nextLong(1, 9_999_999_999L)), capacity, shelf));
    }

    @Test
    void a_box_refuses_files_beyond_its_capacity() {
        Box box = box(2);
        HealthRecord one = fixtures.record(county.a(), 1);
        HealthRecord two = fixtures.record(county.a(), 2);
        HealthRecord three = fixtures.record(county.a(), 3);
        registry.store(one.getRecordNumber() + "-01", box.getBarcode());
        registry.store(two.getRecordNumber() + "-01", box.getBarcode());

        assertThatThrownBy(() -> registry.store(three.getRecordNumber() + "-01", box.getBarcode()))
                .hasMessageContaining("full");
    }

    @Test
    void a_village_clinics_file_may_sit_in_its_townships_box_but_not_in_another_townships() {
        Box box = box(10);
        HealthRecord atClinic = fixtures.record(county.village(), 1);
        assertThat(registry.store(atClinic.getRecordNumber() + "-01", box.getBarcode())
                        .getState())
                .isEqualTo(PaperFileState.STORED);

        HealthRecord inB = fixtures.record(county.b(), 1);
        assertThatThrownBy(() -> registry.store(inB.getRecordNumber() + "-01", box.getBarcode()))
                .hasMessageContaining("box.fileOtherInstitution");
    }

    @Test
    void locations_nest_only_in_the_order_site_room_shelf() {
        assertThatThrownBy(() -> new StorageLocation(
                        "架", LocationType.SHELF, null, county.a().getId()))
                .hasMessageContaining("location.parentRequired");
        assertThatThrownBy(() -> new Box(
                        BoxBarcode.of(1),
                        10,
                        storage.register(new StorageLocation(
                                "站", LocationType.SITE, null, county.a().getId()))))
                .hasMessageContaining("box.notOnShelf");
        assertThatThrownBy(() -> new BoxBarcode("BX12")).isInstanceOf(InvalidIdentifierException.class);
    }
}
