package org.dangan.workflow.verification;

import org.dangan.workflow.platform.Refused;

/** A decision that must be taken by someone other than the one who did the work. */
public class FourEyesViolation extends Refused {

    FourEyesViolation(String key, Object... arguments) {
        super(Kind.CONFLICT, key, arguments);
    }
}
