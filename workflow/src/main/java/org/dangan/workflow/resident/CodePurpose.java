package org.dangan.workflow.resident;

/** What a one-time code proves: the resident's sign-in, or that a new phone number is theirs. */
public enum CodePurpose {
    SIGN_IN,
    PHONE_CONFIRMATION
}
