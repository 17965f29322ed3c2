package org.dangan.workflow.handover;

/** A handover was approved, or returned (at its approval or by the giving side); its initiator is told. */
public record HandoverDecided(long handoverId, String initiatedBy, boolean approved) {}
