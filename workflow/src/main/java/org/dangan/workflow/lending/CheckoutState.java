package org.dangan.workflow.lending;

public enum CheckoutState {
    REQUESTED,
    REFUSED,
    OUT,
    RETURNED
}
