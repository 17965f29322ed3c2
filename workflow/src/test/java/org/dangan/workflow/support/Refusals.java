package org.dangan.workflow.support;

import org.dangan.workflow.platform.Refused;

/** For aggregate tests: the message key a step is refused with, failing the test when it is not refused. */
public final class Refusals {

    private Refusals() {}

    public static String keyOf(Runnable step) {
        try {
            step.run();
        } catch (Refused r) {
            return r.key();
        }
        throw new AssertionError("the step was not refused");
    }
}
