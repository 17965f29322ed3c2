package org.dangan.workflow.verification;

/** A decision that must be taken by someone other than the one who did the work. */
public class FourEyesViolation extends IllegalStateException {

    public FourEyesViolation(String message) {
        super(message);
    }
}
