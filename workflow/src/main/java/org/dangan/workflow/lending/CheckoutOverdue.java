package org.dangan.workflow.lending;

/** A check-out's files were not back on the day they were due. */
public record CheckoutOverdue(long checkoutId, String requestedBy) {}
