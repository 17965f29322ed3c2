package org.dangan.ui.resident;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.stream.IntStream;
import org.dangan.ui.registry.RecordDetailView;
import org.dangan.ui.support.KaribuTest;
import org.dangan.workflow.registry.HealthRecord;
import org.dangan.workflow.resident.ResidentPrincipal;
import org.dangan.workflow.resident.ResidentRecordService;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staff see in a record's trail that its resident viewed it, labelled as the resident, not as an account. */
class ResidentRecordTrailTest extends KaribuTest {

    @Autowired
    ResidentRecordService residentRecords;

    @Test
    void the_records_trail_shows_the_residents_own_read_as_the_resident() {
        Fixtures.County county = fixtures.county();
        HealthRecord record = fixtures.record(county.a(), 1);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        new ResidentPrincipal(record.getId(), record.getRecordNumber(), record.getInstitutionId()),
                        null,
                        List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
        residentRecords.me();
        SecurityContextHolder.clearContext();

        login(county.user("archivist-a"));
        UI.getCurrent().navigate(RecordDetailView.class, record.getRecordNumber());
        Grid<?> trail = _get(Grid.class, spec -> spec.withId("record-trail"));
        List<String> rows = IntStream.range(0, GridKt._size(trail))
                .mapToObj(i -> String.join(" ", GridKt._getFormattedRow(trail, i)))
                .toList();
        assertThat(rows).anyMatch(r -> r.contains("居民本人") && r.contains("居民查看本人档案"));
        assertThat(rows).noneMatch(r -> r.contains("resident:"));
    }
}
