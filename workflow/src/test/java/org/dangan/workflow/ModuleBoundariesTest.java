package org.dangan.workflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through what they expose, and never in a cycle. */
class ModuleBoundariesTest {

    @Test
    void modules_respect_their_boundaries() {
        ApplicationModules.of(TestApplication.class).verify();
    }
}
