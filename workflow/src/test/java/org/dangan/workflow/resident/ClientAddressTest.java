package org.dangan.workflow.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The limits count by the connection's address; X-Forwarded-For only when a setting says a proxy of ours sets it. */
class ClientAddressTest {

    private static ResidentSettings trusting(boolean forwardedFor) {
        return new ResidentSettings(null, true, List.of(), List.of(), forwardedFor);
    }

    @Test
    void a_forwarded_for_header_counts_only_when_trusted_and_then_its_last_hop() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "203.0.113.7, 198.51.100.4");

        assertThat(trusting(false).clientAddress(request)).isEqualTo("192.0.2.10");
        assertThat(trusting(true).clientAddress(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void an_unknown_key_population_in_the_pilot_stops_the_start() {
        assertThatThrownBy(() -> new ResidentSettings(null, true, List.of(), List.of("ELDERLY", "PENSIONERS"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dangan.resident.pilot.key-populations")
                .hasMessageContaining("PENSIONERS");
    }
}
