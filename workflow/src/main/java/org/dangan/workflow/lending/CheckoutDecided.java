package org.dangan.workflow.lending;

/** A supervisor approved or refused a check-out; the requester is told. */
public record CheckoutDecided(long checkoutId, String requestedBy, boolean approved) {}
